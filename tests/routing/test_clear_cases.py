"""Clear messages of every domain, in Korean and English, go where they belong."""

import pytest

from medichain.routing import Router

CLEAR = [
    ("emergency", "엄마가 갑자기 의식을 잃고 쓰러지셨어요"),
    ("emergency", "아이가 포도알이 목에 걸려서 숨을 못 쉬어요"),
    ("emergency", "근처 응급실 어디 있어요"),
    ("emergency", "my dad collapsed and isn't breathing"),
    ("emergency", "how to do cpr on an adult"),
    ("drug", "타이레놀 이부프로펜 같이 먹어도 되나요"),
    ("drug", "아목시실린 부작용이 뭐예요"),
    ("drug", "혈압약 아침에 먹어요 저녁에 먹어요?"),
    ("drug", "can i take advil with warfarin"),
    ("drug", "side effects of metformin"),
    ("clinic", "허리가 아픈데 무슨 과 가야 하나요"),
    ("clinic", "일요일에 문 여는 약국 찾아줘"),
    ("clinic", "근처 소아과 알려주세요"),
    ("clinic", "which department should i visit for a skin rash"),
    ("clinic", "pharmacy open near me now"),
    ("general", "감기 빨리 낫는 방법"),
    ("general", "고혈압 관리는 어떻게 해요"),
    ("general", "what causes migraines"),
    ("general", "how to lower cholesterol naturally"),
    ("out_of_scope", "오늘 날씨 어때"),
    ("out_of_scope", "주식 추천해줘"),
    ("out_of_scope", "이번주 로또 번호 알려줘"),
    ("out_of_scope", "write me a poem about the sea"),
    ("out_of_scope", "who won the baseball game last night"),
]


@pytest.mark.parametrize(("domain", "text"), CLEAR)
def test_clear_message_goes_to_its_domain(router: Router, domain: str, text: str) -> None:
    decision = router.route(text)
    assert decision.domain == domain, decision.scores
    assert not decision.needs_clarification
    assert decision.clarifying_question is None
    assert not decision.follow_up


@pytest.mark.parametrize("text", ["쎄레브렉스", "타이레놀은?", "lipitor", "Celebrex?"])
def test_a_bare_drug_name_goes_to_drug(router: Router, text: str) -> None:
    assert router.route(text).domain == "drug"


@pytest.mark.parametrize(
    ("domain", "text"),
    [
        ("drug", "부작용있나요타이레놀"),  # no spaces
        ("clinic", "무릎아픈데무슨과가야돼"),
        ("drug", "ibuprofin side efects"),  # English typos
        ("emergency", "벌에쏘였는데목이부어요"),
    ],
)
def test_missing_spaces_and_typos(router: Router, domain: str, text: str) -> None:
    assert router.route(text).domain == domain


def test_confidence_is_the_probability_of_the_chosen_domain(router: Router) -> None:
    decision = router.route("아목시실린 부작용")
    assert decision.confidence == max(decision.scores.values())
    assert decision.scores[decision.domain] == decision.confidence
    assert set(decision.scores) == {"clinic", "drug", "emergency", "general", "out_of_scope"}
