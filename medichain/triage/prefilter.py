"""A cheap gate in front of each concept regex: the short strings a match must start with.

Running ~150 alternation-heavy regexes over every message is the engine's main cost; most concepts
cannot match a given message at all.  From each compiled pattern we derive the set of possible match
prefixes (two characters for Korean, three for English) and skip the regex when none of them occurs
in the text.  When a pattern can start with anything (a character class, say) it gets no gate.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_REPEATS = {
    sre_constants.MAX_REPEAT,
    sre_constants.MIN_REPEAT,
    getattr(sre_constants, "POSSESSIVE_REPEAT", None),
}

_MAX_CLASS = 12
# A prefix and whether it is closed (cannot be extended because what follows is unknown).
_State = set[tuple[str, bool]]


def _combine(open_prefixes: set[str], sub: _State | None, k: int) -> _State:
    if sub is None:
        return {(p, True) for p in open_prefixes}
    out: _State = set()
    for prefix in open_prefixes:
        for tail, closed in sub:
            joined = prefix + tail
            out.add((joined[:k], closed and len(joined) < k))
    return out


def _class_chars(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters of a small, positive character class ([0-9], [이가]); None otherwise."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _prefixes(items: sre_parse.SubPattern | list, k: int, depth: int = 0) -> _State | None:
    if depth > 30:
        return None
    state: _State = {("", False)}
    for op, av in items:
        open_prefixes = {p for p, closed in state if not closed and len(p) < k}
        if not open_prefixes:
            break
        done = {(p, c) for p, c in state if c or len(p) >= k}
        if op is sre_constants.LITERAL:
            state = done | {(p + chr(av), False) for p in open_prefixes}
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre_constants.SUBPATTERN:
            state = done | _combine(open_prefixes, _prefixes(av[-1], k, depth + 1), k)
        elif op is sre_constants.BRANCH:
            union: _State | None = set()
            for branch in av[1]:
                sub = _prefixes(branch, k, depth + 1)
                if sub is None:
                    union = None
                    break
                union |= sub
            state = done | _combine(open_prefixes, union, k)
        elif op is sre_constants.IN and (chars := _class_chars(av)) is not None:
            state = done | {(p + ch, False) for p in open_prefixes for ch in chars}
        elif op in _REPEATS:
            low, _high, body = av
            taken = {(p, True) for p, _ in _combine(open_prefixes, _prefixes(body, k, depth + 1), k)}
            state = done | taken | ({(p, False) for p in open_prefixes} if low == 0 else set())
        else:
            state = done | {(p, True) for p in open_prefixes}
    return state


def gate_for(regex: re.Pattern[str], length: int) -> frozenset[str] | None:
    """Strings of which at least one must occur for `regex` to match; None when there is no such set."""
    try:
        state = _prefixes(sre_parse.parse(regex.pattern, regex.flags), length)
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    if state is None or any(not prefix for prefix, _ in state):
        return None
    return frozenset(prefix for prefix, _ in state)


def text_keys(text: str, length: int) -> frozenset[str]:
    """Every substring of `text` of at most `length` characters."""
    return frozenset(text[i : i + n] for n in range(1, length + 1) for i in range(len(text) - n + 1))
