"""The safety validator: every answer, whoever wrote it, is checked against the seed's rules before
anyone sees it — no diagnosis, no prescription or personal dosing, emergency guidance present when
triage says so, the disclaimer present, and dose or interaction claims backed by the sources."""

import re
from dataclasses import dataclass, field

from medichain.domains.template import DomainAnswer
from medichain.triage import TriageResult

_DIAGNOSIS = re.compile(
    r"(당신은|님은|귀하는)\s*\S*\s*(입니다|이에요|예요|걸렸|환자입니다)"
    r"|(당신|님|귀하|증상으로 보아|증상을 보니)[^.\n]{0,40}(으로|로)\s*(진단|보입니다)|진단명은"
    r"|확실히\s*\S+\s*(입니다|이에요)"
    r"|\byou (definitely|clearly|probably|likely|certainly|obviously) (have|are suffering from)\b"
    r"|\b(it (sounds|looks|seems) like|i (think|believe|suspect)( that)?) you (have|are suffering from)\b"
    r"|(^|[.!?]\s+)you( have|'ve got| are suffering from| are diagnosed with) (?!to\b|been\b|had\b|any\b)"
    r"|\bmy diagnosis\b|\bI diagnose\b|\bthis is (definitely|certainly) (a|an)?\s*\w+",
    re.IGNORECASE,
)
_PRESCRIPTION = re.compile(
    r"처방해\s*(드리|드릴)|처방전을?\s*(써|발급)"
    r"|\d+(\.\d+)?\s*(mg|밀리그램|ml|mL|정|알|캡슐)\S*\s*(씩\s*)?(드세요|드십시오|복용하세요|복용하십시오|먹으세요|드시면 됩니다)"
    r"|\byou should take \d|\btake \d+(\.\d+)?\s*(mg|ml|tablets?|pills?|capsules?)\b"
    r"|\bI (prescribe|recommend a dose)\b|\bincrease your dose\b|\bstop taking your\b",
    re.IGNORECASE,
)
_DOSE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|밀리그램|mcg|μg|g|ml|mL)\b", re.IGNORECASE)
_SAFE_CLAIM = re.compile(
    r"(같이|함께)\s*(먹어도|복용해도|드셔도)\s*(괜찮|됩니다|돼요|안전)|상호작용(이|은)?\s*없습니다"
    r"|\b(safe to take (them )?together|no (known )?interaction)\b",
    re.IGNORECASE,
)
_SEVERE = ("contraindicated", "major")


@dataclass
class SafetyVerdict:
    """The outcome of validating one answer."""

    issues: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when no rule failed."""
        return not self.issues


def validate(
    text: str,
    *,
    triage: TriageResult,
    disclaimer: str,
    evidence: DomainAnswer | None = None,
    generated: bool = False,
) -> SafetyVerdict:
    """Check an answer. `generated` answers (from an LLM) must also back every dose and interaction
    claim with the retrieved sources; grounded answers quote those sources by construction."""
    verdict = SafetyVerdict()
    if _DIAGNOSIS.search(text):
        verdict.issues.append("diagnosis")
    if _PRESCRIPTION.search(text):
        verdict.issues.append("prescription")
    if triage.level <= 2 and "119" not in text:
        verdict.issues.append("missing_119")
    if triage.level == 3 and not any(cue in text for cue in ("119", "응급실", "emergency")):
        verdict.issues.append("missing_emergency_guidance")
    if triage.crisis_line and "109" not in text:
        verdict.issues.append("missing_crisis_line")
    if disclaimer not in text:
        verdict.issues.append("missing_disclaimer")
    if generated and evidence is not None:
        verdict.issues += _unsupported_claims(text, evidence)
    return verdict


def _unsupported_claims(text: str, evidence: DomainAnswer) -> list[str]:
    """Doses not found in the sources, and 'safe together' claims that contradict a severe finding."""
    sources = " ".join(
        [point for section in evidence.sections for point in section.points]
        + [c.snippet for c in evidence.citations]
        + [f"{i.summary} {i.management}" for i in evidence.interactions]
    )
    issues = []
    source_doses = {_canonical(value, unit) for value, unit in _DOSE.findall(sources)}
    claimed = {_canonical(value, unit) for value, unit in _DOSE.findall(text)}
    if claimed - source_doses:
        issues.append("unsupported_dose")
    if _SAFE_CLAIM.search(text) and any(i.severity in _SEVERE for i in evidence.interactions):
        issues.append("contradicts_interaction")
    return issues


def _canonical(value: str, unit: str) -> str:
    unit = unit.lower().replace("밀리그램", "mg").replace("μg", "mcg")
    return f"{float(value.replace(',', '')):g}{unit}"
