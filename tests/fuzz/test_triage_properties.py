"""Properties of the triage engine: any input gets a level, and a denied red flag never makes a message more
urgent than the same message without it (while the same red flag, affirmed, is an emergency)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medichain.triage import TriageContext, TriageEngine
from medichain.triage.models import CONDITIONS
from tests.fuzz.conftest import ANY_TEXT, examples

ENGINE = TriageEngine()

RED_FLAGS = [
    ("가슴 통증이 있어요", "가슴 통증은 없어요"),
    ("가슴이 쥐어짜듯 아파요", "가슴이 아프지는 않아요"),
    ("숨이 차요", "숨이 차지는 않아요"),
    ("피를 토했어요", "피를 토하지는 않았어요"),
    ("경련을 해요", "경련은 없어요"),
    ("자살하고 싶어요", "자살 생각은 없어요"),
    ("한쪽 팔에 힘이 빠져요", "팔에 힘이 빠지지는 않아요"),
    ("말이 어눌해요", "말이 어눌하지는 않아요"),
    ("I have chest pain.", "I have no chest pain."),
    ("I have crushing chest pain.", "no chest pain at all."),
    ("I am short of breath.", "I am not short of breath."),
    ("I had a seizure.", "I did not have a seizure."),
    ("I have slurred speech.", "denies slurred speech."),
    ("I am vomiting blood.", "I am not vomiting blood."),
    ("I want to kill myself.", "I don't want to kill myself."),
]
"""(affirmed, denied) red flags, each affirmed one an emergency (KTAS 1–3) on its own. English sentences end
with a full stop: a softening word counts in its own sentence, and English run-on sentences are one."""
NEUTRAL = [
    "",
    "요즘 피곤해요.",
    "어제 잠을 잘 못 잤어요.",
    "감기 기운이 좀 있어요.",
    "목이 좀 칼칼해요.",
    "콧물이 나요.",
    "I slept badly last night.",
    "I feel a bit tired today.",
    "My nose is runny.",
    "I have a mild sore throat.",
]
"""Sentences that are not emergencies, to put around a red flag."""

contexts = st.builds(
    TriageContext,
    age_months=st.one_of(st.none(), st.integers(min_value=0, max_value=1200)),
    pregnant=st.booleans(),
    conditions=st.frozensets(st.sampled_from(sorted(CONDITIONS))),
)


@st.composite
def around(draw: st.DrawFn) -> tuple[str, str, bool, bool]:
    """A neutral sentence, a separator, whether the red flag comes first, and whether the spaces of Korean
    sentences are dropped (Korean is matched without spaces)."""
    separator = draw(st.sampled_from([" ", ". ", ", ", "\n", "! ", " ㅠㅠ ", " 🙁 "]))
    return draw(st.sampled_from(NEUTRAL)), separator, draw(st.booleans()), draw(st.booleans())


def compose(sentence: str, placement: tuple[str, str, bool, bool]) -> str:
    """`sentence` placed next to the neutral sentence (an empty `sentence` gives the neutral one alone)."""
    neutral, separator, first, spaceless = placement
    parts = [part for part in ((sentence, neutral) if first else (neutral, sentence)) if part]
    return separator.join(
        part.replace(" ", "") if spaceless and not part.isascii() else part for part in parts
    )


@examples(1.0)
@given(ANY_TEXT, contexts)
def test_any_text_and_context_gets_a_level(text: str, context: TriageContext) -> None:
    """Any code points (lone surrogates, controls, combining marks) in any context."""
    result = ENGINE.assess(text, context)
    assert 1 <= result.level <= 5
    assert result.to_dict()["is_emergency"] == (result.level <= 3)
    assert set(result.red_flags) <= {m.code for m in result.matches}


@examples(2.0)
@given(st.sampled_from(RED_FLAGS), around(), contexts)
def test_denied_red_flag_never_raises_the_level(
    red_flag: tuple[str, str], placement: tuple[str, str, bool, bool], context: TriageContext
) -> None:
    affirmed, denied = red_flag
    assert ENGINE.assess(compose(affirmed, placement), context).is_emergency
    without = ENGINE.assess(compose("", placement), context).level
    assert ENGINE.assess(compose(denied, placement), context).level >= without


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I have a mild sore throat. I am short of breath.", 3),
        ("I feel a bit tired today. I am short of breath.", 3),
        ("조금 피곤해요 숨이 차요", 3),
        ("숨이 차요, 좀 피곤하네요", 3),
        ("I am slightly short of breath.", 4),
        ("숨이 조금 차요", 4),
        ("머리를 부딪히진 않았어요 무릎만 까졌어요", 5),
    ],
)
def test_found_softening_words_count_in_their_own_sentence(text: str, level: int) -> None:
    """Found by the property above: a softening word anywhere ("a bit tired") made another sentence's red
    flag mild (KTAS 3 → 4); and a passive verb's denial ("부딪히진 않았어요") was missed."""
    assert ENGINE.assess(text).level == level
