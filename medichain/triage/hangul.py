"""Hangul helpers: typo-tolerant ("loose") spelling and syllable-level typo variants."""

from __future__ import annotations

_BASE = 0xAC00
_LAST = 0xD7A3
# Vowels that people mix up when typing: ㅙ/ㅞ → ㅚ (돼/되, 왜/외).
_VOWEL_MAP = {10: 11, 15: 11}
# Final consonants: ㅆ → ㅅ (겠/겟), ㄶ → ㄴ (않/안), ㅀ → ㄹ, ㄲ → ㄱ.
_FINAL_MAP = {20: 19, 6: 4, 15: 8, 2: 1}


def _loose_syllable(code: int) -> str:
    lead, rest = divmod(code - _BASE, 588)
    vowel, final = divmod(rest, 28)
    vowel = _VOWEL_MAP.get(vowel, vowel)
    final = _FINAL_MAP.get(final, final)
    return chr(_BASE + lead * 588 + vowel * 28 + final)


LOOSE_TABLE: dict[int, str] = {
    code: loose for code in range(_BASE, _LAST + 1) if (loose := _loose_syllable(code)) != chr(code)
}


def loosen(text: str) -> str:
    """Map spellings that typists confuse onto one form; keeps the length of the text."""
    return text.translate(LOOSE_TABLE)


def is_hangul_word(text: str) -> bool:
    """True when every character is a Hangul syllable."""
    return bool(text) and all(_BASE <= ord(ch) <= _LAST for ch in text)


def syllable_typos(word: str) -> set[str]:
    """Variants of a long Hangul word with one syllable dropped or two neighbours swapped."""
    if len(word) < 4 or not is_hangul_word(word):
        return set()
    variants = {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}
    variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    variants.discard(word)
    return variants
