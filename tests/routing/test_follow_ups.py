"""Short messages that refer back keep the previous domain; strong new evidence still wins."""

import pytest

from medichain.routing import Router, RoutingContext

AFTER_DRUG = RoutingContext(previous_domain="drug", previous_entities=["타이레놀"], lang="ko")


@pytest.mark.parametrize(
    ("context", "text"),
    [
        (AFTER_DRUG, "임산부도 괜찮아?"),
        (AFTER_DRUG, "애들은?"),
        (AFTER_DRUG, "하루에 몇 번?"),
        (RoutingContext("drug", ["ibuprofen"], "en"), "and during pregnancy?"),
        (RoutingContext("drug", ["ibuprofen"], "en"), "is it safe for kids?"),
        (RoutingContext("clinic"), "거기 몇 시까지 해?"),
        (RoutingContext("clinic"), "what about on sundays?"),
        (RoutingContext("emergency"), "그 다음엔?"),
    ],
)
def test_ambiguous_follow_up_keeps_the_previous_domain(
    router: Router, context: RoutingContext, text: str
) -> None:
    alone = router.route(text)
    decision = router.route(text, context)
    assert alone.domain != context.previous_domain or alone.needs_clarification
    assert decision.domain == context.previous_domain
    assert decision.follow_up


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("그거 부작용은?", "drug"),
        ("그럼 언제 먹어야 돼?", "drug"),
        ("what about side effects?", "drug"),
        ("근처 병원은?", "clinic"),
        ("그럼 근처 약국 어디야?", "clinic"),
        ("숨이 안 쉬어져요 도와주세요", "emergency"),
        ("오늘 날씨 어때", "out_of_scope"),
    ],
)
def test_after_a_drug_question(router: Router, text: str, domain: str) -> None:
    assert router.route(text, AFTER_DRUG).domain == domain


def test_new_evidence_is_not_a_follow_up(router: Router) -> None:
    decision = router.route("근처 병원은?", AFTER_DRUG)
    assert decision.domain == "clinic" and not decision.follow_up


def test_a_long_explicit_question_ignores_the_context(router: Router) -> None:
    text = "which department should i visit for knee pain near gangnam station"
    assert router.route(text, RoutingContext("drug", ["advil"])).domain == "clinic"


def test_unknown_previous_domain_is_ignored(router: Router) -> None:
    text = "그거 부작용은?"
    assert router.route(text, RoutingContext("astrology")) == router.route(text)


@pytest.mark.parametrize("text", ["??", "👍", ""])
def test_a_message_without_letters_stays_with_the_previous_turn(router: Router, text: str) -> None:
    decision = router.route(text, AFTER_DRUG)
    assert decision.domain == "drug" and decision.follow_up
    assert router.route(text).domain == "out_of_scope"


def test_context_language_is_used_when_the_message_has_no_letters() -> None:
    always_asks = Router.from_examples(
        {"drug": ["타이레놀 부작용"], "clinic": ["근처 병원"]},
        ["날씨"],
        threshold=1.01,
        lexicons={},
        vague=[],
    )
    question = always_asks.route("38.5", RoutingContext(lang="en")).clarifying_question
    assert question is not None and ", or " in question
    question = always_asks.route("38.5", RoutingContext(lang="ko")).clarifying_question
    assert question is not None and "아니면" in question
