"""The `Concept` record and the pattern shorthands that the lexicon files use.

Korean patterns run on the spaceless, typo-loosened view (see `hangul.loosen`), so they are written
without spaces; English patterns run on the cleaned, spell-fixed lower-case view and start at a word
boundary.  Shorthands:

- ``{p}`` Korean particles (이/가/을/를/은/는/도/에/까지…), ``{g}`` a short gap of Hangul that holds no
  negation (안/없/못/괜찮/아니), ``{G}`` a wider one;
- ``{w}`` up to three English words, ``{W}`` up to six, ``{poss}`` a possessive or article.
"""

from __future__ import annotations

from dataclasses import dataclass

_KO_GAP_CHAR = r"(?:(?!안|없|못|괜|아니|말고|데)[가-힣0-9])"
KO_MACROS = {
    "{p}": r"(?:[이가을를은는도에의랑과와쪽]|까지|에서|부터|한테|에게|께서|으로|로){0,2}",
    "{g}": _KO_GAP_CHAR + "{0,8}?",
    "{G}": _KO_GAP_CHAR + "{0,12}?",
}
EN_MACROS = {
    "{w}": r"(?:[\w'-]+\s+){0,3}?",
    "{W}": r"(?:[\w'-]+\s+){0,6}?",
    "{poss}": r"(?:my|his|her|their|our|the|your|a|an|its|[a-z]+'s)",
}


@dataclass(frozen=True, slots=True)
class Concept:
    """A clinical idea (a symptom, a body finding, a modifier) and the ways people write it."""

    name: str
    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace the shorthands in a pattern."""
    for key, value in macros.items():
        pattern = pattern.replace(key, value)
    return pattern
