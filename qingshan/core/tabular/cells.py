"""Conversions between cell values and text, both directions.

Invariants: a value read from a file becomes a stripped ``str`` (dates ISO ``YYYY-MM-DD``,
whole numbers without ``.0``); a text written to a file never starts with a character that
makes a spreadsheet evaluate it (``= + - @``, tab, carriage return) unless prefixed by ``'``.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from qingshan.core.tabular.spec import is_chinese

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

Number = int | float | Decimal
ExportValue = str | Number | dt.date | dt.datetime | dt.time | None


def escape_formula(text: str) -> str:
    """Prefix ``'`` to a text a spreadsheet would otherwise run as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unescape_formula(text: str) -> str:
    """Undo ``escape_formula`` so that exported files import back unchanged."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


def format_number(value: Number) -> str:
    """A number as a person would type it: no exponent, no ``.0``, at most 15 significant
    digits for floats (what Excel shows)."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        value = Decimal(format(value, ".15g"))
    if not value.is_finite():
        return str(value)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def cell_text(value: Any) -> str:
    """The text of a cell read from a file (see the module invariants)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape_formula(value.strip()).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def bool_text(value: bool, language: str) -> str:
    """``是``/``否`` or ``Yes``/``No``, both of which ``parse_bool`` reads back."""
    if is_chinese(language):
        return "是" if value else "否"
    return "Yes" if value else "No"


def export_value(value: Any, language: str) -> ExportValue:
    """A value ready for an xlsx cell: numbers and dates keep their type, texts are escaped
    and stripped of characters XML cannot hold; aware datetimes become local naive ones."""
    if value is None:
        return None
    if isinstance(value, bool):
        return bool_text(value, language)
    if isinstance(value, int | Decimal) or (isinstance(value, float) and math.isfinite(value)):
        return value
    if isinstance(value, dt.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, dt.date | dt.time):
        return value
    return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def export_text(value: Any, language: str) -> str:
    """A value ready for a CSV field: the text ``export_value`` would show, escaped."""
    value = export_value(value, language)
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
