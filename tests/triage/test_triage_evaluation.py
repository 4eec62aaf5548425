"""The evaluation helper and the development-set quality gate."""

import json
from pathlib import Path

from medichain.triage import TriageEngine
from medichain.triage.evaluation import evaluate

DEV_SET = Path(__file__).parents[2] / "medichain" / "data" / "eval" / "triage.jsonl"


def test_report_figures(engine: TriageEngine, tmp_path: Path) -> None:
    rows = [
        {"text": "아버지가 숨을 안 쉬어요", "lang": "ko", "level": 1},
        {"text": "chest pain", "lang": "en", "level": 2},
        {"text": "감기 기운이 있어요", "lang": "ko", "level": 5},
        {"text": "열이 38.2도예요", "lang": "ko", "level": 2, "context": {"age_months": 1}},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = evaluate(engine, path)
    assert report.overall.count == 4
    assert report.overall.emergencies == 3
    assert report.overall.emergency_recall == 1.0
    assert report.overall.under_triage_rate == 1 / 3
    assert report.overall.over_triage_rate == 0.0
    assert report.overall.exact_accuracy == 0.75
    assert set(report.by_language) == {"ko", "en"}
    assert [m.kind for m in report.misses] == ["under"]


def test_dev_set_quality_gate(engine: TriageEngine) -> None:
    report = evaluate(engine, DEV_SET)
    assert report.overall.count >= 200
    assert report.overall.emergencies * 2 >= report.overall.count
    assert report.overall.emergency_recall >= 0.95
    assert report.overall.over_triage_rate <= 0.10
