"""Numbers in a message: body temperature, age, weeks of pregnancy, blood sugar and blood pressure."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TEMP_UNIT = re.compile(
    r"(\d{2,3}(?:\.\d{1,2})?)\s*(?:도|℃|°\s*c\b|°\s*f\b|°|degrees?\s*(?:c|f|celsius|fahrenheit)?\b|c\b|"
    r"f\b|fahrenheit|celsius)"
    r"(\s*(?:넘|이상|over|above|plus|\+))?"
)
_TEMP_NEAR_WORD = re.compile(
    r"(?:열|체온|온도|fever|temp\w*|thermometer)\D{0,12}?(\d{2,3}(?:\.\d{1,2})?)(?!\d)(\s*(?:넘|이상|"
    r"over|above|plus|\+))?|"
    r"(\d{2,3}(?:\.\d{1,2})?)()\s*(?:degree\s*)?(?:fever|temp\w*|열)"
)
_TEMP_WORD_CONTEXT = re.compile(r"열|체온|fever|temp|thermometer|°|℃|뜨거|\bhot\b")
_BARE_DECIMAL = re.compile(r"(?<![\d.])((?:3[5-9]|4[0-2])\.\d)(?![\d.])")

_KO_NUMBER_WORDS = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_AGE_KO = re.compile(
    r"생후\s*(\d{1,3})\s*(개월|주|일)|"
    r"(\d{1,3})\s*(개월|주|일)\s*(?:된|짜리|차|째\s*(?:아기|애기)|\s*(?:아기|애기|아이|아가|신생아|"
    r"영아|딸|아들|남아|여아|baby))|"
    r"(\d{1,3})\s*개월\s*(?:인데|이에요|예요|이고|입니다)|"
    r"(\d{1,3})\s*(?:살|세)(?!\s*(?:때|부터|까지|전|이후))|"
    r"(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*살|"
    r"([1-9]0)\s*대\s*(?:할머니|할아버지|노인|어머니|아버지|엄마|아빠|남성|여성|남자|여자|환자|부모)"
)
_AGE_EN = re.compile(
    r"(\d{1,3})[\s-]*(day|week|wk|month|mo|year|yr)s?[\s-]*old|"
    r"(\d{1,3})\s*(?:yo|y/o|y\.o\.)\b|"
    r"\baged?\s*(\d{1,3})\b|"
    r"in (?:his|her|their) (\d)0s"
)
_WEEKS_KO = re.compile(
    r"임신\s*(\d{1,2})\s*주|(\d{1,2})\s*주\s*(?:차|째)?\s*(?:임산부|임신|산모|인데|예요|이에요|입니다|이고)"
)
_WEEKS_EN = re.compile(r"(\d{1,2})\s*(?:weeks?|wks?)\s*(?:pregnant|along|gestation|of pregnancy)?")
_GLUCOSE = re.compile(r"(?:혈당|blood sugar|glucose|\bbg\b|\bbs\b|sugar)\D{0,10}?(\d{2,3})(?!\d)")
_BLOOD_PRESSURE = re.compile(r"(?:혈압|blood pressure|\bbp\b)\D{0,10}?(\d{2,3})\s*(?:/\s*\d{2,3})?")


@dataclass(frozen=True, slots=True)
class Quantities:
    """Numbers found in a message (None when absent)."""

    temperature_c: float | None
    temperature_at_least: bool
    age_months: float | None
    pregnancy_weeks: int | None
    glucose: int | None
    systolic: int | None


def _to_celsius(value: float) -> float | None:
    if 34.0 <= value <= 43.5:
        return value
    if 93.0 <= value <= 110.0:
        return round((value - 32.0) * 5.0 / 9.0, 1)
    return None


def parse_temperature(text: str) -> tuple[float | None, bool]:
    """Highest plausible body temperature in °C, and whether it was stated as a lower bound ("39도 넘")."""
    has_context = bool(_TEMP_WORD_CONTEXT.search(text))
    best: tuple[float, bool] | None = None
    candidates = [(m.group(1), bool(m.group(2)), True) for m in _TEMP_UNIT.finditer(text)]
    candidates += [
        (m.group(1) or m.group(3), bool(m.group(2)), False) for m in _TEMP_NEAR_WORD.finditer(text)
    ]
    candidates += [(m.group(1), False, True) for m in _BARE_DECIMAL.finditer(text)]
    for raw, at_least, has_unit in candidates:
        value = float(raw)
        if has_unit and not has_context and "." not in raw:
            continue
        celsius = _to_celsius(value)
        if celsius is not None and (best is None or celsius > best[0]):
            best = (celsius, at_least)
    return (best[0], best[1]) if best else (None, False)


def _months(amount: float, unit: str) -> float:
    unit = unit[:1]
    if unit in ("일", "d"):
        return amount / 30.4
    if unit in ("주", "w"):
        return amount / 4.35
    if unit in ("개", "m"):
        return amount
    return amount * 12.0


def parse_age_months(text: str) -> float | None:
    """The first age stated in the text, in months."""
    match = _AGE_KO.search(text)
    if match:
        groups = match.groups()
        if groups[0]:
            return _months(float(groups[0]), groups[1])
        if groups[2]:
            return _months(float(groups[2]), groups[3])
        if groups[4]:
            return float(groups[4])
        if groups[5]:
            return float(groups[5]) * 12.0
        if groups[6]:
            return _KO_NUMBER_WORDS[groups[6]] * 12.0
        if groups[7]:
            return float(groups[7]) * 12.0 + 60.0
    match = _AGE_EN.search(text)
    if match:
        groups = match.groups()
        if groups[0]:
            return _months(float(groups[0]), groups[1])
        if groups[2]:
            return float(groups[2]) * 12.0
        if groups[3]:
            return float(groups[3]) * 12.0
        if groups[4]:
            return float(groups[4]) * 120.0 + 60.0
    return None


def parse_pregnancy_weeks(text: str, pregnant: bool) -> int | None:
    """Weeks of pregnancy ("임신 30주", "28 weeks pregnant"); bare "N weeks" only counts when pregnant."""
    match = _WEEKS_KO.search(text)
    if match:
        weeks = int(match.group(1) or match.group(2))
        if match.group(1) or pregnant:
            return weeks if 4 <= weeks <= 42 else None
    for match in _WEEKS_EN.finditer(text):
        weeks = int(match.group(1))
        if (pregnant or "pregnant" in match.group(0)) and 4 <= weeks <= 42:
            return weeks
    return None


_NO_QUANTITIES = Quantities(None, False, None, None, None, None)
_NUMBER_HINT = re.compile(r"\d|살")


def parse_quantities(text: str, pregnant: bool) -> Quantities:
    """All the numbers the rules use."""
    if not _NUMBER_HINT.search(text):
        return _NO_QUANTITIES
    temperature, at_least = parse_temperature(text)
    glucose = _GLUCOSE.search(text)
    pressure = _BLOOD_PRESSURE.search(text)
    return Quantities(
        temperature_c=temperature,
        temperature_at_least=at_least,
        age_months=parse_age_months(text),
        pregnancy_weeks=parse_pregnancy_weeks(text, pregnant),
        glucose=int(glucose.group(1)) if glucose else None,
        systolic=int(pressure.group(1)) if pressure else None,
    )
