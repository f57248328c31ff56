"""Figures as people read them in tables and on pages: one way, in both languages.

- a rate is a percentage with one decimal: 87.9%;
- an amount of yuan keeps its fen only when it has some: 1,494.88, 63,125,793;
- hours keep one decimal when they have one; counts are whole;
- digits are grouped by thousands everywhere (5,111 and 3,704 alike); "—" when there is none.

Narrative text of the annual summary follows its tokens' formats (``reports.tokens``).
"""

from __future__ import annotations

from decimal import Decimal

from qingshan.core.figures import Unit


def figure_text(value: int | float | Decimal | None, unit: str) -> str:
    if value is None:
        return "—"
    number = float(value)
    if unit == Unit.RATE:
        return f"{number * 100:.1f}%"
    if unit in (Unit.YUAN, Unit.HOURS, Unit.MU) and number != round(number):
        return f"{number:,.2f}" if unit == Unit.YUAN else f"{number:,.1f}"
    return f"{round(number):,d}"


def part_text(value: int | float | Decimal | None) -> str:
    """A breakdown entry's number: grouped, with two decimals only when it has some."""
    if value is None:
        return "—"
    number = float(value)
    return f"{round(number):,d}" if number == round(number) else f"{number:,.2f}"
