"""Excel/CSV exports of the organisation lists. Importable sheets export in their import layout,
so a roster can be exported, edited in Excel and imported back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import translation

from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.core.templatetags.qs import MASKED_FIELDS, mask_identifier
from qingshan.organization import importers
from qingshan.organization.resources import Resource


def _display(record: Any, name: str) -> Any:
    field = record._meta.get_field(name)
    if getattr(field, "choices", None):
        return getattr(record, f"get_{name}_display")()
    value = getattr(record, name)
    return (
        ""
        if value is None
        else (
            value
            if isinstance(value, (int, float, str, bool)) or hasattr(value, "isoformat")
            else str(value)
        )
    )


def _plain_rows(records: Iterable[Any], names: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield {name: _display(record, name) for name in names}


def _class_rows(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield {
            **{
                name: _display(record, name)
                for name in ("name", "entry_year", "track", "length_years")
            },
            "major": record.major.code if record.major else "",
            "head_teacher": record.head_teacher.staff_no if record.head_teacher else "",
        }


def _staff_rows(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    names = tuple(c.key for c in importers.STAFF_SHEET.columns if c.key != "department")
    for record in records:
        yield {
            **{name: _display(record, name) for name in names},
            "department": record.department.name if record.department else "",
        }


def _student_rows(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    names = tuple(
        c.key
        for c in importers.STUDENT_SHEET.columns
        if c.key != "school_class" and not c.key.startswith("guardian_")
    )
    for record in records:
        yield {
            **{name: _display(record, name) for name in names},
            "school_class": record.school_class.name,
        }


ROW_MAKERS: dict[str, tuple[SheetSpec, Callable[[Iterable[Any]], Iterator[dict[str, Any]]]]] = {
    "department": (
        importers.DEPARTMENT_SHEET,
        lambda rows: _plain_rows(rows, ("name", "description", "sort_order")),
    ),
    "major": (
        importers.MAJOR_SHEET,
        lambda rows: _plain_rows(rows, ("code", "name", "length_years", "established_year")),
    ),
    "schoolclass": (importers.CLASS_SHEET, _class_rows),
    "staff": (importers.STAFF_SHEET, _staff_rows),
    "student": (importers.STUDENT_SHEET, _student_rows),
}


def generic_sheet(resource: Resource) -> SheetSpec:
    """A sheet of the list columns, headed with each field's name in both languages."""

    def header(name: str, language: str) -> str:
        with translation.override(language):
            return str(resource.model._meta.get_field(name).verbose_name)

    with translation.override("en"):
        title_en = str(resource.verbose_name_plural)
    with translation.override("zh-hans"):
        title_zh = str(resource.verbose_name_plural)
    columns = tuple(
        Column(name, header(name, "zh-hans"), header(name, "en"))
        for name in resource.fields_for_detail
    )
    return SheetSpec(key=resource.key, title_zh=title_zh, title_en=title_en, columns=columns)


def _masked(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {
            key: mask_identifier(value) if key in MASKED_FIELDS and value else value
            for key, value in row.items()
        }


def export_sheet(
    resource: Resource, records: QuerySet[Any], *, mask: bool
) -> tuple[SheetSpec, Iterator[dict[str, Any]]]:
    """The sheet and its rows; with ``mask``, identifiers show only their ends."""
    if resource.key in ROW_MAKERS:
        sheet, make_rows = ROW_MAKERS[resource.key]
        rows = make_rows(records.iterator(chunk_size=2000))
    else:
        sheet = generic_sheet(resource)
        rows = _plain_rows(records.iterator(chunk_size=2000), tuple(c.key for c in sheet.columns))
    return sheet, _masked(rows) if mask else rows
