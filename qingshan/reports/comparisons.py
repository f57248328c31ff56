"""A figure compared with its own history, in words: the change against the previous year and the
series of the last five years, as a summary's narrative writes them.

- ``{{ key|change }}``: 比上年增加12人，增长7.5% / up 12, or 7.5%, on the previous year; a rate
  changes by percentage points; 与上年持平 when equal; no share when the previous year was 0;
- ``{{ key|previous }}``: the previous year's value;
- ``{{ key|series }}``: 2009—2013年依次为120、135、150、160、171 / 120, 135, 150, 160 and 171 from 2009
  to 2013.

Invariant: nothing is compared with a value that does not exist. A previous year without a value
says so (上年无可比数据 / no figure for the previous year to compare with), one whose value was 0 says
that (上年为0 / none the previous year) rather than a growth share; a series starts at its first year
with something recorded (the years before it have no value or 0) and says when only one year has.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _

from qingshan.core.figures import Figure, Unit
from qingshan.reports.tokens import Token, format_value, is_chinese

Number = int | float | Decimal | None


def _measure(figure: Figure) -> str:
    """What follows a difference in Chinese (人, 次, 元 …); nothing for a bare count."""
    if figure.measure:
        return str(figure.measure)
    return "" if figure.unit == Unit.COUNT else str(figure.unit_label)


def _plain(number: float, figure: Figure, language: str) -> str:
    return format_value(number, figure.unit, Token("", figure.key), language)


def change_text(value: Number, previous: Number, figure: Figure, language: str) -> str:
    """The change of ``value`` against ``previous`` (the year before) in words."""
    if value is None or previous is None:
        return _("no figure for the previous year to compare with")
    now, before = float(value), float(previous)
    if now == before:
        return _("the same as the previous year")
    up = now > before
    if figure.unit == Unit.RATE:
        points = f"{abs(now - before) * 100:.1f}"
        if up:
            return _("up %(points)s percentage points on the previous year") % {"points": points}
        return _("down %(points)s percentage points on the previous year") % {"points": points}
    difference = _plain(abs(now - before), figure, language)
    if is_chinese(language):
        difference += _measure(figure)
    if not before:
        return _("none the previous year")
    values = {"difference": difference, "share": f"{abs(now - before) / before * 100:.1f}%"}
    if up:
        return _("up %(difference)s, or %(share)s, on the previous year") % values
    return _("down %(difference)s, or %(share)s, on the previous year") % values


def series_text(
    years: Sequence[int], values: Sequence[Number], figure: Figure, language: str
) -> str:
    """The values of ``years`` in words, from the first year with something recorded."""
    pairs = list(zip(years, values, strict=True))
    while pairs and not pairs[0][1]:
        pairs.pop(0)
    if not pairs:
        return _("no figure in these %(count)d years") % {"count": len(years)}
    texts = [
        format_value(value, figure.unit, Token("", figure.key), language) for _y, value in pairs
    ]
    if len(pairs) == 1:
        return _("only %(year)d has a figure (%(value)s)") % {
            "year": pairs[0][0],
            "value": texts[0],
        }
    if is_chinese(language):
        joined = "、".join(texts)
    else:
        joined = _("%(first)s and %(last)s") % {"first": ", ".join(texts[:-1]), "last": texts[-1]}
    return _("%(values)s from %(first)d to %(last)d") % {
        "first": pairs[0][0],
        "last": pairs[-1][0],
        "values": joined,
    }
