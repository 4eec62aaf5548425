"""Sparse features of a message: character n-grams (spaced and spaceless), words, and lexicon markers."""

import re
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise

from medichain.core.text import normalize
from medichain.routing.lexicon import Lexicon

MARKER = "§"
"""Prefix of marker features (lexicon hits): binary, outside TF-IDF weighting."""

_NON_WORD = re.compile(r"[\W_]+")
_MAX_CHARS = 400  # longer messages are truncated: routing needs only their gist
_CHAR_NGRAMS = (1, 2, 3, 4)
_ONLY_NAME_SLACK = 2  # "쎄레브렉스는?", "lipitor?" — a bare name plus a particle is still just a name


def clean(text: str) -> str:
    """Normalised text with punctuation and symbols turned into spaces."""
    return " ".join(_NON_WORD.sub(" ", normalize(text[: _MAX_CHARS * 2])[:_MAX_CHARS]).split())


def text_features(cleaned: str) -> Counter[str]:
    """Character n-grams of the text with word boundaries, n-grams that span a missing space, and words.

    Counting both the spaced and the spaceless text makes "부작용 있나요" and "부작용있나요" share features.
    """
    spaced = f" {cleaned} "
    grams = [spaced[i : i + n] for n in _CHAR_NGRAMS for i in range(len(spaced) - n + 1)]
    words = cleaned.split()
    compact = "".join(words)
    word_of = [k for k, word in enumerate(words) for _ in word]  # the word each compact character is in
    grams += [
        compact[i : i + n]
        for n in _CHAR_NGRAMS[1:]
        for i in range(len(compact) - n + 1)
        if word_of[i] != word_of[i + n - 1]
    ]
    grams += [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in pairwise(words)]
    counts = Counter(grams)
    del counts[" "]
    return counts


def lexicon_markers(text: str, lexicons: Mapping[str, Lexicon]) -> list[str]:
    """Marker features for each lexicon that names the message: mentioned, and mentioned alone."""
    markers: list[str] = []
    for marker, lexicon in lexicons.items():
        hit = lexicon.scan(text)
        if hit.names:
            markers.append(f"{MARKER}name:{marker}")
            if hit.covers_message(_ONLY_NAME_SLACK):
                markers.append(f"{MARKER}only:{marker}")
    return markers


def message_features(cleaned: str, lexicons: Mapping[str, Lexicon]) -> Counter[str]:
    """All features of one message, given as `clean(text)`."""
    counts = text_features(cleaned)
    counts.update(lexicon_markers(cleaned, lexicons))
    return counts
