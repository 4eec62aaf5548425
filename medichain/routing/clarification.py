"""Clarifying questions that name the two most likely domains in natural Korean or English."""

_KOREAN = {
    "emergency": "지금 응급 상황인가요",
    "drug": "약에 대한 질문인가요",
    "clinic": "증상에 맞는 병원이나 진료과를 찾으시나요",
    "general": "증상이나 질환에 대한 일반적인 정보가 궁금하신가요",
}
_ENGLISH = {
    "emergency": "is this an emergency happening now",
    "drug": "is this a question about a medicine",
    "clinic": "are you looking for a hospital or the right department",
    "general": "would you like general information about a symptom or condition",
}


def _clause(domain: str, lang: str) -> str:
    if lang == "ko":
        return _KOREAN.get(domain, f"'{domain}' 관련 질문인가요")
    return _ENGLISH.get(domain, f"is this about {domain.replace('_', ' ')}")


def clarifying_question(first: str, second: str, lang: str) -> str:
    """ "A인가요, 아니면 B?" for the two most likely domains, in the message's language."""
    if lang == "ko":
        return f"{_clause(first, lang)}, 아니면 {_clause(second, lang)}?"
    opening = _clause(first, lang)
    return f"{opening[0].upper()}{opening[1:]}, or {_clause(second, lang)}?"
