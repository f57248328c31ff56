"""The guardian's "what we hold about this student" as a workbook.

Invariants:
- the guardian's export lists, for every record type of the inventory whose rows are about a
  student, the rows about that student only (``Holding.rows_about``); a reference to another
  student, or to a record of another student, reads "another student"; secrets (key hashes,
  passwords) and structured data are left out; a sealed note is never opened, and the counseling
  room's other values are withheld except dates and numbers: both say where they are held;
- texts are in the chosen language; every text cell is escaped against formulas
  (``core.tabular.cells.export_value``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from qingshan.core.tabular.spec import sheet_title
from qingshan.counseling.exporters.sheets import (
    CONFIDENTIAL_APP,
    CONFIDENTIAL_SHOWN,
    LEFT_OUT,
    SECRET_PARTS,
    saved,
    sealed_note,
    withheld_note,
    write_sheet,
    yes_no,
)
from qingshan.counseling.selectors.inventory import (
    Holding,
    field_label,
    holdings,
    is_sealed,
)
from qingshan.organization.models import Student

# --- the guardian's export --------------------------------------------------------------------


def is_secret(field: models.Field[Any, Any]) -> bool:
    return bool(set(field.name.split("_")) & SECRET_PARTS)


def exported_fields(holding: Holding) -> list[models.Field[Any, Any]]:
    """The plain fields of a record type a guardian's export shows (see the module invariants)."""
    return [
        field
        for field in holding.model._meta.concrete_fields
        if field.name not in LEFT_OUT
        and not is_secret(field)
        and not isinstance(field, models.JSONField)
        and (not isinstance(field, models.BinaryField) or is_sealed(field))
    ]


def _related_text(record: models.Model, field: models.Field[Any, Any], student: Student) -> str:
    related = getattr(record, field.name)
    if related is None:
        return ""
    if isinstance(related, Student):
        return related.name if related.pk == student.pk else _("another student")
    owner = getattr(related, "student_id", None)
    if owner is not None and owner != student.pk:
        return _("another student's record")
    return str(related)


def _confidential_value(field: models.Field[Any, Any]) -> bool:
    """Whether a counseling value is withheld (all but dates, numbers and the read log)."""
    return not isinstance(field, models.DateField) and field.name not in CONFIDENTIAL_SHOWN


def cell_of(
    record: models.Model, field: models.Field[Any, Any], student: Student, holding: Holding
) -> Any:
    """A field of a row about ``student`` as the guardian's export shows it."""
    if is_sealed(field):
        return sealed_note() if getattr(record, field.name) else ""
    if field.is_relation:
        return _related_text(record, field, student)
    if holding.model._meta.app_label == CONFIDENTIAL_APP and _confidential_value(field):
        return withheld_note()
    if getattr(field, "choices", None):
        return getattr(record, f"get_{field.name}_display")()
    value = getattr(record, field.name)
    if isinstance(value, bool):
        return yes_no(value)
    if value is None or isinstance(value, int | float | str) or hasattr(value, "isoformat"):
        return value
    return str(value)


def notes() -> list[str]:
    return [
        _(
            "Rating answers are anonymous: they are kept without any link to the student, so "
            "none can be listed here; only whether the student was invited to rate."
        ),
        _("Counseling notes are sealed and are not printed here: %(note)s.")
        % {"note": sealed_note()},
        _("Records of other students are never listed; a reference to one reads “%(other)s”.")
        % {"other": _("another student")},
        _("Secrets (keys, passwords) are kept only as one-way hashes and are not listed."),
    ]


@dataclass(frozen=True)
class Table:
    """The rows about a student of one record type, ready to write."""

    holding: Holding
    headers: list[str]
    rows: list[list[Any]]


def tables_about(student: Student, *, counseling: bool) -> list[Table]:
    """For every record type of the inventory, the rows about ``student`` (types without any
    are left out). Counseling's own record types only when ``counseling``: an export made by
    someone who may not read the counseling room must not tell even that a student has a case."""
    tables = []
    for holding in holdings():
        if not counseling and holding.model._meta.app_label == CONFIDENTIAL_APP:
            continue
        records = list(holding.rows_about(student))
        if not records:
            continue
        fields = exported_fields(holding)
        tables.append(
            Table(
                holding,
                [field_label(field) for field in fields],
                [
                    [cell_of(record, field, student, holding) for field in fields]
                    for record in records
                ],
            )
        )
    return tables


def _titles(tables: list[Table]) -> list[str]:
    """Unique sheet titles, numbered in order (Excel allows 31 characters)."""
    return [sheet_title(f"{n}. {table.holding.name}") for n, table in enumerate(tables, 2)]


def guardian_xlsx(student: Student, *, language: str, counseling: bool) -> bytes:
    """What the school holds about ``student``: a first sheet naming the student, every record
    type with its number of rows and the notes; then a sheet per record type. The counseling
    room's records are in it only when a counselor makes it (``counseling``)."""
    with translation.override(language):
        tables = tables_about(student, counseling=counseling)
        rows: list[Sequence[Any]] = [
            (_("Student"), student.name),
            (_("Student number"), student.student_no),
            (_("School"), student.school.name),
            (_("Made on"), timezone.localdate()),
        ]
        rows += [
            (f"{table.holding.app_name} · {table.holding.name}", len(table.rows))
            for table in tables
        ]
        rows += [(_("Note"), note) for note in notes()]
        if not counseling:
            rows.append(
                (
                    _("Note"),
                    _(
                        "The counseling room's records are not in this export: the school's "
                        "counselor answers for them, with an export made from their login."
                    ),
                )
            )
        workbook = Workbook(write_only=True)
        write_sheet(
            workbook, _("About this export"), [_("Item"), _("Value")], rows, language=language
        )
        for title, table in zip(_titles(tables), tables, strict=True):
            write_sheet(workbook, title, table.headers, table.rows, language=language)
        return saved(workbook)
