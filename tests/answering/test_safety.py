"""The diagnosis rule catches statements about the person, not the conditional sentences that health
information is full of ("if you have a fever…")."""

import pytest

from medichain.answering.safety import validate
from medichain.triage import TriageEngine

DISCLAIMER = "참고용"
TRIAGE = TriageEngine().assess("general question about colds")


@pytest.mark.parametrize(
    "text",
    [
        "You have the flu.",
        "Rest well. You've got a sinus infection",
        "It sounds like you have migraine.",
        "You probably have a urinary tract infection.",
        "I think you have diabetes.",
        "당신은 두통 환자입니다.",
        "말씀하신 증상으로 보아 편두통으로 보입니다.",
        "님은 위염으로 진단됩니다.",
    ],
)
def test_statements_about_the_person_are_diagnoses(text: str) -> None:
    assert "diagnosis" in validate(f"{text} {DISCLAIMER}", triage=TRIAGE, disclaimer=DISCLAIMER).issues


@pytest.mark.parametrize(
    "text",
    [
        "See a doctor if you have a fever above 39 °C for two days.",
        "Drink fluids and rest while you have a cold.",
        "Having a cough does not mean you have pneumonia.",
        "You have to finish the course the pharmacist explained.",
        "Tell the pharmacist which medicines you have been taking.",
        "Stay home until you have had no fever for 24 hours.",
        "골밀도 검사에서 T-점수가 -2.5 이하이면 골다공증으로 진단합니다.",
        "빈혈은 혈액 검사로 진단합니다.",
    ],
)
def test_information_sentences_are_not_diagnoses(text: str) -> None:
    assert validate(f"{text} {DISCLAIMER}", triage=TRIAGE, disclaimer=DISCLAIMER).passed
