"""Each TRIAGE.md situation family is recognised in Korean and English, however phrased."""

import pytest

from medichain.triage import TriageContext, TriageEngine

LEVEL_1 = [
    ("아빠가 쓰러지셨는데 불러도 대답이 없어요", "cardiac_arrest"),
    ("할머니가 숨을 안 쉬세요", "cardiac_arrest"),
    ("my husband is not breathing", "cardiac_arrest"),
    ("found him unconscious on the kitchen floor", "cardiac_arrest"),
    ("떡이 목에 걸려서 기침도 못 해요", "choking"),
    ("my son is choking and can't make a sound", "choking"),
    ("입술이 파래지고 숨을 헐떡여요", "respiratory_failure"),
    ("땅콩 먹었는데 목이 조여오고 숨을 못 쉬겠어요", "anaphylaxis"),
    ("seizure has lasted over 10 minutes", "status_epilepticus"),
    ("fell from a scaffold, bleeding heavily, pale and cold", "major_trauma_shock"),
]
LEVEL_2 = [
    ("가슴이 쥐어짜듯 아프고 식은땀이 나요", "chest_pain_cardiac"),
    ("가슴이아프고왼팔까지저려요", "chest_pain_cardiac"),
    ("crushing chest pain going down my left arm", "chest_pain_cardiac"),
    ("chest pian and sweaty", "chest_pain_cardiac"),
    ("등이 찢어질 듯이 갑자기 아파요", "aortic_dissection"),
    ("엄마 입이 한쪽으로 돌아갔어요", "stroke_signs"),
    ("팔에 힘이 안 들어가요", "stroke_signs"),
    ("말이 안 나와요", "stroke_signs"),
    ("his speech is slurred and his face is drooping", "stroke_signs"),
    ("갑자기 평생 처음 겪는 두통이 왔어요", "thunderclap_headache"),
    ("숨이 안 쉬어져요", "breathing_difficulty"),
    ("cant breathe properly", "breathing_difficulty"),
    ("inhaler isn't helping my asthma attack", "severe_asthma"),
    ("온몸에 두드러기가 나고 어지러워요", "anaphylaxis"),
    ("피를 토했어요", "gi_bleeding"),
    ("bleeding won't stop even with pressure", "severe_bleeding"),
    ("할아버지가 갑자기 횡설수설하세요", "altered_consciousness"),
    ("당뇨가 있는데 식은땀이 나고 손이 떨려요", "hypoglycemia"),
    ("아이가 락스를 마셨어요", "poisoning"),
    ("my toddler swallowed a button battery", "poisoning"),
    ("수면제를 한 통 다 먹었어요", "overdose"),
    ("보일러 틀고 잤는데 가족 모두 머리가 아프고 메스꺼워요", "carbon_monoxide"),
    ("오늘 밤 뛰어내리려고 해요", "suicidal_intent"),
    ("머리를 부딪힌 뒤로 계속 토해요", "head_injury"),
    ("임신 30주인데 피가 많이 나요", "pregnancy_emergency"),
    ("임산부인데 태동이 없어요", "reduced_fetal_movement"),
    ("생후 2개월 아기가 열이 38.3도예요", "infant_fever"),
    ("high fever and a stiff neck", "meningitis_signs"),
    ("끓는 물에 얼굴을 데었어요", "severe_burn"),
    ("배가 갑자기 너무 아프고 돌처럼 딱딱해요", "acute_abdomen"),
    ("고환이 갑자기 심하게 아파요", "testicular_torsion"),
    ("bitten by a snake", "snake_bite"),
    ("감전됐어요", "electrocution"),
    ("아이가 물에 빠졌다가 구조됐어요", "near_drowning"),
    ("hit by a car", "major_trauma"),
]
LEVEL_3 = [
    ("요즘 죽고 싶다는 생각이 들어요", "suicidal_thoughts"),
    ("18개월 아기가 열이 39.5도예요", "child_high_fever"),
    ("아이가 물도 안 마시고 축 처져 있어요", "child_unwell"),
    ("can't keep any water down and barely peeing", "dehydration"),
    ("넘어졌는데 발목이 부러진 것 같아요", "possible_fracture"),
    ("deep cut that needs stitches", "laceration"),
    ("천식이 있는데 쌕쌕거리고 숨이 차요", "moderate_asthma"),
    ("가슴이 아파요", "chest_pain"),
]


@pytest.mark.parametrize(("text", "flag"), LEVEL_1)
def test_level_1(engine: TriageEngine, text: str, flag: str) -> None:
    result = engine.assess(text)
    assert result.level == 1
    assert flag in result.red_flags
    assert result.action == "call_119"


@pytest.mark.parametrize(("text", "flag"), LEVEL_2)
def test_level_2(engine: TriageEngine, text: str, flag: str) -> None:
    result = engine.assess(text)
    assert result.level == 2, result.red_flags
    assert flag in result.red_flags
    assert result.is_emergency


@pytest.mark.parametrize(("text", "flag"), LEVEL_3)
def test_level_3(engine: TriageEngine, text: str, flag: str) -> None:
    result = engine.assess(text)
    assert result.level == 3, result.red_flags
    assert flag in result.red_flags
    assert result.action == "emergency_room"


def test_chest_pain_alone_is_not_level_2(engine: TriageEngine) -> None:
    assert engine.assess("chest pain").level == 3
    assert engine.assess("chest pain and cold sweat").level == 2


@pytest.mark.parametrize(
    "text",
    ["아버지가 쓰러지셨어요 숨을 안 쉬세요", "my wife collapsed and isn't breathing", "엄마가 의식이 없어요"],
)
def test_reported_about_someone_else(engine: TriageEngine, text: str) -> None:
    assert engine.assess(text).level == 1


def test_typos_spacing_and_emoticons(engine: TriageEngine) -> None:
    assert engine.assess("가슴이너무아프고식은땀이나요ㅠㅠ").level == 2
    assert engine.assess("숨을못쉬겟어요 ㅠㅠ").level == 2
    assert engine.assess("slurred speach and face droopng").level == 2
    assert engine.assess("siezure wont stop").level == 1


def test_minor_resolved_or_mild_stays_non_urgent(engine: TriageEngine) -> None:
    for text in [
        "손가락을 살짝 베었는데 피는 멈췄어요",
        "아이가 열이 37.8도인데 잘 놀고 잘 먹어요",
        "rolled my ankle but I can walk on it",
        "just a cold with a runny nose",
    ]:
        assert engine.assess(text).level >= 4, text


def test_level_4_findings(engine: TriageEngine) -> None:
    for text in ["열이 38.5도 나요", "burning when I pee", "이틀째 설사를 해요", "toothache for 3 days"]:
        result = engine.assess(text)
        assert result.level == 4, text
        assert result.action == "see_doctor_soon"


def test_context_object_is_used(engine: TriageEngine) -> None:
    assert engine.assess("열이 38.2도예요", TriageContext(age_months=2)).level == 2
    assert engine.assess("열이 38.2도예요").level == 4
