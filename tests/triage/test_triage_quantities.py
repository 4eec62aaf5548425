"""Numbers in messages: temperature, age and weeks of pregnancy."""

import pytest

from medichain.triage.quantities import parse_age_months, parse_pregnancy_weeks, parse_temperature


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("열이 38.5도예요", 38.5),
        ("체온 39도 넘어요", 39.0),
        ("fever of 102F", 38.9),
        ("temp 38.2", 38.2),
        ("오늘 날씨 30도", None),
    ],
)
def test_temperature(text: str, celsius: float | None) -> None:
    assert parse_temperature(text)[0] == celsius


def test_temperature_lower_bound() -> None:
    assert parse_temperature("열이 39도 넘어요") == (39.0, True)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("생후 2개월", 2.0),
        ("18개월 아기", 18.0),
        ("3살 아이", 36.0),
        ("세 살", 36.0),
        ("2 month old", 2.0),
        ("72세", 864.0),
    ],
)
def test_age(text: str, months: float) -> None:
    assert parse_age_months(text) == pytest.approx(months)


def test_age_in_weeks_and_none() -> None:
    assert parse_age_months("3 week old baby") == pytest.approx(0.69, abs=0.01)
    assert parse_age_months("3일째 열이 나요") is None


def test_pregnancy_weeks() -> None:
    assert parse_pregnancy_weeks("임신 30주예요", pregnant=True) == 30
    assert parse_pregnancy_weeks("28 weeks pregnant", pregnant=False) == 28
    assert parse_pregnancy_weeks("기침이 2주째예요", pregnant=False) is None
