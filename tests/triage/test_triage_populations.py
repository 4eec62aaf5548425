"""Special populations raise the level (TRIAGE.md, last section)."""

from medichain.triage import TriageContext, TriageEngine


def test_infant_under_three_months_with_fever(engine: TriageEngine) -> None:
    assert engine.assess("아기가 열이 38.1도예요", TriageContext(age_months=1)).level == 2
    assert engine.assess("생후 6주 아기 열이 38도 넘어요").level == 2
    assert engine.assess("my 3 week old has a fever of 100.6F").level == 2


def test_toddler_high_fever(engine: TriageEngine) -> None:
    assert engine.assess("돌 지난 아기가 열이 39.5도예요").level == 3
    assert engine.assess("4살 아이가 열이 38.5도예요").level == 4


def test_pregnancy(engine: TriageEngine) -> None:
    assert engine.assess("배가 아파요").level == 4
    assert engine.assess("배가 아파요", TriageContext(pregnant=True)).level == 3
    assert engine.assess("임신 중인데 배가 아파요").level == 3
    assert engine.assess("38 weeks pregnant and baby hasn't moved today").level == 2


def test_anticoagulants(engine: TriageEngine) -> None:
    assert engine.assess("머리를 부딪혔어요").level == 4
    assert (
        engine.assess("머리를 부딪혔어요", TriageContext(conditions=frozenset({"anticoagulant"}))).level == 3
    )
    assert engine.assess("와파린 먹는데 코피가 30분째 안 멈춰요").level == 2


def test_heart_disease_and_chest_pain(engine: TriageEngine) -> None:
    assert engine.assess("가슴이 아파요").level == 3
    assert engine.assess("가슴이 아파요", TriageContext(conditions=frozenset({"heart_disease"}))).level == 2


def test_immunosuppressed_and_elderly_fever(engine: TriageEngine) -> None:
    assert engine.assess("열이 38.4도예요").level == 4
    assert engine.assess("항암 치료 중인데 열이 38.4도예요").level == 3
    assert engine.assess("열이 나요", TriageContext(conditions=frozenset({"elderly"}))).level == 3


def test_diabetes_and_severe_allergy(engine: TriageEngine) -> None:
    assert (
        engine.assess("식은땀이 나고 손이 떨려요", TriageContext(conditions=frozenset({"diabetes"}))).level
        == 2
    )
    assert engine.assess("I have a severe peanut allergy and just ate a cookie with peanuts").level == 2
