"""Figures read the same way in every table: percentages, grouped digits, fen only when present."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from qingshan.core.figures import Unit, registry
from qingshan.core.numbers import figure_text, part_text


def test_a_rate_is_a_percentage_with_one_decimal() -> None:
    assert figure_text(0.8791, Unit.RATE) == "87.9%"
    assert figure_text(1, Unit.RATE) == "100.0%"


def test_counts_are_whole_and_grouped_by_thousands() -> None:
    assert figure_text(5111, Unit.COUNT) == "5,111"
    assert figure_text(3704.0, Unit.COUNT) == "3,704"


def test_yuan_keep_their_fen_only_when_they_have_some() -> None:
    assert figure_text(Decimal("1494.88"), Unit.YUAN) == "1,494.88"
    assert figure_text(Decimal("63125793.00"), Unit.YUAN) == "63,125,793"


def test_hours_keep_one_decimal_when_they_have_one() -> None:
    assert figure_text(12.5, Unit.HOURS) == "12.5"
    assert figure_text(12.0, Unit.HOURS) == "12"


def test_no_value_is_a_dash() -> None:
    assert figure_text(None, Unit.RATE) == "—" and part_text(None) == "—"


def test_a_breakdown_entry_shows_decimals_only_when_it_has_some() -> None:
    assert part_text(12) == "12" and part_text(1234.5) == "1,234.50"


@given(st.integers(min_value=0, max_value=10**12))
def test_a_whole_count_reads_back_as_itself(number: int) -> None:
    assert int(figure_text(number, Unit.COUNT).replace(",", "")) == number


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_a_rate_never_shows_a_raw_fraction(number: float) -> None:
    text = figure_text(number, Unit.RATE)
    assert text.endswith("%") and abs(float(text[:-1]) - number * 100) <= 0.05 + 1e-9


def test_every_count_says_what_it_counts() -> None:
    counts = [f.key for f in registry if f.unit == Unit.COUNT and not f.measure]
    assert counts == []
