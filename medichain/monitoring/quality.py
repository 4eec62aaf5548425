"""The quality score of one answer, 0..1, from what the response object itself shows (README, "Monitoring
answers"): the answer works on cached, grounded and LLM answers alike and needs no message text stored.

Weighted checks (sum 1.0): the answer cites its sources when evidence was found, is in the question's
language, is the answerer's own (not replaced by the grounded fallback), and has a sane length. The safety
verdict on the shown answer is a gate: the validator checks the disclaimer, 119 / 109 / emergency guidance
as triage requires, and no diagnosis or prescription; when it failed the score is halved, so an unsafe
answer never scores above 0.5.
"""

import re
from dataclasses import dataclass

from medichain.answering.responses import ChatResponse
from medichain.core.text import detect_language

WEIGHTS = {"cited": 0.30, "language": 0.25, "own_answer": 0.25, "length": 0.20}
UNSAFE_FACTOR = 0.5
MIN_BODY_CHARS = 40
MAX_BODY_CHARS = 6000

_MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Quality:
    """A score and the names of the checks that failed (`safety` for the gate)."""

    score: float
    failed: tuple[str, ...] = ()


def body_of(response: ChatResponse) -> str:
    """The answer without the fixed parts: the emergency block (quoted lines) and the disclaimer line."""
    lines = response.answer.splitlines()
    return "\n".join(line for line in lines if not line.startswith((">", "※"))).strip()


def score(response: ChatResponse, *, evidence_found: bool = True) -> Quality:
    """Score one answer; `evidence_found` says whether the domain found anything to cite."""
    body = body_of(response)
    checks = {
        "cited": not evidence_found or _cites(response),
        "language": detect_language(body) == response.lang,
        "own_answer": not response.safety.replaced,
        "length": MIN_BODY_CHARS <= len(body) <= MAX_BODY_CHARS,
    }
    value = sum(weight for name, weight in WEIGHTS.items() if checks[name])
    if not response.safety.passed:
        value *= UNSAFE_FACTOR
    failed = tuple(name for name, ok in {**checks, "safety": response.safety.passed}.items() if not ok)
    return Quality(round(value, 3), failed)


def _cites(response: ChatResponse) -> bool:
    """At least one [n] marker, and every marker names one of the response's citations."""
    markers = {int(n) for n in _MARKER.findall(response.answer)}
    return bool(markers) and all(1 <= n <= len(response.citations) for n in markers)
