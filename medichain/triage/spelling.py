"""English typo tolerance: maps a misspelt key word ("pian", "siezure", "breath") onto its spelling."""

from __future__ import annotations

import re

from medichain.triage.lexicon.keywords import ENGLISH_KEYWORDS, NOT_TYPOS

_VOWELS = set("aeiouy")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_TOKEN = re.compile(r"[a-z]+")


def _neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for row_index, row in enumerate(_KEYBOARD_ROWS):
        for col, ch in enumerate(row):
            keys = near.setdefault(ch, set())
            for other_row in range(max(0, row_index - 1), min(len(_KEYBOARD_ROWS), row_index + 2)):
                line = _KEYBOARD_ROWS[other_row]
                keys.update(line[max(0, col - 1) : col + 2])
            keys.discard(ch)
    return near


_NEAR = _neighbours()


def _plausible_swap(a: str, b: str) -> bool:
    return (a in _VOWELS and b in _VOWELS) or b in _NEAR.get(a, set())


def _variants(word: str) -> set[str]:
    """Single-edit misspellings of a key word that typists plausibly make."""
    out: set[str] = set()
    n = len(word)
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)}
    if n >= 6:
        out |= {word[:i] + word[i + 1 :] for i in range(1, n)}
    if n >= 6:
        for i, ch in enumerate(word):
            for other in "abcdefghijklmnopqrstuvwxyz":
                if other != ch and _plausible_swap(ch, other):
                    out.add(word[:i] + other + word[i + 1 :])
    out.discard(word)
    return out


class SpellingFixer:
    """Corrects tokens that are one plausible edit away from exactly one key word."""

    def __init__(self, keywords: frozenset[str] = ENGLISH_KEYWORDS) -> None:
        self._keywords = keywords
        table: dict[str, str | None] = {}
        for word in keywords:
            for variant in _variants(word):
                if variant in keywords or variant in NOT_TYPOS:
                    continue
                table[variant] = None if table.get(variant, word) != word else word
        self._table = {variant: word for variant, word in table.items() if word}

    def fix(self, text: str) -> str:
        """Return `text` with misspelt key words replaced (other words untouched)."""
        return _TOKEN.sub(self._fix_token, text)

    def _fix_token(self, match: re.Match[str]) -> str:
        token = match.group()
        if len(token) < 4 or token in self._keywords:
            return token
        fixed = self._table.get(token)
        if fixed:
            return fixed
        if len(token) >= 6 and token not in NOT_TYPOS:
            for i in range(len(token)):
                shorter = token[:i] + token[i + 1 :]
                if shorter in self._keywords and len(shorter) >= 5:
                    return shorter
        return token
