"""Which aspect of a medicine a question asks about (side effects, how to take it, storage, ...)."""

import re

from medichain.core.text import normalize

ASPECT_CUES: dict[str, tuple[str, ...]] = {
    "side_effects": ("부작용", "이상반응", "부작용이", "side effect", "side-effect", "adverse", "reaction"),
    "usage": (
        "먹는법", "먹는 법", "복용법", "복용 방법", "복용방법", "용법", "용량", "얼마나 먹", "몇 알", "몇알", "몇 정",
        "언제 먹", "하루에", "몇 번", "몇번", "식전", "식후", "공복", "how to take", "dose", "dosage", "how much",
        "how many", "when to take", "how often",
    ),
    "interactions": (
        "같이", "함께", "병용", "상호작용", "섞어", "동시에", "interaction", "together", "combine", "mix",
        " with ",
    ),
    "storage": ("보관", "냉장", "유통기한", "store", "storage", "fridge", "refrigerat", "expire"),
    "pregnancy": ("임신", "임산부", "수유", "모유", "pregnan", "breastfeed", "nursing"),
    "elderly": ("노인", "어르신", "고령", "elderly", "older adult", "seniors"),
    "contraindications": (
        "먹으면 안", "먹으면안", "금기", "복용하면 안", "피해야", "contraindicat", "should not take",
        "who should not", "can't take", "cannot take",
    ),
    "indications": (
        "효능", "효과", "무슨 약", "뭐에 먹", "뭐에 쓰", "용도", "어디에 좋", "어떤 약", "뭐하는 약", "what is it for",
        "used for", "what does", "what is", "indication",
    ),
}  # fmt: skip

OVERVIEW = ("indications", "usage", "side_effects", "contraindications")
"""Aspects shown when a question names a medicine but no particular aspect."""


def aspects_of(text: str) -> list[str]:
    """The aspects a question asks about, in a stable order (empty when none is recognised)."""
    padded = f" {normalize(text)} "
    compact = re.sub(r"\s+", "", padded)
    found = []
    for aspect, cues in ASPECT_CUES.items():
        if any(cue in padded or (not cue.isascii() and cue.replace(" ", "") in compact) for cue in cues):
            found.append(aspect)
    return found
