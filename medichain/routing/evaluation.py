"""Routing quality on a labelled JSONL set: accuracy, per-domain precision/recall, confusion, misroutes."""

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medichain.routing.context import RoutingContext
from medichain.routing.labels import OUT_OF_SCOPE
from medichain.routing.router import Router


@dataclass(frozen=True)
class Misroute:
    """One message the router sent to the wrong place."""

    text: str
    lang: str
    expected: str
    predicted: str
    confidence: float


@dataclass(frozen=True)
class DomainScore:
    """Precision and recall of one label; support is how many messages carry it."""

    precision: float
    recall: float
    support: int


@dataclass(frozen=True)
class RoutingReport:
    """Results of routing every message of an evaluation set."""

    total: int
    accuracy: float
    accuracy_by_language: dict[str, float]
    per_domain: dict[str, DomainScore]
    confusion: dict[str, dict[str, int]]  # expected label -> predicted label -> count
    clarification_rate: float
    confident_accuracy: float  # accuracy on the messages that did not need clarification
    misrouted: list[Misroute]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _context(item: dict) -> RoutingContext | None:
    raw = item.get("context")
    if not isinstance(raw, dict):
        return None
    return RoutingContext(
        previous_domain=raw.get("previous_domain"),
        previous_entities=list(raw.get("previous_entities") or []),
        lang=raw.get("lang"),
    )


def cross_validate(
    examples: Mapping[str, list[str]], out_of_scope: list[str], *, folds: int = 5, **options: Any
) -> float:
    """Accuracy of routers trained on all but every `folds`-th example of each label, on those examples.

    This is how the router's settings are tuned without touching the held-out evaluation set; `options`
    go to `Router.from_examples`.
    """
    labelled = {**examples, OUT_OF_SCOPE: out_of_scope}
    correct = total = 0
    for fold in range(folds):
        train = {
            label: [t for i, t in enumerate(lines) if i % folds != fold] for label, lines in labelled.items()
        }
        router = Router.from_examples(
            {label: lines for label, lines in train.items() if label != OUT_OF_SCOPE},
            train[OUT_OF_SCOPE],
            **options,
        )
        for label, lines in labelled.items():
            held_out = lines[fold::folds]
            correct += sum(router.route(text).domain == label for text in held_out)
            total += len(held_out)
    return _ratio(correct, total)


def evaluate(router: Router, path: Path | str) -> RoutingReport:
    """Route each line `{"text", "lang", "domain", "context"?}` of a JSONL file and score the outcome."""
    items = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    by_language: dict[str, list[bool]] = defaultdict(list)
    misrouted: list[Misroute] = []
    clarified = confident = confident_correct = 0
    for item in items:
        decision = router.route(item["text"], _context(item))
        expected, predicted = item["domain"], decision.domain
        confusion[expected][predicted] += 1
        correct = expected == predicted
        by_language[item.get("lang", "?")].append(correct)
        if decision.needs_clarification:
            clarified += 1
        else:
            confident += 1
            confident_correct += correct
        if not correct:
            misrouted.append(
                Misroute(item["text"], item.get("lang", "?"), expected, predicted, decision.confidence)
            )
    labels = sorted(set(confusion) | {p for row in confusion.values() for p in row})
    per_domain = {
        label: DomainScore(
            precision=_ratio(confusion[label][label], sum(row[label] for row in confusion.values())),
            recall=_ratio(confusion[label][label], sum(confusion[label].values())),
            support=sum(confusion[label].values()),
        )
        for label in labels
    }
    hits = sum(row[label] for label, row in confusion.items())
    return RoutingReport(
        total=len(items),
        accuracy=_ratio(hits, len(items)),
        accuracy_by_language={
            lang: _ratio(sum(flags), len(flags)) for lang, flags in sorted(by_language.items())
        },
        per_domain=per_domain,
        confusion={label: dict(confusion[label]) for label in labels},
        clarification_rate=_ratio(clarified, len(items)),
        confident_accuracy=_ratio(confident_correct, confident),
        misrouted=misrouted,
    )
