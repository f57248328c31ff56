"""Workbooks of the compliance work on minors' personal information: the yearly pack
(未成年人网络保护条例 art. 37) and the guardian's "what we hold about this student".

Invariants:
- the pack reads only ``selectors.inventory``: a case appears by its number and dates, a read by
  the case number, the reader, the time, the reason and whether it broke the glass — never a
  student's name, a note of a read or any sealed note;
- the guardian's export lists, for every record type of the inventory whose rows are about a
  student, the rows about that student only (``Holding.rows_about``); a reference to another
  student, or to a record of another student, reads "another student"; secrets (key hashes,
  passwords) and structured data are left out; a sealed note is never opened, and the counseling
  room's other values are withheld except dates and numbers: both say where they are held;
- texts are in the chosen language; every text cell is escaped against formulas
  (``core.tabular.cells.export_value``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qingshan.core.tabular.cells import display_width, export_value
from qingshan.core.tabular.spec import sheet_title
from qingshan.core.tabular.writing import HEADER_FILL, HEADER_FONT
from qingshan.counseling.enums import ReadReason
from qingshan.counseling.models import Sheet
from qingshan.counseling.selectors.inventory import (
    Holding,
    Pack,
    Summary,
    field_label,
    holdings,
    is_sealed,
)
from qingshan.organization.models import Student

CONFIDENTIAL_APP = "counseling"
# Values of the counseling room a guardian's export shows besides dates: numbers and the log of
# who read a case, and why.
CONFIDENTIAL_SHOWN = frozenset(
    {"id", "number", "case_number", "reader_name", "reason", "break_glass"}
)
# Parts of field names that mark a secret, never exported.
SECRET_PARTS = frozenset({"password", "hash", "key", "token", "secret", "otp", "salt"})
LEFT_OUT = frozenset({"school"})
MAX_WIDTH, MIN_WIDTH = 60, 8


def sealed_note() -> str:
    return _("sealed: held by the counseling room; available through the counselor")


def withheld_note() -> str:
    return _("held by the counseling room; available through the counselor")


# --- writing ----------------------------------------------------------------------------------


def _sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    language: str,
) -> None:
    """A write-only sheet: a bold, frozen header row, then ``rows`` (escaped, typed)."""
    ws: WriteOnlyWorksheet = workbook.create_sheet(sheet_title(title))
    cells = [[export_value(value, language) for value in row] for row in rows]
    for index, header in enumerate(headers):
        texts = [header, *(str(row[index] or "") for row in cells if index < len(row))]
        width = max(display_width(text) for text in texts) + 2
        ws.column_dimensions[get_column_letter(index + 1)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width)
        )
    ws.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=export_value(header, language))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header_cells.append(cell)
    ws.append(header_cells)
    for row in cells:
        ws.append(row)


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


# --- the yearly pack --------------------------------------------------------------------------


def summary_rows(summary: Summary) -> list[tuple[str, int]]:
    """The pack's counts with their labels (the first sheet and the page)."""
    return [
        (_("Record types holding personal information"), summary.record_types),
        (_("of which about students (minors)"), summary.record_types_of_minors),
        (_("Rows held by the school"), summary.rows),
        (_("of which in record types about students"), summary.rows_of_minors),
        (_("Reads of counseling cases in the year"), summary.reads),
        (_("of which break-glass reads"), summary.break_glass_reads),
        (_("Consents held"), summary.consents_held),
        (_("Screening sheets handed in with consent in the year"), summary.sheets_handed_in),
        (_("Counseling cases closed in the year"), summary.cases_closed),
        (_("Closed cases kept"), summary.cases_kept),
        (_("Closed cases kept past their date"), summary.cases_past_retention),
        (_("Cases purged in the year"), summary.purges),
        (_("Personal-information incidents in the year"), summary.incidents),
        (_("People affected"), summary.people_affected),
        (_("Minors affected"), summary.minors_affected),
        (_("Incidents reported to the authority"), summary.incidents_reported),
    ]


def _summary_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    head: list[tuple[str, Any]] = [
        (_("School"), pack.school.name),
        (_("Year"), pack.year),
        (_("Made on"), timezone.localdate()),
    ]
    rows = head + list(summary_rows(pack.summary))
    _sheet(workbook, _("Summary"), [_("Item"), _("Value")], rows, language=language)


def _inventory_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [
        _("Area"),
        _("Record type"),
        _("Whose data"),
        _("Concerns minors"),
        _("Personal fields"),
        _("Rows held"),
    ]
    rows = [
        (
            line.holding.app_name,
            line.holding.name,
            "、".join(line.holding.subject_labels()),
            _yes_no(line.holding.minors),
            "; ".join(line.holding.field_labels()),
            line.rows,
        )
        for line in pack.lines
    ]
    _sheet(workbook, _("Inventory"), headers, rows, language=language)


def _reason_label(reason: str) -> str:
    return str(ReadReason(reason).label) if reason in ReadReason.values else reason


def _reads_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [_("Case number"), _("Read by"), _("Read at"), _("Why"), _("Break-glass read")]
    rows = [
        (
            read.case_number,
            read.reader_name,
            read.read_at,
            _reason_label(read.reason),
            _yes_no(read.break_glass),
        )
        for read in pack.reads
    ]
    _sheet(workbook, _("Confidential reads"), headers, rows, language=language)


def _consents_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [_("Area"), _("Record type"), _("Consent"), _("Held"), _("Given in the year")]
    rows: list[tuple[Any, ...]] = [
        (
            consent.holding.app_name,
            consent.holding.name,
            str(consent.field.verbose_name),
            consent.held,
            consent.given_in_year,
        )
        for consent in pack.consents
    ]
    sheets = str(Sheet._meta.verbose_name_plural)
    rows.append(
        (str(_app_name()), sheets, _("agreed to answer the screening"), None, pack.sheets_handed_in)
    )
    _sheet(workbook, _("Consents"), headers, rows, language=language)


def _app_name() -> str:
    return str(apps.get_app_config(Sheet._meta.app_label).verbose_name)


def _retention_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [
        _("Case number"),
        _("Opened on"),
        _("Closed on"),
        _("Kept until"),
        _("Past its date"),
    ]
    rows = [
        (
            case.number,
            case.opened_on,
            case.closed_on,
            case.retain_until,
            _yes_no(bool(case.retain_until and case.retain_until < pack.today)),
        )
        for case in pack.closed
    ]
    _sheet(workbook, _("Retention"), headers, rows, language=language)


def _purges_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [
        _("Case number"),
        _("Opened on"),
        _("Closed on"),
        _("Purged at"),
        _("Rows deleted"),
        _("Purged by"),
    ]
    rows = [
        (
            purge.case_number,
            purge.opened_on,
            purge.closed_on,
            purge.purged_at,
            purge.rows,
            str(purge.purged_by) if purge.purged_by else _("the scheduled retention run"),
        )
        for purge in pack.purges
    ]
    _sheet(workbook, _("Purges"), headers, rows, language=language)


def _incidents_sheet(workbook: Workbook, pack: Pack, language: str) -> None:
    headers = [
        _("Kind"),
        _("Occurred on"),
        _("Found on"),
        _("What happened"),
        _("People affected"),
        _("Minors affected"),
        _("Measures taken"),
        _("Reported to the authority on"),
    ]
    rows = [
        (
            incident.get_kind_display(),
            incident.occurred_on,
            incident.found_on,
            incident.description,
            incident.people_affected,
            incident.minors_affected,
            incident.measures,
            incident.reported_on,
        )
        for incident in pack.incidents
    ]
    _sheet(workbook, _("Incidents"), headers, rows, language=language)


def pack_xlsx(pack: Pack, *, language: str) -> bytes:
    """Sheets: summary, inventory, confidential reads, consents, retention, purges, incidents."""
    with translation.override(language):
        workbook = Workbook(write_only=True)
        for write in (
            _summary_sheet,
            _inventory_sheet,
            _reads_sheet,
            _consents_sheet,
            _retention_sheet,
            _purges_sheet,
            _incidents_sheet,
        ):
            write(workbook, pack, language)
        return _saved(workbook)


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
        return _yes_no(value)
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
        _sheet(workbook, _("About this export"), [_("Item"), _("Value")], rows, language=language)
        for title, table in zip(_titles(tables), tables, strict=True):
            _sheet(workbook, title, table.headers, table.rows, language=language)
        return _saved(workbook)
