"""Lists as spreadsheets: a sheet of a model's fields headed in both languages, and its rows.

Cells hold what a person reads (choice labels, dates, names of related records); formula-like
text is escaped by the writers in ``core.tabular``. Masked fields keep only their ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import translation
from django.utils.functional import Promise

from qingshan.core.masking import mask_value
from qingshan.core.tabular.spec import Column, SheetSpec


def cell_value(record: models.Model, name: str) -> Any:
    """A field of a record as a spreadsheet cell: choice labels, files by name, "" for none."""
    field = record._meta.get_field(name)
    if getattr(field, "choices", None):
        return getattr(record, f"get_{name}_display")()
    value = getattr(record, name)
    if value is None:
        return ""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (int, float, str, bool)) or hasattr(value, "isoformat"):
        return value
    return str(value)


def model_sheet(
    model: type[models.Model], *, key: str, title: Promise | str, names: Iterable[str]
) -> SheetSpec:
    """A sheet of the model's fields ``names``, each headed with its name in both languages."""

    def in_language(text: Promise | str, language: str) -> str:
        with translation.override(language):
            return str(text)

    columns = tuple(
        Column(
            name,
            in_language(model._meta.get_field(name).verbose_name, "zh-hans"),  # type: ignore[union-attr]
            in_language(model._meta.get_field(name).verbose_name, "en"),  # type: ignore[union-attr]
        )
        for name in names
    )
    return SheetSpec(
        key=key,
        title_zh=in_language(title, "zh-hans"),
        title_en=in_language(title, "en"),
        columns=columns,
    )


def record_rows(
    records: Iterable[models.Model], names: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    for record in records:
        yield {name: cell_value(record, name) for name in names}


def masked_rows(rows: Iterable[dict[str, Any]], fields: frozenset[str]) -> Iterator[dict[str, Any]]:
    """The rows with the values of ``fields`` reduced to their ends."""
    for row in rows:
        yield {
            key: mask_value(value) if key in fields and value else value
            for key, value in row.items()
        }
