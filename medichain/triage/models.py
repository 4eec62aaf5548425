"""Public data types of the triage engine: the caller's context and the assessment result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from medichain.core.text import Language

if TYPE_CHECKING:
    from medichain.triage.guidance import Guidance

Action = Literal["call_119", "emergency_room", "see_doctor_soon", "see_doctor", "self_care"]

CONDITIONS: frozenset[str] = frozenset(
    {"anticoagulant", "diabetes", "heart_disease", "immunosuppressed", "severe_allergy", "elderly"}
)
ACTION_BY_LEVEL: dict[int, Action] = {
    1: "call_119",
    2: "call_119",
    3: "emergency_room",
    4: "see_doctor_soon",
    5: "self_care",
}


@dataclass(frozen=True, slots=True)
class TriageContext:
    """What the caller already knows about the person (all optional)."""

    age_months: int | None = None
    pregnant: bool = False
    conditions: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Match:
    """One piece of evidence: the finding it supports, its level and the text that showed it."""

    code: str
    level: int
    concept: str
    text: str


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The assessment of one message (KTAS level 1–5 and what to do about it)."""

    level: int
    red_flags: list[str]
    crisis_line: bool
    lang: Language
    matches: list[Match]
    information_question: bool
    infectious_topic: bool = False

    @property
    def is_emergency(self) -> bool:
        """KTAS 1–3 count as emergencies."""
        return self.level <= 3

    @property
    def action(self) -> Action:
        """What the person should do now."""
        return ACTION_BY_LEVEL[self.level]

    def guidance(self, lang: Language | None = None) -> Guidance:
        """Headline, first-aid steps and phone numbers in the given language (default: the message's)."""
        from medichain.triage.guidance import build_guidance

        return build_guidance(self, lang or self.lang)

    def to_dict(self) -> dict[str, object]:
        """The `triage` object of the response contract."""
        return {
            "level": self.level,
            "is_emergency": self.is_emergency,
            "red_flags": list(self.red_flags),
            "action": self.action,
        }
