"""Monthly party dues under the 2008 rules (关于中国共产党党费收缴、使用和管理的规定).

Employed members pay a share of their monthly after-tax wage by band; retired members of their
pension; students and members without income 0.20 yuan a month.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from qingshan.party.enums import IncomeKind

# (upper bound of the band inclusive, rate); the last band has no upper bound.
EMPLOYED_BANDS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("3000"), Decimal("0.005")),
    (Decimal("5000"), Decimal("0.01")),
    (Decimal("10000"), Decimal("0.015")),
    (None, Decimal("0.02")),
)
RETIRED_BANDS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("5000"), Decimal("0.005")),
    (None, Decimal("0.01")),
)
STUDENT_MONTHLY = Decimal("0.20")
CENT = Decimal("0.01")


def monthly_dues(kind: str, monthly_income: Decimal) -> Decimal:
    """The monthly dues in yuan, rounded to the fen. The whole income is charged at its band's rate."""
    if kind == IncomeKind.STUDENT:
        return STUDENT_MONTHLY
    if monthly_income < 0:
        raise ValueError("income cannot be negative")
    bands = RETIRED_BANDS if kind == IncomeKind.RETIRED else EMPLOYED_BANDS
    rate = next(rate for upper, rate in bands if upper is None or monthly_income <= upper)
    return (monthly_income * rate).quantize(CENT, rounding=ROUND_HALF_UP)
