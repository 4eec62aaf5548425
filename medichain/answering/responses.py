"""The response object every channel returns (DESIGN.md §5, a contract: extend, never rename)."""

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["contraindicated", "major", "moderate", "minor", "none"]


class GuidanceOut(BaseModel):
    """What to do now: headline, first-aid steps, numbers to call."""

    headline: str
    steps: list[str] = []
    numbers: list[tuple[str, str]] = []


class TriageOut(BaseModel):
    """KTAS assessment of the message (1 resuscitation … 5 non-urgent)."""

    level: int = Field(5, ge=1, le=5)
    is_emergency: bool = False
    red_flags: list[str] = []
    action: str = "self_care"
    crisis_line: bool = False
    information_question: bool = False
    guidance: GuidanceOut | None = None


class CitationOut(BaseModel):
    """A numbered source: `[n]` in the answer is `citations[n-1]`."""

    id: str
    title: str
    source: str
    snippet: str
    url: str | None = None


class InteractionOut(BaseModel):
    """One checked pair of drugs."""

    drugs: list[str]
    severity: Severity
    summary: str
    management: str = ""


class HospitalOut(BaseModel):
    """A facility near the person."""

    name: str
    address: str
    phone: str
    distance_km: float
    emergency: bool
    type: str = ""
    open_now: bool | None = None
    lat: float | None = None
    lng: float | None = None
    sample: bool = False


class SafetyOut(BaseModel):
    """The safety validator's verdict on the answer that was shown."""

    passed: bool = True
    replaced: bool = False
    issues: list[str] = []


class ChatResponse(BaseModel):
    """One answered turn."""

    answer: str
    domain: str
    confidence: float = Field(ge=0.0, le=1.0)
    triage: TriageOut
    citations: list[CitationOut] = []
    interactions: list[InteractionOut] = []
    hospitals: list[HospitalOut] = []
    disclaimer: str
    cached: bool = False
    latency_ms: float = 0.0
    clarifying_question: str | None = None
    lang: str = "ko"
    provider: str = "grounded"
    safety: SafetyOut = SafetyOut()
