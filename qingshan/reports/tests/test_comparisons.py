"""A figure against its own history, in words: the change on the previous year, the series."""

from __future__ import annotations

import pytest
from django.utils import translation

from qingshan.core.figures import registry
from qingshan.reports.comparisons import change_text, series_text

STUDENTS = "organization.students"  # a count of people: 人
RATE = "careers.employment_rate"
INCOME = "trainings.mean_income"  # yuan


def change(key: str, value: float | None, previous: float | None, language: str) -> str:
    with translation.override(language):
        return change_text(value, previous, registry.get(key), language)


@pytest.mark.parametrize(
    ("key", "value", "previous", "language", "expected"),
    [
        (STUDENTS, 1902, 1885, "zh-hans", "比上年增加17人，增长0.9%"),
        (STUDENTS, 1885, 1902, "zh-hans", "比上年减少17人，下降0.9%"),
        (STUDENTS, 1902, 1885, "en", "up 17, or 0.9%, on the previous year"),
        (STUDENTS, 1885, 1902, "en", "down 17, or 0.9%, on the previous year"),
        (STUDENTS, 1902, 1902, "zh-hans", "与上年持平"),
        (STUDENTS, 1902, 1902, "en", "the same as the previous year"),
        (STUDENTS, 1902, None, "zh-hans", "上年无可比数据"),
        (STUDENTS, None, 1902, "en", "no figure for the previous year to compare with"),
        (STUDENTS, 12, 0, "zh-hans", "上年为0"),
        (STUDENTS, 12, 0, "en", "none the previous year"),
        (RATE, 0.987, 0.984, "zh-hans", "比上年提高0.3个百分点"),
        (RATE, 0.95, 0.984, "en", "down 3.4 percentage points on the previous year"),
        (INCOME, 1600, 1500, "zh-hans", "比上年增加100元，增长6.7%"),
    ],
)
def test_the_change_on_the_previous_year(
    key: str, value: float | None, previous: float | None, language: str, expected: str
) -> None:
    assert change(key, value, previous, language) == expected


def series(values: list[float | None], language: str, key: str = STUDENTS) -> str:
    with translation.override(language):
        return series_text(list(range(2009, 2014)), values, registry.get(key), language)


def test_a_series_names_each_year_in_order() -> None:
    values: list[float | None] = [1925, 1896, 1899, 1885, 1902]

    assert series(values, "zh-hans") == "2009—2013年依次为1925、1896、1899、1885、1902"
    assert series(values, "en") == "1,925, 1,896, 1,899, 1,885 and 1,902 from 2009 to 2013"


def test_a_series_starts_at_the_first_year_with_something_recorded() -> None:
    assert series([None, 0, 38, 44, 53], "zh-hans") == "2011—2013年依次为38、44、53"
    assert series([None, None, None, None, 0.984], "zh-hans", RATE) == "仅有2013年的数据（98%）"
    assert series([None] * 5, "en") == "no figure in these 5 years"
