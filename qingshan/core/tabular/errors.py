"""Problems found in an uploaded spreadsheet, one per row and column where that is known.

Invariant: ``message`` is already translated into the language active when the error was
made, and names rows and columns in the terms the person sees in their spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class ErrorCategory(models.TextChoices):
    FILE = "file", _("File")
    HEADER = "header", _("Header")
    MISSING = "missing", _("Missing value")
    INVALID = "invalid", _("Invalid value")
    DUPLICATE = "duplicate", _("Duplicate")
    REFERENCE = "reference", _("Unknown reference")
    CONFLICT = "conflict", _("Conflict")


@dataclass(frozen=True)
class RowError:
    """``row`` is the spreadsheet row number (1-based, header included), ``None`` for the
    whole file; ``column`` is the column's header or letters, ``None`` for the whole row."""

    row: int | None
    column: str | None
    category: ErrorCategory
    message: str

    @property
    def category_label(self) -> str:
        return str(ErrorCategory(self.category).label)

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "category": str(self.category),
            "category_label": self.category_label,
            "message": self.message,
        }


def sorted_errors(errors: list[RowError]) -> list[RowError]:
    """File-level errors first, then by row; the order within a row is kept."""
    return sorted(errors, key=lambda error: -1 if error.row is None else error.row)
