"""Conversation context for routing follow-ups, and how strongly a message leans on it."""

from dataclasses import dataclass, field
from itertools import pairwise

from medichain.routing.lexicon import Lexicon

_KOREAN_CUES = (
    "그거", "그것", "그건", "그걸", "그게", "그약", "이거", "이것", "이건", "이걸", "이게", "저거", "그럼",
    "그러면", "그렇다면", "그리고", "그런데", "근데", "거기", "거긴", "그곳", "그병원", "그다음", "그담", "또",
    "이약",
)  # fmt: skip
_ENGLISH_CUES = frozenset({"it", "its", "that", "this", "these", "those", "them", "they", "then", "also"})
_ENGLISH_OPENERS = ("what about", "how about", "and ", "what if", "same ")
_TOPIC_PARTICLES = ("은", "는")  # "애들은?", "술이랑은?": "what about …?"
_SHORT_CHARS = 12  # letters and digits: "그럼 언제 먹어야 돼" is short, a full question is not
_SHORT_WORDS = 4

CUE_PRIOR = 3.0
"""Logit added to the previous domain when the message refers back ("그거", "what about", a name)."""
SHORT_PRIOR = 1.0
"""Logit added to the previous domain when the message is short (ellipsis)."""


@dataclass
class RoutingContext:
    """What the previous turn was about."""

    previous_domain: str | None = None
    previous_entities: list[str] = field(default_factory=list)
    lang: str | None = None


def refers_back(cleaned: str, entities: list[str]) -> bool:
    """Anaphora, a follow-up opener, "…도" (also), a bare "X은?" (what about X), or a previous name."""
    words = cleaned.split()
    joined_pairs = [a + b for a, b in pairwise(words)]  # "그 약" → "그약"
    if any(w.startswith(_KOREAN_CUES) for w in words + joined_pairs) or any(
        w in _ENGLISH_CUES for w in words
    ):
        return True
    if cleaned.startswith(_ENGLISH_OPENERS):
        return True
    if len(words) <= _SHORT_WORDS and any(len(w) >= 2 and w.endswith("도") for w in words):
        return True
    if 0 < len(words) <= 2 and len(words[-1]) >= 2 and words[-1].endswith(_TOPIC_PARTICLES):
        return True
    return bool(entities) and bool(Lexicon(entities).scan(cleaned).names)


def is_short(cleaned: str) -> bool:
    """Few words or few characters: likely to lean on the previous turn."""
    return len(cleaned.split()) <= _SHORT_WORDS or len(cleaned.replace(" ", "")) <= _SHORT_CHARS


def context_prior(cleaned: str, previous_entities: list[str]) -> float:
    """The logit boost the previous turn's domain gets for this message: how much it leans on that turn."""
    prior = CUE_PRIOR if refers_back(cleaned, previous_entities) else 0.0
    return prior + (SHORT_PRIOR if is_short(cleaned) else 0.0)
