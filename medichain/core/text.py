"""Small text helpers shared by triage, routing and retrieval."""

import re
import unicodedata
from typing import Literal

Language = Literal["ko", "en"]

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[A-Za-z]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates (possible in a Python str, never in UTF-8) made spaces: the tokenizer
    and the embedders encode text as UTF-8 and would fail on them."""
    return _SURROGATE.sub(" ", text)


def normalize(text: str) -> str:
    """NFKC-normalise, lower-case and collapse whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def detect_language(text: str) -> Language:
    """Korean when Hangul makes up a meaningful share of the letters, else English."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return "ko" if hangul and hangul * 3 >= latin else "en"
