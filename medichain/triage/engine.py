"""The triage engine: message (+ context) → KTAS level, red flags and what to do."""

from __future__ import annotations

from medichain.core.text import detect_language
from medichain.triage.facts import derive_facts
from medichain.triage.models import Match, TriageContext, TriageResult
from medichain.triage.quantities import parse_quantities
from medichain.triage.rules import RULES, Rule
from medichain.triage.scanner import ConceptScanner
from medichain.triage.textprep import TextPreparer

_EMPTY_CONTEXT = TriageContext()
_QUALIFIERS = frozenset({"mild", "resolved"})
"""Words that soften a finding ("a bit", "went away"): they count only in the sentence of the finding."""


def _index_rules(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    """Map each fact to the rules it can trigger (keyed by required facts, else by the first group)."""
    index: dict[str, list[int]] = {}
    for position, rule in enumerate(rules):
        keys = rule.all_of or (rule.any_of[0] if rule.any_of else frozenset())
        for key in keys:
            index.setdefault(key, []).append(position)
    return {fact: tuple(positions) for fact, positions in index.items()}


def _qualified(rule: Rule, facts: frozenset[str], sentences: dict[str, frozenset[int]]) -> frozenset[str]:
    """`facts` without the softening words that are not in a sentence of one of the rule's findings: "I have
    a mild sore throat. I am short of breath" is not mild shortness of breath. Findings that come from
    numbers or the caller's context have no sentence; they keep the message's softening words."""
    qualifiers = facts & _QUALIFIERS
    findings = (rule.all_of | {c for group in rule.any_of for c in group}) & facts
    if not qualifiers or any(finding not in sentences for finding in findings):
        return facts
    near = frozenset().union(*(sentences[finding] for finding in findings))
    return facts - {q for q in qualifiers if sentences.get(q, near).isdisjoint(near)}


class TriageEngine:
    """Deterministic KTAS triage over Korean and English free text; compile once, call `assess` often."""

    def __init__(self, rules: tuple[Rule, ...] = RULES) -> None:
        self._preparer = TextPreparer()
        self._scanner = ConceptScanner()
        self._rules = rules
        self._rules_by_fact = _index_rules(rules)

    def assess(self, text: str, context: TriageContext | None = None) -> TriageResult:
        """Assess one message; never raises on odd input."""
        context = context or _EMPTY_CONTEXT
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        prepared = self._preparer.prepare(text)
        scan = self._scanner.scan(prepared)
        pregnant_hint = context.pregnant or "pregnant" in scan.present
        quantities = parse_quantities(prepared.cleaned, pregnant_hint)
        facts = derive_facts(scan, quantities, context)

        candidates = sorted({i for fact in facts.names for i in self._rules_by_fact.get(fact, ())})
        best: dict[str, tuple[int, Rule]] = {}
        for rule in (self._rules[i] for i in candidates):
            if rule.fires(facts.names):
                level = rule.level_for(_qualified(rule, facts.names, scan.sentences))
                if rule.family not in best or level < best[rule.family][0]:
                    best[rule.family] = (level, rule)
        fired = sorted(best.values(), key=lambda item: item[0])
        level = fired[0][0] if fired else 5
        matches = [
            Match(code=rule.code, level=lvl, concept=concept, text=facts.evidence.get(concept, ""))
            for lvl, rule in fired
            for concept in sorted(rule.all_of | {c for group in rule.any_of for c in group & facts.names})
        ]
        information_question = not fired and (bool(scan.mentioned) or scan.asks_for_information)
        return TriageResult(
            level=level,
            red_flags=[rule.code for lvl, rule in fired if lvl <= 3],
            crisis_line=any(rule.crisis for _, rule in fired),
            lang=detect_language(prepared.cleaned),
            matches=matches,
            information_question=information_question,
            infectious_topic="infectious_topic" in facts.names or "infectious_topic" in scan.mentioned,
        )
