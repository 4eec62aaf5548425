"""Denied findings and information questions must not fire; "안" inside a finding is still a finding."""

import pytest

from medichain.triage import TriageEngine

NEGATED = [
    "가슴 통증은 없고 속이 쓰려요",
    "숨이 차지는 않아요",
    "가슴이 답답하진 않은데 소화가 안 돼요",
    "어지럽지 않아요 목이 좀 칼칼해요",
    "자살 생각은 없지만 요즘 우울해요",
    "no chest pain, just heartburn",
    "not short of breath",
    "denies chest pain, mild cough",
    "without any shortness of breath, I have a cough",
    "I'm not suicidal, just stressed",
]
KOREAN_AN_IS_A_SYMPTOM = ["숨이 안 쉬어져요", "말이 안 나와요", "팔이 안 움직여요"]
INFORMATION = [
    "심근경색 증상이 뭐예요?",
    "뇌졸중 예방하려면 어떻게 해야 하나요",
    "how can I prevent a stroke?",
    "what are the warning signs of a heart attack",
    "what should I do if someone is choking",
    "아기가 목에 뭐가 걸리면 어떻게 해야 하나요?",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negation_does_not_fire(engine: TriageEngine, text: str) -> None:
    result = engine.assess(text)
    assert not result.is_emergency, result.red_flags


@pytest.mark.parametrize("text", KOREAN_AN_IS_A_SYMPTOM)
def test_korean_an_inside_a_symptom(engine: TriageEngine, text: str) -> None:
    assert engine.assess(text).level == 2


@pytest.mark.parametrize("text", INFORMATION)
def test_information_questions(engine: TriageEngine, text: str) -> None:
    result = engine.assess(text)
    assert result.level == 5
    assert result.information_question
    assert not result.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "I think I'm having a heart attack",
        "뇌졸중 같아요 지금 한쪽 팔이 안 움직여요",
        "is this a stroke? my face is drooping",
    ],
)
def test_experience_framed_as_question_is_an_emergency(engine: TriageEngine, text: str) -> None:
    result = engine.assess(text)
    assert result.level == 2
    assert not result.information_question
