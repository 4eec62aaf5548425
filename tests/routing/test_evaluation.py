"""evaluate() on a small JSONL file, with and without context, and cross_validate() on tiny examples."""

import json
from pathlib import Path

from medichain.routing import Router, cross_validate, evaluate

EXAMPLES = {
    "drug": [
        "타이레놀 부작용",
        "약 복용법",
        "이부프로펜 같이 먹어도 돼",
        "side effects of advil",
        "how to take pills",
    ],
    "clinic": ["근처 병원", "무슨 과 가요", "소아과 어디", "clinic near me", "which doctor should i see"],
}
OUT = ["날씨 어때", "주식 추천", "로또 번호", "weather today", "write a poem"]


def test_evaluate_counts_contexts_and_mistakes(router: Router, tmp_path: Path) -> None:
    items = [
        {"text": "아목시실린 부작용", "lang": "ko", "domain": "drug"},
        {"text": "근처 소아과 알려줘", "lang": "ko", "domain": "clinic"},
        {"text": "what causes migraines", "lang": "en", "domain": "drug"},  # deliberately mislabelled
        {"text": "애들은?", "lang": "ko", "domain": "drug", "context": {"previous_domain": "drug"}},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n\n", encoding="utf-8")
    report = evaluate(router, path)
    assert report.total == 4
    assert report.accuracy == 0.75
    assert report.accuracy_by_language == {"en": 0.0, "ko": 1.0}
    assert [m.text for m in report.misrouted] == ["what causes migraines"]
    assert report.confusion["drug"] == {"drug": 2, "general": 1}
    assert report.per_domain["drug"].recall == 2 / 3 and report.per_domain["drug"].precision == 1.0
    assert report.per_domain["general"].support == 0


def test_cross_validate_on_tiny_examples() -> None:
    accuracy = cross_validate(EXAMPLES, OUT, folds=5, lexicons={}, vague=[])
    assert 0.0 <= accuracy <= 1.0
    assert accuracy > 1 / 3  # better than chance on three labels
