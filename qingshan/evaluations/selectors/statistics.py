"""The arithmetic of results: the mean of a score distribution and its 95% confidence interval.

Pure functions over counts (no database). Invariants:
- means are exact fractions (``Fraction``), so a mean compared with the bar is never off by a
  rounding error; floats appear only in what is shown;
- the interval is the mean ± t(0.975, n − 1) · s / √n with the sample standard deviation ``s``
  (Student's t, which the normal approximation approaches for large n), clipped to the scale;
  fewer than two answers give no interval.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# Student's t, 97.5th percentile, for 1..30 degrees of freedom (two-sided 95%).
T_975 = (
    12.7062,
    4.3027,
    3.1824,
    2.7764,
    2.5706,
    2.4469,
    2.3646,
    2.3060,
    2.2622,
    2.2281,
    2.2010,
    2.1788,
    2.1604,
    2.1448,
    2.1314,
    2.1199,
    2.1098,
    2.1009,
    2.0930,
    2.0860,
    2.0796,
    2.0739,
    2.0687,
    2.0639,
    2.0595,
    2.0555,
    2.0518,
    2.0484,
    2.0452,
    2.0423,
)
Z_975 = 1.959963984540054


def t_quantile_975(df: int) -> float:
    """The 97.5th percentile of Student's t with ``df`` degrees of freedom.

    From the table up to 30; beyond, the Cornish–Fisher expansion around the normal quantile,
    which agrees with the exact value to better than 1e-5 there and tends to 1.96.
    """
    if df < 1:
        raise ValueError("t needs at least one degree of freedom")
    if df <= len(T_975):
        return T_975[df - 1]
    z = Z_975
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@dataclass(frozen=True)
class Summary:
    """How many answered, their exact mean (``None`` if nobody) and the 95% interval (``None``
    below two answers)."""

    n: int
    mean: Fraction | None
    interval: tuple[float, float] | None


def summarize(distribution: Mapping[int, int], *, low: int, high: int) -> Summary:
    """Summarise a distribution ``{score: count}`` of a scale running ``low``..``high``."""
    n = sum(distribution.values())
    if n == 0:
        return Summary(n=0, mean=None, interval=None)
    total = sum(value * count for value, count in distribution.items())
    mean = Fraction(total, n)
    if n < 2:
        return Summary(n=n, mean=mean, interval=None)
    squares = sum(value * value * count for value, count in distribution.items())
    variance = (squares - n * mean * mean) / (n - 1)
    half = t_quantile_975(n - 1) * math.sqrt(variance / n)
    centre = float(mean)
    return Summary(
        n=n, mean=mean, interval=(max(float(low), centre - half), min(float(high), centre + half))
    )


def mean_of(values: Iterable[Fraction]) -> Fraction | None:
    """The plain mean of exact values, ``None`` for none."""
    items = list(values)
    return sum(items, Fraction(0)) / len(items) if items else None


def at_least(part: int, whole: int, share: Decimal | Fraction | float) -> bool:
    """Whether ``part / whole`` reaches ``share``, exactly (a share of nothing always does)."""
    return whole == 0 or Fraction(part, whole) >= Fraction(share)


def enough_raters(
    *, raters: int, invited: int, min_raters: int, min_share: Decimal | Fraction | float
) -> bool:
    """The rule for showing a result: ``min_raters`` raters and ``min_share`` of the invited."""
    return raters >= min_raters and at_least(raters, invited, min_share)
