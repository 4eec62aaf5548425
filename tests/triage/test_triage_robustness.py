"""The engine never raises, always answers 1–5, and is deterministic; denial never raises the level."""

from hypothesis import given, settings
from hypothesis import strategies as st

from medichain.triage import TriageContext, TriageEngine
from medichain.triage.engine import TriageEngine as EngineClass

_ENGINE = EngineClass()
_SYMPTOMS_KO = ["가슴 통증", "두통", "호흡곤란", "어지럼증", "복통", "발열"]
_SYMPTOMS_EN = ["chest pain", "shortness of breath", "a headache", "dizziness", "fever", "abdominal pain"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_level(text: str) -> None:
    result = _ENGINE.assess(text)
    assert 1 <= result.level <= 5
    assert result.is_emergency == (result.level <= 3)


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.one_of(st.none(), st.integers(min_value=0, max_value=1500)),
    st.booleans(),
    st.frozensets(
        st.sampled_from(["anticoagulant", "diabetes", "heart_disease", "immunosuppressed", "elderly"])
    ),
)
def test_any_context_gives_a_level(
    text: str, age: int | None, pregnant: bool, conditions: frozenset[str]
) -> None:
    context = TriageContext(age_months=age, pregnant=pregnant, conditions=conditions)
    assert 1 <= _ENGINE.assess(text, context).level <= 5


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SYMPTOMS_KO), st.sampled_from(["은 없어요", "은 없고 피곤해요", "은 전혀 없어요"]))
def test_korean_denial_never_is_an_emergency(symptom: str, denial: str) -> None:
    assert not _ENGINE.assess(symptom + denial).is_emergency


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_SYMPTOMS_EN), st.sampled_from(["no {}", "I don't have {}", "denies {}", "without {}"])
)
def test_english_denial_never_is_an_emergency(symptom: str, template: str) -> None:
    assert not _ENGINE.assess(template.format(symptom)).is_emergency


def test_odd_inputs(engine: TriageEngine) -> None:
    for text in [
        "",
        " ",
        "\x00\x1f\x7f",
        "🚑" * 50,
        "가" * 100_000,
        "ㅠㅠㅠㅠ",
        "a\u0301\u200b\ufeff",
        "?" * 3000,
    ]:
        assert 1 <= engine.assess(text).level <= 5
    assert engine.assess(None).level == 5  # type: ignore[arg-type]


def test_deterministic(engine: TriageEngine) -> None:
    text = "가슴이 답답하고 왼팔이 저려요"
    first = engine.assess(text)
    assert all(engine.assess(text) == first for _ in range(5))
