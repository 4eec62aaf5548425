"""Guidance: headline, first-aid steps matched to the red flag, and the right numbers."""

from medichain.triage import TriageEngine


def _numbers(engine: TriageEngine, text: str) -> list[str]:
    return [number for number, _ in engine.assess(text).guidance().numbers]


def test_level_1_and_2_say_call_119(engine: TriageEngine) -> None:
    for text in ["아버지가 숨을 안 쉬어요", "가슴이 쥐어짜듯 아프고 식은땀이 나요"]:
        guidance = engine.assess(text).guidance()
        assert "119" in guidance.headline
        assert "119" in _numbers(engine, text)
    assert engine.assess("my dad is not breathing").guidance().headline == "Call 119 now"


def test_first_aid_matches_the_red_flag(engine: TriageEngine) -> None:
    assert any(
        "가슴 압박" in step for step in engine.assess("엄마가 쓰러져서 숨을 안 쉬어요").guidance().steps
    )
    assert any("AED" in step for step in engine.assess("he collapsed, no pulse").guidance().steps)
    stroke = engine.assess("갑자기 입이 돌아가고 말이 어눌해요").guidance().steps
    assert any("음식이나 물" in step for step in stroke)
    anaphylaxis = engine.assess("my throat is closing after eating shrimp").guidance().steps
    assert any("auto-injector" in step for step in anaphylaxis)
    bleeding = engine.assess("피가 철철 나요 안 멈춰요").guidance().steps
    assert any("세게" in step and "누르" in step for step in bleeding)
    chest = engine.assess("crushing chest pain and sweating").guidance().steps
    assert any("aspirin" in step.lower() and "119" in step for step in chest)
    poison = engine.assess("아이가 세제를 먹었어요").guidance().steps
    assert any("토하게 하지 마세요" in step for step in poison)
    assert any("용기" in step for step in poison)


def test_suicide_gives_crisis_lines(engine: TriageEngine) -> None:
    for text in ["죽고 싶어요", "I have a plan to kill myself tonight"]:
        result = engine.assess(text)
        assert result.crisis_line
        assert {"109", "1577-0199", "119"} <= set(_numbers(engine, text))


def test_infectious_questions_give_1339(engine: TriageEngine) -> None:
    assert "1339" in _numbers(engine, "홍역 예방접종은 언제 맞아야 하나요?")


def test_guidance_language_can_be_chosen(engine: TriageEngine) -> None:
    result = engine.assess("my toddler drank bleach")
    assert result.guidance("ko").headline.startswith("지금 바로 119")
    assert result.guidance("en").headline.startswith("Call 119")


def test_response_contract(engine: TriageEngine) -> None:
    result = engine.assess("감기 기운이 있어요")
    assert result.to_dict() == {"level": 5, "is_emergency": False, "red_flags": [], "action": "self_care"}
