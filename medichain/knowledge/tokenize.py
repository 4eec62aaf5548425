"""Lexical tokens for BM25: Kiwi content morphemes for Korean, lightly stemmed words for English.

Mixed text (Korean with English drug names or units) goes through Kiwi, whose Latin tokens are then
treated like English words, so "타이레놀 500mg" and "Tylenol 500 mg" share their tokens.
"""

import functools
import re
import threading
from collections.abc import Iterable, Sequence

from kiwipiepy import Kiwi, Token

from medichain.core.text import normalize, without_surrogates

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_ENGLISH_WORD = re.compile(r"[a-z0-9]+")

# Kiwi tags (without the "-I"/"-R" irregular-conjugation suffix) whose morphemes carry content.
_CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SH", "SN", "VV", "VA", "MAG"})
_KOREAN_STOPWORDS = frozenset({
    "하", "되", "있", "없", "같", "그렇", "이렇", "어떻", "좀", "더", "잘", "안", "못", "너무", "정말",
    "진짜", "많이", "같이", "그냥", "혹시", "또", "왜", "어떻게", "그리고", "그래서", "하지만", "그런데",
    "다", "꼭", "제일",
})  # fmt: skip
_ENGLISH_STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "of", "to", "in", "on", "at", "by",
    "for", "with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am",
    "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you",
    "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "what",
    "which", "who", "whom", "when", "where", "why", "how", "can", "could", "should", "would", "will",
    "shall", "may", "might", "must", "not", "no", "nor", "very", "too", "just", "also", "any", "some",
    "all", "each", "more", "most", "other", "such", "only", "own", "same", "there", "here", "up", "down",
    "out", "over", "under", "again", "further", "once", "don", "doesn", "didn", "isn", "aren", "wasn",
    "weren", "won", "ll", "ve", "re", "get", "got",
})  # fmt: skip

_kiwi: Kiwi | None = None
_kiwi_lock = threading.Lock()


def _analyser() -> Kiwi:
    """The shared Kiwi instance, created on first use (its analysis is safe to call from many threads)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                _kiwi = Kiwi(num_workers=-1)
    return _kiwi


def _consonant_vowel_pattern(word: str) -> str:
    pattern: list[str] = []
    for i, ch in enumerate(word):
        vowel = ch in "aeiou" or (ch == "y" and i > 0 and pattern[-1] == "c")
        pattern.append("v" if vowel else "c")
    return "".join(pattern)


def _measure(word: str) -> int:
    """Porter's m: the number of vowel-consonant sequences."""
    return re.sub(r"(.)\1+", r"\1", _consonant_vowel_pattern(word)).count("vc")


def _has_vowel(word: str) -> bool:
    return "v" in _consonant_vowel_pattern(word)


def _ends_cvc(word: str) -> bool:
    return _consonant_vowel_pattern(word).endswith("cvc") and word[-1] not in "wxy"


@functools.lru_cache(maxsize=65536)
def stem_english(word: str) -> str:
    """Porter steps 1a-1c and 5a: plurals, -ed/-ing, final y and e ("headaches", "headache" → "headach")."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("eed"):
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    else:
        for suffix in ("ing", "ed"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and _has_vowel(stem):
                word = _repair_stem(stem)
                break
    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    if word.endswith("e"):
        stem = word[:-1]
        if _measure(stem) > 1 or (_measure(stem) == 1 and not _ends_cvc(stem)):
            word = stem
    return word


def _repair_stem(stem: str) -> str:
    """Porter's clean-up after removing -ed/-ing ("hop" → "hope", "runn" → "run")."""
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if len(stem) > 1 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsz":
        return stem[:-1]
    if _measure(stem) == 1 and _ends_cvc(stem):
        return stem + "e"
    return stem


def _english_tokens(words: Iterable[str]) -> list[str]:
    return [stem_english(w) for w in words if w not in _ENGLISH_STOPWORDS and (len(w) > 1 or w.isdigit())]


def _korean_tokens(tokens: Sequence[Token]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        tag = token.tag.split("-", 1)[0]
        if tag == "SL":
            out.extend(_english_tokens(_ENGLISH_WORD.findall(token.form.lower())))
        elif tag in _CONTENT_TAGS and token.form not in _KOREAN_STOPWORDS:
            out.append(token.form)
    return out


def tokenize(text: str) -> list[str]:
    """Content tokens of one text, Korean, English or mixed."""
    return tokenize_many([text])[0]


def tokenize_many(texts: Sequence[str]) -> list[list[str]]:
    """Content tokens of many texts; Korean texts go through Kiwi in one parallel batch."""
    normalised = [without_surrogates(normalize(t)) for t in texts]
    out: list[list[str]] = []
    korean: list[int] = []
    for i, text in enumerate(normalised):
        if _HANGUL.search(text):
            korean.append(i)
            out.append([])
        else:
            out.append(_english_tokens(_ENGLISH_WORD.findall(text)))
    if korean:
        analysed = _analyser().tokenize([normalised[i] for i in korean])
        for i, tokens in zip(korean, analysed, strict=True):
            out[i] = _korean_tokens(tokens)
    return out
