"""What the answer tells the person: a headline, first-aid steps and the phone numbers to call."""

from __future__ import annotations

from dataclasses import dataclass

from medichain.core.text import Language
from medichain.triage.first_aid import ALIASES, ENGLISH, KOREAN
from medichain.triage.models import TriageResult

MAX_STEPS = 8

_HEADLINES: dict[Language, dict[int, str]] = {
    "ko": {
        1: "지금 바로 119에 전화하세요",
        2: "지금 바로 119에 전화하거나 가까운 응급실로 가세요",
        3: "오늘 안에 응급실에서 진료를 받으세요. 증상이 나빠지면 119에 전화하세요",
        4: "하루 이틀 안에 병원 진료를 받으세요",
        5: "집에서 살펴볼 수 있어요. 증상이 계속되면 진료를 받으세요",
    },
    "en": {
        1: "Call 119 now",
        2: "Call 119 now or go straight to an emergency room",
        3: "Go to an emergency room today, and call 119 if it gets worse",
        4: "See a doctor within a day or two",
        5: "You can look after this at home; see a doctor if it does not settle",
    },
}
_INFO_HEADLINE: dict[Language, str] = {
    "ko": "궁금하신 내용을 안내해 드릴게요. 응급 증상이 보이면 바로 119에 전화하세요",
    "en": "Here is the information you asked for. If warning signs appear, call 119 at once",
}
_CRISIS_HEADLINE: dict[Language, dict[bool, str]] = {
    "ko": {
        True: "지금 바로 119 또는 109에 전화하세요",
        False: "혼자 견디지 마세요. 지금 109에 전화해 이야기해 보세요",
    },
    "en": {True: "Call 119 or 109 right now", False: "You do not have to face this alone. Call 109 now"},
}
_WHEN_TO_CALL: dict[Language, str] = {
    "ko": "숨쉬기 힘들거나, 의식이 흐려지거나, 가슴이 심하게 아프거나, "
    "한쪽 팔다리에 힘이 빠지면 바로 119에 전화하세요.",
    "en": "Call 119 at once if breathing gets hard, they become drowsy or confused, chest pain is severe, "
    "or an arm or leg on one side goes weak.",
}
_CRISIS_WHEN_TO_CALL: dict[Language, str] = {
    "ko": "스스로를 해칠 것 같거나 이미 다쳤다면 바로 119에 전화하세요.",
    "en": "If you feel you might act on these thoughts, or you are already hurt, call 119 now.",
}
_ABROAD = (
    "Outside Korea, call your local emergency number (112 in the EU, 911 in North America, 999 in the UK)."
)
_NUMBERS: dict[Language, dict[str, str]] = {
    "ko": {
        "119": "구급차·응급의료 상담",
        "109": "자살예방 상담전화(24시간)",
        "1577-0199": "정신건강 위기상담전화",
        "1339": "질병관리청 콜센터(감염병 문의)",
    },
    "en": {
        "119": "Ambulance and emergency medical advice (Korea)",
        "109": "Suicide prevention line, 24 hours (Korea)",
        "1577-0199": "Mental health crisis line (Korea)",
        "1339": "KDCA call centre for infectious diseases (Korea)",
    },
}


@dataclass(frozen=True, slots=True)
class Guidance:
    """What to tell the person: one headline, what to do while waiting, whom to call."""

    headline: str
    steps: list[str]
    numbers: list[tuple[str, str]]


def _first_aid(codes: list[str], lang: Language) -> list[str]:
    table = KOREAN if lang == "ko" else ENGLISH
    steps: list[str] = []
    for code in codes:
        for step in table.get(ALIASES.get(code, code), ()):
            if step not in steps:
                steps.append(step)
    return steps[:MAX_STEPS]


def _headline(result: TriageResult, lang: Language) -> str:
    if result.crisis_line:
        return _CRISIS_HEADLINE[lang][result.level <= 2]
    if result.information_question:
        return _INFO_HEADLINE[lang]
    return _HEADLINES[lang][result.level]


def build_guidance(result: TriageResult, lang: Language) -> Guidance:
    """Guidance for a triage result in Korean or English."""
    lang = "ko" if lang == "ko" else "en"
    steps = _first_aid(result.red_flags, lang)
    if result.crisis_line:
        steps.append(_CRISIS_WHEN_TO_CALL[lang])
    elif result.level >= 3 or result.information_question:
        steps.append(_WHEN_TO_CALL[lang])
    if lang == "en" and (result.level <= 3 or result.information_question):
        steps.append(_ABROAD)
    labels = _NUMBERS[lang]
    numbers = [("119", labels["119"])]
    if result.crisis_line:
        numbers += [("109", labels["109"]), ("1577-0199", labels["1577-0199"])]
    if result.infectious_topic:
        numbers.append(("1339", labels["1339"]))
    return Guidance(headline=_headline(result, lang), steps=steps, numbers=numbers)
