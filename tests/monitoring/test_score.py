"""The score formula on hand-made response objects: what each check and the safety gate cost."""

from typing import Any

import pytest

from medichain.answering.responses import ChatResponse
from medichain.monitoring.quality import Quality, score

NOT_FOUND = "이 질문에 맞는 정보를 자료에서 찾지 못했습니다. 정확한 답은 의사나 약사에게 확인하세요."
CITED = "타이레놀은 열을 내리고 통증을 줄이는 데 쓰이는 해열진통제입니다 [1]. 궁금한 점은 약사와 상담하세요."


def response(body: str, **fields: Any) -> ChatResponse:
    """A Korean general answer with one citation, its body followed by the disclaimer line."""
    values: dict[str, Any] = {
        "answer": f"{body}\n\n※ 참고용 정보입니다.",
        "domain": "general",
        "confidence": 0.9,
        "triage": {"level": 5},
        "citations": [{"id": "a#1", "title": "t", "source": "s", "snippet": "x"}],
        "disclaimer": "참고용 정보입니다.",
        "lang": "ko",
    }
    return ChatResponse.model_validate(values | fields)


def test_an_honest_not_found_answer_is_not_blamed_for_citing_nothing() -> None:
    assert score(response(NOT_FOUND), evidence_found=False) == Quality(1.0)
    assert score(response(NOT_FOUND), evidence_found=True) == Quality(0.7, ("cited",))


@pytest.mark.parametrize(
    ("body", "fields", "expected"),
    [
        (CITED, {}, Quality(1.0)),
        (CITED.replace("[1]", "[2]"), {}, Quality(0.7, ("cited",))),
        (CITED, {"lang": "en"}, Quality(0.75, ("language",))),
        (CITED, {"safety": {"replaced": True, "issues": ["diagnosis"]}}, Quality(0.75, ("own_answer",))),
        ("네 [1].", {}, Quality(0.8, ("length",))),
        (CITED, {"safety": {"passed": False, "issues": ["diagnosis"]}}, Quality(0.5, ("safety",))),
        (
            "Yes [1].",
            {"safety": {"passed": False, "issues": ["missing_119"]}},
            Quality(0.275, ("language", "length", "safety")),
        ),
    ],
    ids=[
        "good",
        "marker-without-source",
        "wrong-language",
        "replaced",
        "too-short",
        "unsafe",
        "unsafe-and-poor",
    ],
)
def test_each_check_costs_its_weight(body: str, fields: dict[str, Any], expected: Quality) -> None:
    assert score(response(body, **fields)) == expected


def test_the_emergency_block_and_disclaimer_do_not_count_as_the_body() -> None:
    block = "> 🚨 **지금 119에 전화하세요**\n> 1. 편안한 자세로 쉬세요\n> 2. 구급대원이 올 때까지 곁에 있어 주세요"
    assert len(block) > 40
    assert score(response(f"{block}\n\n네 [1].")) == Quality(0.8, ("length",))
