"""Turns what the scanner found, the numbers in the message and the caller's context into rule facts."""

from __future__ import annotations

from dataclasses import dataclass

from medichain.triage.models import CONDITIONS, TriageContext
from medichain.triage.quantities import Quantities
from medichain.triage.scanner import ScanResult

ELDERLY_MONTHS = 65 * 12
CHILD_MONTHS = 13 * 12


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts the rules read, with the text that supports each one."""

    names: frozenset[str]
    evidence: dict[str, str]


def _temperature_facts(quantities: Quantities, present: dict[str, str], evidence: dict[str, str]) -> set[str]:
    facts: set[str] = set()
    temp = quantities.temperature_c
    if temp is not None:
        effective = temp + (0.05 if quantities.temperature_at_least else 0.0)
        label = f"{temp:g}°C"
        if effective >= 38.0:
            facts.add("fever")
        if effective >= 39.0:
            facts.add("fever_39")
        if effective >= 40.0:
            facts.add("fever_40")
        for fact in facts:
            evidence[fact] = label
        return facts
    if "low_fever_word" not in present and ("fever_word" in present or "high_fever_word" in present):
        facts.add("fever")
        evidence["fever"] = present.get("fever_word") or present["high_fever_word"]
        if "high_fever_word" in present:
            facts.add("fever_39")
            evidence["fever_39"] = present["high_fever_word"]
    return facts


def _age_facts(age_months: float | None, present: dict[str, str]) -> set[str]:
    if age_months is not None:
        facts = set()
        if age_months < 3:
            facts.add("infant_lt3m")
        elif age_months <= 36:
            facts.add("child_3_36")
        if age_months < CHILD_MONTHS:
            facts.add("child")
        if age_months >= ELDERLY_MONTHS:
            facts.add("elderly")
        if "newborn" in present:
            facts.add("infant_lt3m")
        return facts
    facts = set()
    if "newborn" in present:
        facts.update({"infant_lt3m", "child"})
    elif "toddler" in present:
        facts.update({"child_3_36", "child"})
    elif "infant_word" in present:
        facts.update({"infant_unknown", "child"})
    if "elderly_word" in present:
        facts.add("elderly")
    return facts


def _pregnancy_facts(quantities: Quantities, present: dict[str, str], context: TriageContext) -> set[str]:
    pregnant = context.pregnant or (
        ("pregnant" in present or "fetal_movement_reduced" in present)
        and "not_pregnant_context" not in present
    )
    if not pregnant:
        return set()
    facts = {"pregnant"}
    weeks = quantities.pregnancy_weeks
    if weeks is not None and weeks >= 37:
        facts.add("term")
    return facts


def derive_facts(scan: ScanResult, quantities: Quantities, context: TriageContext) -> Facts:
    """Combine scanner findings, numbers and caller context into one set of facts."""
    present = scan.present
    evidence = dict(present)
    names = set(present)
    names |= _temperature_facts(quantities, present, evidence)
    if quantities.temperature_c is not None:
        names.discard("fever_word")
    age = float(context.age_months) if context.age_months is not None else quantities.age_months
    age_facts = _age_facts(age, present)
    for fact in age_facts:
        evidence.setdefault(fact, f"{age:g} months" if age is not None else present.get("child", ""))
    names |= age_facts
    names |= _pregnancy_facts(quantities, present, context)
    names |= context.conditions & CONDITIONS
    if quantities.glucose is not None and "diabetes" in names | {"low_sugar_self"}:
        if quantities.glucose < 70:
            names.add("low_sugar_self")
            evidence["low_sugar_self"] = f"glucose {quantities.glucose}"
        elif quantities.glucose >= 400:
            names.add("high_glucose")
            evidence["high_glucose"] = f"glucose {quantities.glucose}"
    if (
        quantities.systolic is not None and quantities.systolic >= 180
    ) or "severe_hypertension_word" in names:
        names.add("severe_hypertension")
    return Facts(names=frozenset(names), evidence=evidence)
