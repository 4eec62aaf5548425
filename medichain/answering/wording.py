"""Fixed sentences of every answer, in Korean and English (the seed's safety rules in words)."""

from medichain.core.text import Language

DISCLAIMER = {
    "ko": "이 정보는 참고용이며, 정확한 진료는 의료진과 상담하세요.",
    "en": "This information is for reference only; consult a medical professional for diagnosis and treatment.",
}
OUT_OF_SCOPE = {
    "ko": (
        "죄송하지만 건강·의료와 관련된 질문에만 답할 수 있어요. 이런 것을 도와드릴 수 있습니다:\n"
        "- 응급 상황 판단과 119 안내, 응급처치\n- 약의 효능·복용법·부작용, 함께 먹어도 되는지\n"
        "- 증상에 맞는 진료과와 가까운 병원\n- 증상·질환·예방에 대한 일반 정보"
    ),
    "en": (
        "Sorry, I can only help with health and medical questions, such as:\n"
        "- whether something is an emergency, 119 guidance and first aid\n"
        "- what a medicine is for, how it is taken, side effects, interactions\n"
        "- which department to see and hospitals nearby\n- general information on symptoms, conditions, prevention"
    ),
}
NOT_FOUND = {
    "ko": "이 질문에 맞는 정보를 자료에서 찾지 못했습니다. 정확한 답은 의사나 약사에게 확인하세요.",
    "en": "I could not find information on this in my sources. Please ask a doctor or pharmacist.",
}
ACTION_LINE = {
    "ko": {
        "see_doctor_soon": "하루 이틀 안에 진료를 받아 보세요.",
        "see_doctor": "증상이 계속되면 진료를 받아 보세요.",
        "self_care": "증상이 계속되거나 심해지면 진료를 받으세요.",
    },
    "en": {
        "see_doctor_soon": "See a doctor within a day or two.",
        "see_doctor": "See a doctor if it does not settle.",
        "self_care": "See a doctor if it persists or gets worse.",
    },
}
WARNING_SIGNS_LINE = {
    "ko": "지금 이런 증상이 나타나고 있다면 바로 119에 전화하세요.",
    "en": "If these symptoms are happening now, call 119 at once.",
}
_SERVICE_UNAVAILABLE = {
    "ko": "지금은 {label} 정보 서비스에 연결할 수 없어 자세한 답을 드리지 못합니다. 잠시 후 다시 시도해 주세요.",
    "en": "The {label} information service is unavailable right now, so I cannot answer in detail. "
    "Please try again shortly.",
}
_DOMAIN_LABELS = {
    "ko": {"drug": "의약품", "clinic": "병원", "emergency": "응급", "general": "건강"},
    "en": {"drug": "medicine", "clinic": "hospital", "emergency": "emergency", "general": "health"},
}


def service_unavailable(domain: str, lang: Language) -> str:
    """The fallback body when a domain's service cannot answer (triage and guidance still come first)."""
    return _SERVICE_UNAVAILABLE[lang].format(label=_DOMAIN_LABELS[lang].get(domain, domain))
