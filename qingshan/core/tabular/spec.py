"""What a spreadsheet of one kind holds: its columns, their bilingual headers and parsers.

Invariants: a sheet's column keys are unique, and no two columns share a header form once
headers are normalised, so every header cell of an uploaded file names at most one column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

_WHITESPACE = re.compile(r"\s+")
# Separators people put between the two languages of a header, or around a hint:
# "姓名 / Name", "姓名|Name", "姓名\nName", "出生日期（YYYY-MM-DD）".
_HEADER_PARTS = re.compile(r"[/|()\n]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def normalize_header(text: object) -> str:
    """The comparison form of a header: NFKC (full-width to half-width), casefolded, without
    whitespace or the ``*`` people use to mark required columns."""
    return _WHITESPACE.sub("", _nfkc(text).casefold()).replace("*", "")


def _nfkc(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text))


def is_chinese(language: str | None) -> bool:
    """Whether a language code (``zh-hans``, ``en`` …) asks for the Chinese texts."""
    return bool(language) and str(language).lower().startswith("zh")


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return _SHEET_TITLE_FORBIDDEN.sub(" ", text).strip()[:31] or "Sheet1"


@dataclass(frozen=True)
class Column:
    """One column: its key in row dicts, its Chinese and English headers, and how to parse it.

    ``parse`` receives the non-empty cell text and returns the Python value or raises
    ``ValidationError``; ``None`` keeps the text as it is.
    """

    key: str
    header_zh: str
    header_en: str
    parse: Callable[[str], Any] | None = None
    required: bool = False
    example: str = ""
    help_text: str | Promise = ""

    def header(self, language: str | None) -> str:
        """The header in one language (Chinese for ``zh*``, English otherwise)."""
        return str(self.header_zh if is_chinese(language) else self.header_en)

    def bilingual_header(self, language: str | None) -> str:
        """Both headers, the chosen language first: ``姓名 / Name``."""
        other = self.header_en if is_chinese(language) else self.header_zh
        return f"{self.header(language)} / {other}"

    def header_forms(self) -> frozenset[str]:
        """Normalised header texts that name this column, whole-cell."""
        zh, en = normalize_header(self.header_zh), normalize_header(self.header_en)
        return frozenset({zh, en, f"{zh}/{en}", f"{en}/{zh}"})


@dataclass(frozen=True)
class SheetSpec:
    """A kind of spreadsheet: a key, a title in both languages and its ordered columns."""

    key: str
    title_zh: str
    title_en: str
    columns: Sequence[Column]
    _lookup: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        columns = tuple(self.columns)
        object.__setattr__(self, "columns", columns)
        keys = [column.key for column in columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"sheet {self.key!r}: column keys repeat: {keys}")
        lookup: dict[str, Column] = {}
        for column in columns:
            for form in column.header_forms():
                if lookup.setdefault(form, column) is not column:
                    raise ValueError(f"sheet {self.key!r}: header {form!r} names two columns")
        object.__setattr__(self, "_lookup", lookup)

    def title(self, language: str | None) -> str:
        return str(self.title_zh if is_chinese(language) else self.title_en)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.required)

    def match_header(self, text: str) -> Column | None:
        """The column a header cell names, or ``None`` for an unknown (ignored) header.

        The whole cell is tried first; otherwise its parts split at ``/ | ( )`` or line breaks
        must name one column and no other ("出生日期（YYYY-MM-DD）" names the birth date).
        """
        whole = normalize_header(text)
        if not whole:
            return None
        if whole in self._lookup:
            return self._lookup[whole]
        named = {
            self._lookup[part].key: self._lookup[part]
            for part in map(normalize_header, _HEADER_PARTS.split(_nfkc(text)))
            if part in self._lookup
        }
        return next(iter(named.values())) if len(named) == 1 else None
