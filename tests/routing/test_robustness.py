"""route() never raises, always returns a proper distribution, and is deterministic."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medichain.routing import Router, RoutingContext

_LABELS = {"clinic", "drug", "emergency", "general", "out_of_scope"}


def _check(router: Router, text: str, context: RoutingContext | None = None) -> None:
    decision = router.route(text, context)
    assert set(decision.scores) == _LABELS
    assert math.isclose(sum(decision.scores.values()), 1.0, abs_tol=1e-6)
    assert all(0.0 <= p <= 1.0 for p in decision.scores.values())
    assert decision.domain in _LABELS
    assert 0.0 <= decision.confidence <= 1.0
    assert decision.needs_clarification == (decision.clarifying_question is not None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_any_string_routes(router: Router, text: str) -> None:
    _check(router, text)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    previous=st.sampled_from(
        [None, "drug", "clinic", "emergency", "general", "out_of_scope", "nonsense", ""]
    ),
    entities=st.lists(st.text(max_size=12), max_size=4),
    lang=st.sampled_from([None, "ko", "en", "xx"]),
)
def test_any_string_routes_with_any_context(
    router: Router, text: str, previous: str | None, entities: list[str], lang: str | None
) -> None:
    _check(router, text, RoutingContext(previous, entities, lang))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t",
        "\x00",
        "?" * 5000,
        "약" * 10000,
        "a" * 100000,
        "🙂🙂🙂",
        "ㅋㅋㅋㅋ",
        "\u200b\ufeff",
        "타이레놀\x00이부프로펜",
    ],
)
def test_edge_strings(router: Router, text: str) -> None:
    _check(router, text)


def test_routing_is_deterministic(router: Router) -> None:
    text = "타이레놀이랑 이부프로펜 같이 먹어도 돼?"
    assert router.route(text) == router.route(text)
    assert Router.default().route(text) == router.route(text)
