"""Turns a raw message into the views the matchers read: cleaned English text and spaceless loose Korean."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medichain.core.text import normalize
from medichain.triage.hangul import loosen
from medichain.triage.spelling import SpellingFixer

MAX_CHARS = 4000
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
# Emoticon noise: stand-alone jamo (ㅠㅠ ㅋㅋ ㅎㅎ), kaomoji punctuation runs, tildes.
_JAMO = re.compile(r"[\u1100-\u11ff\u3131-\u318e]+")
_NOISE = re.compile(r"[~^;*_=+<>|\\#@$&\[\]{}]+")
_REPEAT_PUNCT = re.compile(r"([.?!,])\1+")
# Words that contain a symptom syllable but mean something else (커피 "coffee", 피곤 "tired"...):
# masked in the Korean view, keeping its length.
_KOREAN_FALSE_FRIENDS = re.compile(
    loosen(
        "커피|피곤|피로|피자|피아노|피임|피해|피드백|피서|피겨|피리|피트니스|피처|카피|해피|스피커|피크|토피|"
        "열심|열쇠|열정|열흘|열람|열차|열어|열었|열린|열기|열매|열외|열대|열번|열개|열명|열살|열시|"
        "배터리|배달|배송|배우|배웠|배추|배꼽시계|배려|배드민턴|배구|배고|배불|목표|목적|목록|목요일|목욕|"
        "눈치|손님|손해|발표|발견|발생|발전|발송|발급|등록|등산|등급|입원|입학|입사|입금|입장|입력"
    )
)
_MASK = "□"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class PreparedText:
    """The views of one message that the concept matchers scan."""

    cleaned: str
    english: str
    korean: str
    has_hangul: bool
    has_latin: bool

    def korean_span(self, start: int, end: int) -> str:
        """The cleaned text behind a span of the Korean view (with its spaces)."""
        offsets = [i for i, ch in enumerate(self.cleaned) if ch != " "]
        if not 0 <= start < end <= len(offsets):
            return ""
        return self.cleaned[offsets[start] : offsets[end - 1] + 1]


_SYMBOLS = re.compile(r"[^\w\s.,?!'\"/%:()°℃-]|_")


def _mask_false_friends(view: str) -> str:
    return _KOREAN_FALSE_FRIENDS.sub(lambda m: _MASK * len(m.group()), view)


def clean(text: str) -> str:
    """Normalise a message for matching: NFKC, lower case, no emoticons or control characters."""
    text = text[:MAX_CHARS].translate(_APOSTROPHES)
    text = _JAMO.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = _SYMBOLS.sub(" ", normalize(text))
    text = _REPEAT_PUNCT.sub(r"\1", text)
    return " ".join(text.split())


class TextPreparer:
    """Builds `PreparedText` views; holds the compiled spelling fixer."""

    def __init__(self) -> None:
        self._fixer = SpellingFixer()

    def prepare(self, text: str) -> PreparedText:
        """Clean the text and build the English and Korean views."""
        cleaned = clean(text)
        has_hangul = bool(_HANGUL.search(cleaned))
        has_latin = bool(_LATIN.search(cleaned))
        english = self._fixer.fix(cleaned) if has_latin else cleaned
        return PreparedText(
            cleaned=cleaned,
            english=english,
            korean=_mask_false_friends(loosen(cleaned.replace(" ", ""))) if has_hangul else "",
            has_hangul=has_hangul,
            has_latin=has_latin,
        )
