"""How a finding is framed: denied ("no chest pain"), hypothetical ("if someone chokes") or asked about.

Korean negation follows the finding ("가슴 통증은 없고", "숨이 차지는 않아요") or is a bare 안 just before
a verb ("안 어지러워요"); "안" inside a finding ("숨이 안 쉬어져요") is part of the finding's pattern and
never reaches these checks.  English negation precedes the finding within its clause.
"""

from __future__ import annotations

import bisect
import re

from medichain.triage.hangul import loosen

_KO_NEG_AFTER = re.compile(
    loosen(
        r"(?:생각|증상|느낌|기운|통증|문제|적|건|거|것|경우|일|기|는건|은건)?[은는이가도을를]?"
        r"(?:하|히)?(?:지|진|질|지는|지도|지가|지를|지만은)?(?:는|은|도)?"
        r"(?:않|안(?!되|돼|정|쪽|심|전|에|내|고|아요|아줘|경)|없|아니|아닌|아냐|괜찮|별로|전혀)"
    )
)
_KO_NEG_BEFORE_BLOCKERS = frozenset("불편미치")
_KO_CONDITIONAL_AFTER = re.compile(loosen(r"[가-힣]{0,3}?(?:면(?!서)|때|경우|다면|으면)"))
_KO_TOPIC_AFTER = re.compile(
    loosen(
        r"[은는이가]?왜|[을를이가의에]?(?:예방|증상|전조|원인|이란|란무엇|란뭐|에대해|에관해|관련|통계|"
        r"률|율|상담|종류|징후|초기|의심|대처|응급처치|"
        r"시응급|시대처|위험|검사|치료)"
    )
)
_KO_INFO = re.compile(
    loosen(
        r"뭐(?:예요|에요|야|죠|지요|니|냐|임|인가|가있|있나)|뭔가요|뭔지|무엇|무슨(?:병|뜻|증상|차이)|"
        r"어떤(?:것|게|거|증상|경우|원인|방법)|"
        r"(?:증상|징후|전조증상|신호|원인|차이|예방|예방법|방법|치료법|대처법|응급처치|위험인자|합병증|"
        r"특징|종류)"
        r"(?:은|는|이|가|을|를|에는|엔|점|으로)?(?:뭐|무엇|어떻|있나|있어|알려|궁금|되나|인가|좀|설명)|"
        r"예방(?:하려면|하는|할|법|방법|하기)|알려(?:주세요|줘|주실|주시|줄래)|(?:어떻게|어찌)(?:해야|"
        r"하나|하면|하죠|대처|하는|할|예방|알수)|"
        r"(?:하는|할|쓰는|대처하는)(?:방법|법)|란(?:무엇|뭐|뭔)|이란|궁금(?:해|합니|한데)|설명해|"
        r"차이(?:가|점)|"
        r"어떻게되|얼마나|몇(?:일|시간|알|번|살|도)|언제(?:까지|부터)?(?:가야|먹|병원|해야)"
    )
)

_EN_NEG_CUE = re.compile(
    r"\b(?:no|not|never|without|denies|denied|deny|denying|negative for|free of|nor|none|no longer|"
    r"isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|dont|doesnt|"
    r"didnt|isnt|"
    r"arent|wasnt|havent|hasnt)\b"
)
_EN_CLAUSE_BREAK = re.compile(
    r"[,.;:!?]|\b(?:but|just|only|however|though|although|except|yet|still|now|then|because|so)\b"
)
_EN_CONDITIONAL = re.compile(r"\b(?:if|in case|suppose|supposing|whenever|what happens when)\b")
_EN_SENTENCE_END = re.compile(r"[!?;\n]+|\.(?!\d)")
_EN_INFO = re.compile(
    r"^\s*(?:what|how|why|which|who|where|is it|are there|can you|could you|should i|do i need|does|"
    r"tell me)\b|"
    r"\b(?:symptoms? of|signs? of|warning signs?|early signs?|causes? of|risk factors?|prevent\w*|"
    r"difference between|"
    r"tell me about|explain|what to do|how to|how (?:do|can|should|would) (?:i|you|we|one)|what (?:is|"
    r"are|causes|happens)|"
    r"in case of|first aid for|treatment for|information (?:about|on)|learn about|what should (?:i|you|"
    r"we) do)\b"
)
_EN_ACTUAL = re.compile(
    r"\b(?:i'?m|i am|i have|i've|ive|i feel|i think|i just|my|our|me|he'?s|she'?s|he is|she is|"
    r"they'?re|they are|"
    r"his|her|right now|currently|just now|is having|am having|are having|happening)\b"
)
_EN_HISTORY = re.compile(
    r"\b(?:last (?:year|month|week|summer|winter)|years? ago|months? ago|in the past|used to|previously|"
    r"as a (?:child|kid)|when i was (?:young|little|a kid))\b"
)
_KO_FIGURATIVE_AFTER = re.compile(loosen(r"[가-힣]{0,2}?(?:줄알았|뻔했|뻔한|뻔했|것같았는데)"))
_KO_HISTORY_AFTER = re.compile(loosen(r"(?:던|었던|았던|했던|은|는)?적(?:이|은|도|이가)?(?:있|없|잇)"))
_KO_HISTORY_BEFORE = re.compile(loosen(r"작년|예전|과거|년전|달전|옛날|어릴때|어렸을때"))
_EN_WINDOW_WORDS = 5


def korean_negated(view: str, start: int, end: int) -> bool:
    """True when a Korean finding at view[start:end] is denied."""
    if _KO_NEG_AFTER.match(view, end, min(len(view), end + 12)):
        return True
    return (
        start >= 1
        and view[start - 1] == "안"
        and (start < 2 or view[start - 2] not in _KO_NEG_BEFORE_BLOCKERS)
    )


def korean_hypothetical(view: str, start: int, end: int) -> bool:
    """True when a Korean finding is a condition ("숨이 차면"), a topic ("자살 예방") or in the past."""
    stop = min(len(view), end + 6)
    return bool(
        _KO_CONDITIONAL_AFTER.match(view, end, stop)
        or _KO_TOPIC_AFTER.match(view, end, stop)
        or _KO_HISTORY_AFTER.match(view, end, stop)
        or _KO_FIGURATIVE_AFTER.match(view, end, stop)
        or _KO_HISTORY_BEFORE.search(view, max(0, start - 5), start)
    )


def korean_info_question(view: str) -> bool:
    """True when the Korean text asks for information (what is, how to, symptoms of...)."""
    return bool(_KO_INFO.search(view))


class EnglishFrame:
    """Sentence and clause structure of an English view, for negation and hypothetical checks."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._sentence_ends: list[int] = [m.end() for m in _EN_SENTENCE_END.finditer(text)]
        self._breaks: list[int] = [m.end() for m in _EN_CLAUSE_BREAK.finditer(text)]
        starts = [0, *self._sentence_ends]
        self._sentences = [(s, e) for s, e in zip(starts, [*self._sentence_ends, len(text)], strict=True)]
        self._info = [bool(_EN_INFO.search(text, s, e)) for s, e in self._sentences]
        self._actual = [bool(_EN_ACTUAL.search(text, s, e)) for s, e in self._sentences]
        self._history = [bool(_EN_HISTORY.search(text, s, e)) for s, e in self._sentences]

    @property
    def asks_for_information(self) -> bool:
        """True when any sentence asks for information."""
        return any(self._info)

    def _clause_start(self, position: int) -> int:
        index = bisect.bisect_right(self._breaks, position) - 1
        return self._breaks[index] if index >= 0 else 0

    def negated(self, start: int) -> bool:
        """True when a negation cue precedes `start` in the same clause, within a few words."""
        clause = self._text[self._clause_start(start) : start]
        words = clause.split()[-_EN_WINDOW_WORDS:]
        return bool(words) and bool(_EN_NEG_CUE.search(" ".join(words)))

    def hypothetical(self, start: int) -> bool:
        """True when the finding is conditional, in the past, or in an information question about no one."""
        if _EN_CONDITIONAL.search(self._text, self._clause_start(start), start):
            return True
        index = bisect.bisect_right(self._sentence_ends, start)
        index = min(index, len(self._sentences) - 1)
        return self._history[index] or (self._info[index] and not self._actual[index])
