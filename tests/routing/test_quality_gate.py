"""Held-out accuracy on medichain/data/eval/routing.jsonl, and the shape of the evaluation report."""

import json
from collections import Counter
from pathlib import Path

import pytest

from medichain.routing import Router, RoutingReport, evaluate
from medichain.routing.examples import OUT_OF_SCOPE_FILE, VAGUE_FILE, domain_examples, read_examples

EVAL_SET = Path(__file__).resolve().parents[2] / "medichain" / "data" / "eval" / "routing.jsonl"


@pytest.fixture(scope="module")
def report(router: Router) -> RoutingReport:
    return evaluate(router, EVAL_SET)


def test_held_out_accuracy_gate(report: RoutingReport) -> None:
    assert report.accuracy >= 0.85, [(m.expected, m.predicted, m.text) for m in report.misrouted]
    assert all(accuracy >= 0.8 for accuracy in report.accuracy_by_language.values())


def test_report_is_consistent(report: RoutingReport) -> None:
    assert report.total == sum(sum(row.values()) for row in report.confusion.values())
    assert len(report.misrouted) == round(report.total * (1 - report.accuracy))
    assert set(report.accuracy_by_language) == {"ko", "en"}
    assert set(report.per_domain) == {"clinic", "drug", "emergency", "general", "out_of_scope"}
    for label, score in report.per_domain.items():
        assert score.support == sum(report.confusion[label].values())
        assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0
    assert 0.0 <= report.clarification_rate < 0.3


def test_eval_set_covers_every_label_in_both_languages() -> None:
    items = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 220
    counts = Counter((item["domain"], item["lang"]) for item in items)
    for domain in ("emergency", "drug", "clinic", "general", "out_of_scope"):
        assert counts[(domain, "ko")] >= 15 and counts[(domain, "en")] >= 10


def test_eval_set_is_held_out() -> None:
    training = {line.lower() for lines in domain_examples().values() for line in lines}
    training |= {line.lower() for line in read_examples(OUT_OF_SCOPE_FILE) + read_examples(VAGUE_FILE)}
    items = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert not [item["text"] for item in items if item["text"].lower() in training]
