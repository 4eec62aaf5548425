"""Medical departments (진료과): names and colloquial aliases, and suggestions from symptom words."""

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from medichain.core.text import Language, normalize
from medichain.knowledge.tokenize import _analyser

ALIASES: dict[str, tuple[str, ...]] = {
    "소아청소년과": ("소아과", "소아 청소년과", "pediatrics", "pediatrician", "paediatrics"),
    "비뇨의학과": ("비뇨기과", "urology", "urologist"),
    "정신건강의학과": ("정신과", "신경정신과", "psychiatry", "psychiatrist"),
    "순환기내과": ("심장내과", "cardiology", "cardiologist"),
    "소화기내과": ("위장내과", "gastroenterology", "gastroenterologist"),
    "이비인후과": ("ent", "귀코목", "otolaryngology"),
    "산부인과": ("산과", "부인과", "obgyn", "ob/gyn", "gynecology", "gynecologist"),
    "피부과": ("dermatology", "dermatologist"),
    "안과": ("ophthalmology", "eye doctor", "ophthalmologist"),
    "치과": ("dentist", "dental"),
    "정형외과": ("orthopedics", "orthopaedics", "orthopedic"),
    "한방과": ("한의원", "한방", "korean medicine"),
    "응급의학과": ("응급실", "emergency room", "er"),
    "가정의학과": ("family medicine", "gp", "family doctor"),
    "마취통증의학과": ("통증의학과", "통증클리닉", "pain clinic"),
}


_GENERIC_WORDS = frozenset(
    {"통증", "증상", "아픔", "질환", "문제", "pain", "ache", "problem", "symptoms", "when"}
)
"""Words that say nothing about the body part or department on their own."""
_NOUN_TAGS = ("NNG", "NNP")
_PARTICLES = "이|가|은|는|을|를|에|에서|도|만|의|랑|이랑|하고|와|과|쪽|안|속"


def _nouns(term: str) -> list[str]:
    """Korean nouns of at least two syllables in a symptom phrase ("무릎이 시큰" → ["무릎"])."""
    return [t.form for t in _analyser().tokenize(term) if t.tag in _NOUN_TAGS]


def _word_pattern(word: str) -> re.Pattern[str]:
    """A whole-word pattern; a one-syllable Korean noun ("귀", "눈") must stand alone or take a particle."""
    if word.isascii():
        return re.compile(rf"\b{re.escape(word)}\b")
    if len(word) == 1:
        return re.compile(rf"(?:^|\s){re.escape(word)}(?:{_PARTICLES})?(?=\s|$|[.,!?])")
    return re.compile(re.escape(word))


@dataclass(frozen=True)
class Department:
    """A department with bilingual names, description and symptom words."""

    code: str
    name: dict[str, str]
    description: dict[str, str]
    symptoms: dict[str, tuple[str, ...]]
    source: str

    def label(self, lang: Language) -> str:
        """Display name in a language."""
        return self.name.get(lang) or self.name["ko"]


@dataclass(frozen=True)
class Suggestion:
    """A department that fits the words of a message."""

    department: Department
    score: float
    matched: tuple[str, ...]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


class DepartmentGuide:
    """Looks departments up by name or alias and suggests them from symptom words."""

    def __init__(self, departments: list[Department]) -> None:
        self.departments = departments
        self.by_name = {d.name["ko"]: d for d in departments}
        self._names: list[tuple[str, Department]] = []
        for department in departments:
            names = [department.name["ko"], department.name["en"], *ALIASES.get(department.name["ko"], ())]
            self._names += [(_compact(n), department) for n in names]
        self._names.sort(key=lambda item: -len(item[0]))
        self._terms: list[tuple[str, str, Department]] = []
        self._words: list[tuple[re.Pattern[str], str, str, Department]] = []
        for department in departments:
            for lang in ("ko", "en"):
                for term in department.symptoms.get(lang, ()):
                    key = _compact(term)
                    if len(key) >= (2 if lang == "ko" else 3):
                        self._terms.append((key, term, department))
                    words = (
                        _nouns(term) if lang == "ko" else [w for w in normalize(term).split() if len(w) >= 4]
                    )
                    words = [w for w in words if w not in _GENERIC_WORDS]
                    if words and words != [key]:
                        self._words += [(_word_pattern(w), w, term, department) for w in words]

    def named_in(self, text: str) -> list[Department]:
        """Departments a message names outright ("근처 소아과", "dermatologist near me")."""
        compact = _compact(text)
        words = set(re.findall(r"[a-z/]+", normalize(text)))
        found: list[Department] = []
        for key, department in self._names:
            hit = key in words if key.isascii() else key in compact
            if hit and department not in found:
                found.append(department)
                compact = compact.replace(key, " ")
        return found

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """Departments whose symptom words appear in the message, best first."""
        compact = _compact(text)
        scores: dict[str, float] = {}
        matched: dict[str, list[str]] = {}
        for key, term, department in self._terms:
            if key in compact:
                code = department.code
                scores[code] = scores.get(code, 0.0) + len(key)
                matched.setdefault(code, []).append(term)
        spaced = normalize(text)
        for pattern, word, term, department in self._words:
            code = department.code
            if term not in matched.get(code, ()) and pattern.search(spaced):
                scores[code] = scores.get(code, 0.0) + len(word) / 2
                matched.setdefault(code, []).append(term)
        ranked = sorted(scores, key=lambda code: -scores[code])[:limit]
        by_code = {d.code: d for d in self.departments}
        return [Suggestion(by_code[code], scores[code], tuple(matched[code])) for code in ranked]


@cache
def bundled_guide() -> DepartmentGuide:
    """The guide built from medichain/data/departments.json."""
    raw = json.loads(
        resources.files("medichain.data").joinpath("departments.json").read_text(encoding="utf-8")
    )
    return DepartmentGuide(
        [
            Department(
                code=item["code"],
                name=item["name"],
                description=item["description"],
                symptoms={lang: tuple(words) for lang, words in item["symptoms"].items()},
                source=item.get("source", ""),
            )
            for item in raw
        ]
    )
