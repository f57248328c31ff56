"""Excel/CSV exports of the organisation lists. Importable sheets export in their import layout,
so a roster can be exported, edited in Excel and imported back; the other lists export their
detail fields (``core.records``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from qingshan.core.exports import cell_value, record_rows
from qingshan.core.tabular.spec import SheetSpec
from qingshan.organization import importers

Rows = Iterator[dict[str, Any]]
Export = Callable[[QuerySet[Any]], tuple[SheetSpec, Rows]]


def _class_rows(records: Iterable[Any]) -> Rows:
    for record in records:
        yield {
            **{
                name: cell_value(record, name)
                for name in ("name", "entry_year", "track", "length_years")
            },
            "major": record.major.code if record.major else "",
            "head_teacher": record.head_teacher.staff_no if record.head_teacher else "",
        }


def _staff_rows(records: Iterable[Any]) -> Rows:
    names = tuple(c.key for c in importers.STAFF_SHEET.columns if c.key != "department")
    for record in records:
        yield {
            **{name: cell_value(record, name) for name in names},
            "department": record.department.name if record.department else "",
        }


def _student_rows(records: Iterable[Any]) -> Rows:
    names = tuple(
        c.key
        for c in importers.STUDENT_SHEET.columns
        if c.key != "school_class" and not c.key.startswith("guardian_")
    )
    for record in records:
        yield {
            **{name: cell_value(record, name) for name in names},
            "school_class": record.school_class.name,
        }


def _in_layout(sheet: SheetSpec, make_rows: Callable[[Iterable[Any]], Rows]) -> Export:
    def export(records: QuerySet[Any]) -> tuple[SheetSpec, Rows]:
        return sheet, make_rows(records.iterator(chunk_size=2000))

    return export


def _plain(*names: str) -> Callable[[Iterable[Any]], Rows]:
    return lambda records: record_rows(records, names)


# The record types whose export is in their import layout, by resource key.
IMPORT_LAYOUT_EXPORTS: dict[str, Export] = {
    "department": _in_layout(
        importers.DEPARTMENT_SHEET, _plain("name", "description", "sort_order")
    ),
    "major": _in_layout(
        importers.MAJOR_SHEET, _plain("code", "name", "length_years", "established_year")
    ),
    "schoolclass": _in_layout(importers.CLASS_SHEET, _class_rows),
    "staff": _in_layout(importers.STAFF_SHEET, _staff_rows),
    "student": _in_layout(importers.STUDENT_SHEET, _student_rows),
}
