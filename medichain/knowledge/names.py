"""Resolve typed names (drugs, hospitals, departments, ...) to entity ids, and spot them in sentences.

Names are compared by a key that ignores case, spaces, hyphens and punctuation; Hangul is decomposed
into jamo for fuzzy comparison, so "타이래놀" is one vowel away from "타이레놀". Short names are matched
only exactly, and only as whole words, so ordinary words do not turn into mentions.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[\uac00-\ud7a3]+|[A-Za-z][A-Za-z0-9]*")
_PARTICLES = frozenset({
    "이", "가", "은", "는", "을", "를", "의", "도", "만", "에", "와", "과", "랑", "이랑", "하고", "나",
    "이나", "로", "으로", "에서", "까지", "부터", "처럼", "보다", "요", "이요", "예요", "이에요", "야",
    "이야", "는요", "은요", "이랑은", "하고는", "같은", "이라도", "라도", "만요", "도요", "인데", "인가요",
    "랑요",
})  # fmt: skip
_FORM_SUFFIXES = ("제", "약", "정", "액")  # "철분제": a preparation of the named substance
_ENGLISH_INFLECTIONS = ("ing", "ed", "ly")  # "aspiring" is a word, not a misspelt "aspirin"

FUZZY_CUTOFF = 85.0
"""Least rapidfuzz ratio (0-100, on jamo-decomposed keys) for a fuzzy match."""
INFLECTED_CUTOFF = 95.0
"""Least ratio for an English word that looks inflected, such as "aspiring"."""
_MIN_FUZZY_LATIN = 5
_MIN_FUZZY_HANGUL = 3
_MIN_FREE_HANGUL = 3  # Hangul names this long are found even inside a spaceless phrase


@dataclass(frozen=True)
class Mention:
    """A known name found in a text: `span` is (start, end) in the original text."""

    entity_id: str
    span: tuple[int, int]
    matched_name: str
    score: float


@dataclass(frozen=True)
class _Name:
    entity_id: str
    name: str
    key: str


def name_key(text: str) -> str:
    """The comparison key: NFKC, lower case, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def _jamo(key: str) -> str:
    """Hangul syllables decomposed into jamo (NFD); other characters unchanged."""
    return unicodedata.normalize("NFD", key)


def _is_hangul(ch: str) -> bool:
    return bool(_HANGUL_SYLLABLE.match(ch))


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _fuzzy_allowed(key: str) -> bool:
    hangul = sum(map(_is_hangul, key))
    return hangul >= _MIN_FUZZY_HANGUL if hangul else len(key) >= _MIN_FUZZY_LATIN


class NameResolver:
    """Exact and fuzzy lookup of many names, precomputed once."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._exact: dict[str, list[_Name]] = defaultdict(list)
        self._spaced_keys: set[str] = set()
        fuzzy: dict[str, list[_Name]] = defaultdict(list)
        for entity_id, names in entries:
            for name in names:
                key = name_key(name)
                if not key or any(n.entity_id == entity_id for n in self._exact[key]):
                    continue
                entry = _Name(entity_id, name, key)
                self._exact[key].append(entry)
                if re.search(r"[\s\-_/.·]", name.strip()):
                    self._spaced_keys.add(key)
                if _fuzzy_allowed(key):
                    fuzzy[_jamo(key)[0]].append(entry)
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._exact:
            if len(key) >= 2:  # a one-character name is never looked for inside a sentence
                lengths[key[:2]].add(len(key))
        self._lengths_by_start = {start: sorted(found, reverse=True) for start, found in lengths.items()}
        self._fuzzy = {first: (entries, [_jamo(e.key) for e in entries]) for first, entries in fuzzy.items()}
        self._all_fuzzy = [e for entries, _ in self._fuzzy.values() for e in entries]
        self._all_fuzzy_keys = [k for _, keys in self._fuzzy.values() for k in keys]

    def resolve(self, name: str, limit: int = 5) -> list[tuple[str, float, str]]:
        """(entity_id, score 0-100, matched name) for the entities a typed name may mean, best first."""
        key = name_key(name)
        best: dict[str, tuple[float, str]] = {e.entity_id: (100.0, e.name) for e in self._exact.get(key, [])}
        if _fuzzy_allowed(key):
            matches = process.extract(
                _jamo(key),
                self._all_fuzzy_keys,
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=4 * limit,
            )
            for _, score, i in matches:
                entry = self._all_fuzzy[i]
                if score > best.get(entry.entity_id, (0.0, ""))[0]:
                    best[entry.entity_id] = (float(score), entry.name)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
        return [(entity_id, score, matched) for entity_id, (score, matched) in ranked]

    def find_mentions(self, text: str) -> list[Mention]:
        """Every known name in a free sentence, exact matches first, then typo-tolerant ones, by position."""
        compact, origin = _compact(text)
        mentions = self._exact_mentions(text, compact, origin)
        covered = [m.span for m in mentions]
        for match in _WORD.finditer(text):
            for start, end in _uncovered(match.start(), match.end(), covered):
                mention = self._fuzzy_mention(text, start, end)
                if mention is not None:
                    mentions.append(mention)
        return sorted(mentions, key=lambda m: (m.span, m.entity_id))

    def _exact_mentions(self, text: str, compact: str, origin: list[int]) -> list[Mention]:
        found: list[tuple[int, int, str]] = []
        for i in range(len(compact) - 1):
            for length in self._lengths_by_start.get(compact[i : i + 2], ()):
                key = compact[i : i + length]
                if len(key) == length and key in self._exact:
                    start, end = origin[i], origin[i + length - 1] + 1
                    if self._acceptable_span(text, start, end, key):
                        found.append((start, end, key))
        chosen: list[tuple[int, int, str]] = []
        for start, end, key in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, key))
        return [
            Mention(entry.entity_id, (start, end), entry.name, 100.0)
            for start, end, key in chosen
            for entry in self._exact[key]
        ]

    def _acceptable_span(self, text: str, start: int, end: int, key: str) -> bool:
        """Word-boundary rules: Latin names stand alone; short Hangul names too, bar a trailing particle."""
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if _is_latin(key[0]) and _is_latin(before):
            return False
        if _is_latin(key[-1]) and _is_latin(after):
            return False
        if key not in self._spaced_keys and not _separators_ok(text[start:end]):
            return False
        hangul = sum(map(_is_hangul, key))
        if hangul and hangul < _MIN_FREE_HANGUL:
            if _is_hangul(key[0]) and _is_hangul(before):
                return False
            if _is_hangul(key[-1]) and _is_hangul(after):
                return _is_particle_tail(re.match(r"[\uac00-\ud7a3]*", text[end:]).group())
        return True

    def _fuzzy_mention(self, text: str, start: int, end: int) -> Mention | None:
        """The best typo-tolerant match of a word, or of the word without a trailing particle."""
        word = text[start:end]
        candidates = [word]
        cutoff = FUZZY_CUTOFF
        if _is_hangul(word[0]):
            candidates += [word[:-cut] for cut in (1, 2, 3) if len(word) - cut >= _MIN_FUZZY_HANGUL]
        elif word.lower().endswith(_ENGLISH_INFLECTIONS):
            cutoff = INFLECTED_CUTOFF
        best: tuple[float, int, _Name] | None = None
        for candidate in candidates:
            key = name_key(candidate)
            if not _fuzzy_allowed(key) or key in self._exact:
                continue
            bucket = self._fuzzy.get(_jamo(key)[0])
            if bucket is None:
                continue
            match = process.extractOne(_jamo(key), bucket[1], scorer=fuzz.ratio, score_cutoff=cutoff)
            if match and (best is None or match[1] > best[0]):
                best = (float(match[1]), len(candidate), bucket[0][match[2]])
        if best is None:
            return None
        score, length, entry = best
        return Mention(entry.entity_id, (start, start + length), entry.name, score)


def _compact(text: str) -> tuple[str, list[int]]:
    """The text's comparison key, with the original index of each of its characters."""
    if unicodedata.is_normalized("NFKC", text) and len(text.lower()) == len(text):
        origin = [i for i, ch in enumerate(text) if ch.isalnum()]
        return "".join(text[i] for i in origin).lower(), origin
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for piece in name_key(ch):
            chars.append(piece)
            origin.append(i)
    return "".join(chars), origin


def _is_particle_tail(tail: str) -> bool:
    """Whether Hangul after a name is only a form suffix and/or a particle ("철분제를", "철분이")."""
    if tail.startswith(_FORM_SUFFIXES):
        tail = tail[1:]
    return not tail or tail in _PARTICLES


def _separators_ok(span: str) -> bool:
    """A name written without separators may gain one only between scripts ("비타민 D")."""
    for match in re.finditer(r"[^\w]+|_", span):
        left, right = span[match.start() - 1], span[match.end()]
        if _is_hangul(left) == _is_hangul(right):
            return False
    return True


def _uncovered(start: int, end: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the covered spans."""
    parts = [(start, end)]
    for s, e in covered:
        parts = [piece for a, b in parts for piece in ((a, min(b, s)), (max(a, e), b)) if piece[0] < piece[1]]
    return parts
