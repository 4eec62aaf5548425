"""Scores the engine on a labelled JSONL set: emergency recall, under-/over-triage, exact accuracy."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from medichain.triage.engine import TriageEngine
from medichain.triage.models import TriageContext


@dataclass(frozen=True, slots=True)
class LabelledMessage:
    """One line of an evaluation set."""

    text: str
    lang: str
    level: int
    flags: tuple[str, ...] = ()
    context: TriageContext | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Miss:
    """A message the engine placed at another level than its label."""

    text: str
    lang: str
    expected: int
    got: int
    expected_flags: tuple[str, ...]
    got_flags: tuple[str, ...]
    note: str

    @property
    def kind(self) -> str:
        """`under` (less urgent than labelled), `over` (more urgent) or `level` (4 vs 5)."""
        if self.got > self.expected and self.expected <= 3:
            return "under"
        if self.got < self.expected and self.got <= 3:
            return "over"
        return "level"


@dataclass(frozen=True, slots=True)
class Figures:
    """Scores over a group of messages."""

    count: int
    emergencies: int
    emergency_recall: float
    under_triage_rate: float
    over_triage_rate: float
    exact_accuracy: float


@dataclass(frozen=True, slots=True)
class TriageReport:
    """Everything `evaluate` measured: overall and per-language figures and the misses."""

    overall: Figures
    by_language: dict[str, Figures]
    misses: list[Miss] = field(default_factory=list)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _figures(pairs: list[tuple[int, int]]) -> Figures:
    emergencies = [(e, g) for e, g in pairs if e <= 3]
    others = [(e, g) for e, g in pairs if e > 3]
    return Figures(
        count=len(pairs),
        emergencies=len(emergencies),
        emergency_recall=_ratio(sum(g <= 3 for _, g in emergencies), len(emergencies)),
        under_triage_rate=sum(g > e for e, g in emergencies) / len(emergencies) if emergencies else 0.0,
        over_triage_rate=sum(g <= 3 for _, g in others) / len(others) if others else 0.0,
        exact_accuracy=_ratio(sum(e == g for e, g in pairs), len(pairs)),
    )


def _context(raw: dict[str, object] | None) -> TriageContext | None:
    if not raw:
        return None
    age = raw.get("age_months")
    conditions = raw.get("conditions") or []
    return TriageContext(
        age_months=int(age) if isinstance(age, int | float) else None,
        pregnant=bool(raw.get("pregnant", False)),
        conditions=frozenset(str(c) for c in conditions) if isinstance(conditions, list) else frozenset(),
    )


def load_messages(path: str | Path) -> list[LabelledMessage]:
    """Read a JSONL evaluation set (blank lines ignored)."""
    messages = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        messages.append(
            LabelledMessage(
                text=row["text"],
                lang=row.get("lang", "ko"),
                level=int(row["level"]),
                flags=tuple(row.get("flags", ())),
                context=_context(row.get("context")),
                note=row.get("note", ""),
            )
        )
    return messages


def score(engine: TriageEngine, messages: Iterable[LabelledMessage]) -> TriageReport:
    """Run the engine over labelled messages and score it."""
    pairs: dict[str, list[tuple[int, int]]] = {}
    overall: list[tuple[int, int]] = []
    misses: list[Miss] = []
    for message in messages:
        result = engine.assess(message.text, message.context)
        pair = (message.level, result.level)
        overall.append(pair)
        pairs.setdefault(message.lang, []).append(pair)
        if result.level != message.level:
            misses.append(
                Miss(
                    text=message.text,
                    lang=message.lang,
                    expected=message.level,
                    got=result.level,
                    expected_flags=message.flags,
                    got_flags=tuple(result.red_flags),
                    note=message.note,
                )
            )
    return TriageReport(
        overall=_figures(overall),
        by_language={lang: _figures(group) for lang, group in sorted(pairs.items())},
        misses=misses,
    )


def evaluate(engine: TriageEngine, path: str | Path) -> TriageReport:
    """Score the engine on the JSONL set at `path`."""
    return score(engine, load_messages(path))
