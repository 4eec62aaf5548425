"""Unsure routes ask a short question naming the two likeliest domains, in the message's language."""

import pytest

from medichain.routing import Router

_KOREAN_PHRASES = ("약에 대한", "병원이나 진료과", "응급 상황", "일반적인 정보")
_ENGLISH_PHRASES = ("a medicine", "hospital or the right department", "an emergency", "general information")


@pytest.mark.parametrize("text", ["어떡해요", "이거 괜찮은 거예요?", "머리 아파요 약"])
def test_ambiguous_korean_message_gets_a_korean_question(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.needs_clarification, decision.scores
    assert decision.confidence < router.threshold
    question = decision.clarifying_question
    assert question is not None and question.endswith("?") and "아니면" in question
    assert sum(phrase in question for phrase in _KOREAN_PHRASES) == 2


@pytest.mark.parametrize("text", ["is this ok", "help me please"])
def test_ambiguous_english_message_gets_an_english_question(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.needs_clarification, decision.scores
    question = decision.clarifying_question
    assert question is not None and question[0].isupper() and ", or " in question
    assert sum(phrase in question for phrase in _ENGLISH_PHRASES) == 2


def test_question_names_the_two_likeliest_health_domains(router: Router) -> None:
    decision = router.route("어떡해요")
    health = sorted((p, d) for d, p in decision.scores.items() if d != "out_of_scope")
    first, second = health[-1][1], health[-2][1]
    phrases = dict(zip(["drug", "clinic", "emergency", "general"], _KOREAN_PHRASES, strict=True))
    assert decision.clarifying_question is not None
    assert decision.clarifying_question.index(phrases[first]) < decision.clarifying_question.index(
        phrases[second]
    )


@pytest.mark.parametrize("text", ["오늘 날씨 어때", "recommend a movie"])
def test_clearly_out_of_scope_is_not_clarified(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.domain == "out_of_scope"
    assert not decision.needs_clarification and decision.clarifying_question is None


def test_threshold_controls_clarification() -> None:
    examples = {"drug": ["타이레놀 부작용", "약 복용법"], "clinic": ["근처 병원", "무슨 과 가요"]}
    never = Router.from_examples(examples, ["날씨 어때"], threshold=0.0, lexicons={})
    always = Router.from_examples(examples, ["날씨 어때"], threshold=1.01, lexicons={})
    assert not never.route("병원 부작용").needs_clarification
    assert always.route("타이레놀 부작용").needs_clarification
