"""Known names (drug names, ...) spotted in a message: a strong routing signal learned from vocabulary.

Hangul names are found in the message with its spaces removed, so "타이레놀이랑" and "타이 레놀" both
match; names of two syllables only at the start of a word, so that short names do not fire inside
ordinary words. Latin names match whole words ("advil", "tylenol 500").
"""

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from medichain.core.text import normalize

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")
_MAX_LATIN_WORDS = 4  # longer catalogue titles ("Tylenol 500 mg tablet") are not what people type
_MIN_FREE_HANGUL = 3  # Hangul names at least this long match anywhere, even mid-word

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LexiconHit:
    """The names found in a message and how much of the message they leave uncovered."""

    names: tuple[str, ...]
    leftover: int  # letters and digits of the message outside every match

    def covers_message(self, slack: int) -> bool:
        """Whether the message is essentially just names (at most `slack` other characters)."""
        return bool(self.names) and self.leftover <= slack


def _compact(normalised: str) -> tuple[str, list[bool]]:
    """Letters and digits only, with whether each one starts a word."""
    words = _WORD.findall(normalised)
    starts = [i == 0 for word in words for i in range(len(word))]
    return "".join(words), starts


class Lexicon:
    """A set of names compiled for fast spotting; unusable names (too short, digits only) are dropped."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names: tuple[str, ...] = tuple(sorted({n.strip() for n in names if n and n.strip()}))
        self._hangul: set[str] = set()
        self._latin: set[str] = set()
        for name in self.names:
            norm = normalize(name)
            if _HANGUL.search(norm):
                key = _compact(norm)[0]
                if len(key) >= 2:
                    self._hangul.add(key)
            else:
                words = _LATIN_WORD.findall(norm)
                if (
                    words
                    and len(words) <= _MAX_LATIN_WORDS
                    and len("".join(words)) >= 3
                    and not words[0].isdigit()
                ):
                    self._latin.add(" ".join(words))
        lengths: dict[str, set[int]] = {}
        for key in self._hangul:
            lengths.setdefault(key[:2], set()).add(len(key))
        self._hangul_lengths = {prefix: sorted(found) for prefix, found in lengths.items()}
        self._latin_lengths = sorted({k.count(" ") + 1 for k in self._latin}, reverse=True)

    def __len__(self) -> int:
        return len(self._hangul) + len(self._latin)

    def scan(self, text: str) -> LexiconHit:
        """The known names in a message (each once) and the characters left outside them."""
        norm = normalize(text)
        compact, word_starts = _compact(norm)
        covered = [False] * len(compact)
        found: set[str] = set()
        for i in range(len(compact) - 1):
            for length in self._hangul_lengths.get(compact[i : i + 2], ()):
                key = compact[i : i + length]
                if (
                    len(key) == length
                    and key in self._hangul
                    and (length >= _MIN_FREE_HANGUL or word_starts[i])
                ):
                    found.add(key)
                    covered[i : i + length] = [True] * length
        words = _LATIN_WORD.findall(norm)
        covered_latin = [False] * len(words)
        for n in self._latin_lengths:
            for j in range(len(words) - n + 1):
                key = " ".join(words[j : j + n])
                if key in self._latin:
                    found.add(key)
                    covered_latin[j : j + n] = [True] * n
        latin_chars = sum(len(w) for w, hit in zip(words, covered_latin, strict=True) if hit)
        leftover = max(0, len(compact) - sum(covered) - latin_chars)
        return LexiconHit(tuple(sorted(found)), leftover)


def load_drug_lexicons(directory: Path) -> dict[str, list[str]]:
    """Drug names from every drug file in a folder: {"drug": specific names, "drug_class": class words}.

    Product and ingredient names are specific, and so are aliases unless they are class words ("항생제",
    "두통약", or an alias several records share): those also appear in general questions, so they get a
    marker of their own. Bad files and malformed fields are skipped.
    """
    records: list[tuple[list[str], list[str]]] = []
    for path in sorted(directory.glob("*.json")):
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("skipping drug file %s: %s", path, error)
            continue
        records += [
            _record_names(r) for r in (loaded if isinstance(loaded, list) else []) if isinstance(r, dict)
        ]
    primary = {normalize(n) for names, _ in records for n in names}
    shared = Counter(key for _, aliases in records for key in {normalize(a) for a in aliases})
    lexicons: dict[str, list[str]] = {"drug": [], "drug_class": []}
    for names, aliases in records:
        lexicons["drug"] += names
        for alias in aliases:
            key = normalize(alias)
            generic = key not in primary and (shared[key] > 1 or _is_class_word(alias))
            lexicons["drug_class" if generic else "drug"].append(alias)
    return lexicons


def _is_class_word(name: str) -> bool:
    """Korean words for a kind of medicine: "…약" (위장약), or a short "…제" (항생제, 제산제)."""
    word = name.replace(" ", "")
    return bool(_HANGUL.search(word)) and (word.endswith("약") or (word.endswith("제") and len(word) <= 4))


def _strings(values: list[object]) -> list[str]:
    return [v for v in values if isinstance(v, str)]


def _record_names(record: dict) -> tuple[list[str], list[str]]:
    """(name.ko/en and ingredients[].ko/en, aliases) of one drug record, skipping malformed fields."""
    names: list[str] = []
    name = record.get("name")
    if isinstance(name, dict):
        names += _strings([name.get("ko"), name.get("en")])
    ingredients = record.get("ingredients")
    for ingredient in ingredients if isinstance(ingredients, list) else []:
        if isinstance(ingredient, dict):
            names += _strings([ingredient.get("ko"), ingredient.get("en")])
    aliases = record.get("aliases")
    return names, _strings(aliases) if isinstance(aliases, list) else []
