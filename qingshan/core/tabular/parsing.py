"""Parsers for the cell texts of an import, and row checks shared by every importer.

Invariants: a parser takes the stripped, non-empty text of one cell and returns a Python value
or raises ``ValidationError`` whose translated message quotes the text. Parsers accept
full-width characters (NFKC), as typed with a Chinese input method.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec, normalize_header
from qingshan.core.validators import clean_resident_id

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MIDNIGHT = re.compile(r"(?:\s+|T)0?0:00(?::00(?:\.0+)?)?$")
_EXCEL_SERIAL = re.compile(r"\d{5}")  # 10000 (1927-05-18) … 99999 (2173-10-14)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_INTEGER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.0*)?")
_DECIMAL = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?")
_TRUE = frozenset({"是", "yes", "y", "1", "true", "t", "对", "√"})
_FALSE = frozenset({"否", "no", "n", "0", "false", "f", "错", "×"})
CHOICE_LANGUAGES = ("en", "zh-hans")


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(value: str) -> dt.date:
    """``2013-09-01``, ``2013/9/1``, ``2013.9.1``, ``2013年9月1日``, ``20130901``, the same
    followed by a midnight time, or a 5-digit Excel serial day number."""
    text = _MIDNIGHT.sub("", _text(value))
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    try:
        if match:
            return dt.date(*(int(part) for part in match.groups()))
        if _EXCEL_SERIAL.fullmatch(text):
            return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    except ValueError:
        pass
    raise ValidationError(
        _("“%(value)s” is not a valid date; write it like 2013-09-01."),
        code="invalid_date",
        params={"value": value},
    )


def parse_int(value: str, *, min_value: int | None = None, max_value: int | None = None) -> int:
    """A whole number; ``1,234`` and ``12.0`` are accepted, ``12.5`` is not."""
    text = re.sub(r"\s+", "", _text(value))
    try:
        if not _INTEGER.fullmatch(text):
            raise ValueError(text)
        number = int(text.partition(".")[0].replace(",", ""))
    except ValueError:  # also for more digits than Python converts
        raise ValidationError(
            _("“%(value)s” is not a whole number."), code="invalid_int", params={"value": value}
        ) from None
    _check_range(number, value, min_value, max_value)
    return number


def parse_decimal(
    value: str,
    *,
    decimal_places: int | None = None,
    min_value: Decimal | int | None = None,
    max_value: Decimal | int | None = None,
) -> Decimal:
    """A decimal number (``1,234.5`` accepted), with at most ``decimal_places`` places."""
    text = re.sub(r"\s+", "", _text(value))
    try:
        if not (_DECIMAL.fullmatch(text) and any(char.isdigit() for char in text)):
            raise InvalidOperation
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not a number."), code="invalid_decimal", params={"value": value}
        ) from None
    fraction = text.partition(".")[2].rstrip("0")
    if decimal_places is not None and len(fraction) > decimal_places:
        raise ValidationError(
            _("“%(value)s” has more than %(places)s decimal places."),
            code="decimal_places",
            params={"value": value, "places": decimal_places},
        )
    _check_range(number, value, min_value, max_value)
    return number


def parse_bool(value: str) -> bool:
    """是/否, yes/no, y/n, 1/0, true/false (any case)."""
    text = _text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(
        _("“%(value)s” is neither yes (是) nor no (否)."),
        code="invalid_bool",
        params={"value": value},
    )


def parse_resident_id(value: str) -> str:
    """The canonical form of a valid resident ID number (uppercase ``X``)."""
    return clean_resident_id(value)


class ChoiceParser:
    """Parses a choice given by its code, its English label or its Chinese label.

    ``choices`` is a Django ``Choices`` class or ``(code, label)`` pairs (groups flattened).
    The lookup table is built on first use, when translations are available.
    """

    def __init__(self, choices: Any) -> None:
        self._choices = choices
        self._lookup: dict[str, Any] | None = None

    def __call__(self, value: str) -> Any:
        lookup = self._lookup if self._lookup is not None else self._build()
        try:
            return lookup[normalize_header(value)]
        except KeyError:
            allowed = "、".join(str(label) for _code, label in self._pairs())
            raise ValidationError(
                _("“%(value)s” is not one of the allowed values: %(allowed)s."),
                code="invalid_choice",
                params={"value": value, "allowed": allowed},
            ) from None

    def _pairs(self) -> list[tuple[Any, Any]]:
        choices = getattr(self._choices, "choices", self._choices)
        pairs: list[tuple[Any, Any]] = []
        for code, label in choices:
            if isinstance(label, list | tuple):
                pairs.extend(label)
            else:
                pairs.append((code, label))
        return pairs

    def _build(self) -> dict[str, Any]:
        lookup: dict[str, Any] = {}
        for code, label in self._pairs():
            lookup[normalize_header(code)] = code
            for language in CHOICE_LANGUAGES:
                with translation.override(language):
                    lookup.setdefault(normalize_header(label), code)
        self._lookup = lookup
        return lookup


def parse_choice(value: str, choices: Any) -> Any:
    """The code of the choice named by ``value`` (see ``ChoiceParser``)."""
    return ChoiceParser(choices)(value)


def find_duplicates(rows: Iterable[RawRow], key: str | Column) -> list[RowError]:
    """One error per repetition of a non-empty value in column ``key`` (compared without
    case, spaces or full-width differences), naming the row it repeats."""
    column = key.header(translation.get_language()) if isinstance(key, Column) else key
    key = key.key if isinstance(key, Column) else key
    first_rows: dict[str, int] = {}
    errors = []
    for row in rows:
        value = row.values.get(key, "")
        if not value:
            continue
        first = first_rows.setdefault(normalize_header(value), row.number)
        if first != row.number:
            message = gettext("“%(value)s” in row %(row)s repeats row %(first)s.") % {
                "value": value,
                "row": row.number,
                "first": first,
            }
            errors.append(RowError(row.number, column, ErrorCategory.DUPLICATE, message))
    return errors


def clean_row(row: RawRow, sheet: SheetSpec) -> tuple[dict[str, Any], list[RowError]]:
    """Each column's value parsed by its ``parse`` (``None`` when blank) and the problems:
    a blank required cell is ``missing``, a parser's ``ValidationError`` is ``invalid``."""
    language = translation.get_language()
    cleaned: dict[str, Any] = {}
    errors: list[RowError] = []
    for column in sheet.columns:
        text = row.values.get(column.key, "")
        cleaned[column.key] = None
        if not text:
            if column.required:
                message = gettext("“%(column)s” must be filled in.") % {
                    "column": column.header(language)
                }
                errors.append(_row_error(row, column, ErrorCategory.MISSING, message))
            continue
        try:
            cleaned[column.key] = column.parse(text) if column.parse else text
        except ValidationError as invalid:
            message = " ".join(invalid.messages)
            errors.append(_row_error(row, column, ErrorCategory.INVALID, message))
    return cleaned, errors


def _row_error(row: RawRow, column: Column, category: ErrorCategory, message: str) -> RowError:
    return RowError(row.number, column.header(translation.get_language()), category, message)


def _check_range(number: Any, value: str, min_value: Any, max_value: Any) -> None:
    if min_value is not None and number < min_value:
        raise ValidationError(
            _("“%(value)s” is less than %(limit)s."),
            code="min_value",
            params={"value": value, "limit": min_value},
        )
    if max_value is not None and number > max_value:
        raise ValidationError(
            _("“%(value)s” is more than %(limit)s."),
            code="max_value",
            params={"value": value, "limit": max_value},
        )
