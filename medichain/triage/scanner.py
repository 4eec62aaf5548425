"""Compiles the concept lexicon once and finds, in a prepared message, the concepts that are present.

A concept counts as *present* when some occurrence is neither denied nor hypothetical; it counts as
*mentioned* when it only occurs in a question or a condition ("심근경색 증상이 뭐예요?", "if someone
chokes").  Occurrences that are denied count as neither.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from medichain.triage.framing import EnglishFrame, korean_hypothetical, korean_info_question, korean_negated
from medichain.triage.hangul import loosen, syllable_typos
from medichain.triage.lexicon import CONCEPTS, Concept
from medichain.triage.lexicon.base import EN_MACROS, KO_MACROS, expand
from medichain.triage.prefilter import gate_for, text_keys
from medichain.triage.textprep import PreparedText

# Who and how: these are never "hypothetical", only possibly denied ("no heart disease").
_UNFRAMED_NAMES = """
child infant_word newborn toddler elderly_word pregnant not_pregnant_context anticoagulant diabetes
heart_disease immunosuppressed severe_allergy known_allergy sudden severe mild resolved rest exertion
persistent half_body well_child walkable habitual now_marker minor_complaint fever_resolved
heavy_amount infectious_topic group plan_marker injury_context
overdose_amount widespread
"""
UNFRAMED: frozenset[str] = frozenset(_UNFRAMED_NAMES.split())


KOREAN_GATE = 2
ENGLISH_GATE = 3


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Concepts present (with the text that showed each first, and the sentences it is present in),
    concepts only mentioned, and whether the message asks for information."""

    present: dict[str, str]
    mentioned: frozenset[str]
    asks_for_information: bool
    sentences: dict[str, frozenset[int]] = field(default_factory=dict)


_SENTENCE_END = re.compile(r"[!?;]+|\.(?!\d)|(?:(?<![필중])요|니다|죠)(?=[ ,])")
"""Punctuation, or a Korean sentence ending before a space or comma ("숨이 차요 좀 피곤해요": two sentences)."""


class _Sentences:
    """Which sentence a position of a view is in, numbered alike in both views: ends are found in text
    with its spaces (the English view, or the cleaned text behind the spaceless Korean view)."""

    def __init__(self, text: str, *, spaceless: bool = False) -> None:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self._ends = [end - text.count(" ", 0, end) for end in ends] if spaceless else ends

    def of(self, position: int) -> int:
        """The number of the sentence that `position` is in."""
        return bisect.bisect_right(self._ends, position)


def _top_level_branches(pattern: str) -> list[str]:
    """Split a regex on its top-level `|` (good enough for the lexicon's patterns)."""
    branches, depth, current, escaped = [], 0, [], False
    for ch in pattern:
        if escaped:
            current.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            continue
        current.append(ch)
    branches.append("".join(current))
    return branches


def _korean_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    branches: list[str] = []
    for pattern in patterns:
        expanded = expand(pattern, KO_MACROS)
        for branch in _top_level_branches(expanded):
            branches.append(branch)
            branches.extend(sorted(syllable_typos(branch)))
    return re.compile(loosen("|".join(f"(?:{b})" for b in branches)))


def _english_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(f"(?:{expand(p, EN_MACROS)})" for p in patterns).replace(r"\d", "[0-9]")
    return re.compile(rf"\b(?:{body})")


class ConceptScanner:
    """Holds the compiled Korean and English patterns of every concept."""

    def __init__(self, concepts: tuple[Concept, ...] = CONCEPTS) -> None:
        for concept in concepts:
            if not isinstance(concept.ko, tuple) or not isinstance(concept.en, tuple):
                raise TypeError(f"concept {concept.name}: patterns must be tuples")
        korean = [(c.name, _korean_regex(c.ko)) for c in concepts if c.ko]
        english = [(c.name, _english_regex(c.en)) for c in concepts if c.en]
        self._korean = [(name, regex, gate_for(regex, KOREAN_GATE)) for name, regex in korean]
        self._english = [(name, regex, gate_for(regex, ENGLISH_GATE)) for name, regex in english]

    def scan(self, text: PreparedText) -> ScanResult:
        """Find present and mentioned concepts in both language views."""
        present: dict[str, str] = {}
        mentioned: set[str] = set()
        sentences: dict[str, set[int]] = {}
        asks = False
        if text.has_hangul:
            view = text.korean
            asks = korean_info_question(view)
            numbering = _Sentences(text.cleaned, spaceless=True)
            keys = text_keys(view, KOREAN_GATE)
            for name, regex, gate in self._korean:
                if gate is not None and gate.isdisjoint(keys):
                    continue
                for match in regex.finditer(view):
                    start, end = match.span()
                    if start == end or korean_negated(view, start, end):
                        continue
                    if name not in UNFRAMED and korean_hypothetical(view, start, end):
                        mentioned.add(name)
                        continue
                    if name not in present:
                        present[name] = text.korean_span(start, end)
                    sentences.setdefault(name, set()).add(numbering.of(start))
        if text.has_latin:
            view = text.english
            frame = EnglishFrame(view)
            asks = asks or frame.asks_for_information
            numbering = _Sentences(view)
            keys = text_keys(view, ENGLISH_GATE)
            for name, regex, gate in self._english:
                if gate is not None and gate.isdisjoint(keys):
                    continue
                for match in regex.finditer(view):
                    start, end = match.span()
                    if start == end or frame.negated(start):
                        continue
                    if name not in UNFRAMED and frame.hypothetical(start):
                        mentioned.add(name)
                        continue
                    present.setdefault(name, match.group())
                    sentences.setdefault(name, set()).add(numbering.of(start))
        return ScanResult(
            present=present,
            mentioned=frozenset(mentioned - present.keys()),
            asks_for_information=asks,
            sentences={name: frozenset(found) for name, found in sentences.items()},
        )
