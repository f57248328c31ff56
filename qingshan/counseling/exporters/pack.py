"""The yearly pack (未成年人网络保护条例 art. 37) as a workbook.

Invariant: the pack reads only ``selectors.pack``: a case appears by its number and dates, a read
by the case number, the reader, the time, the reason and whether it broke the glass — never a
student's name, a note of a read or any sealed note; every text cell is escaped against
formulas.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from qingshan.counseling.enums import ReadReason
from qingshan.counseling.exporters.sheets import saved, write_sheet, yes_no
from qingshan.counseling.models import Sheet
from qingshan.counseling.selectors.pack import (
    Pack,
    Summary,
)

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
    write_sheet(workbook, _("Summary"), [_("Item"), _("Value")], rows, language=language)


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
            yes_no(line.holding.minors),
            "; ".join(line.holding.field_labels()),
            line.rows,
        )
        for line in pack.lines
    ]
    write_sheet(workbook, _("Inventory"), headers, rows, language=language)


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
            yes_no(read.break_glass),
        )
        for read in pack.reads
    ]
    write_sheet(workbook, _("Confidential reads"), headers, rows, language=language)


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
    write_sheet(workbook, _("Consents"), headers, rows, language=language)


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
            yes_no(bool(case.retain_until and case.retain_until < pack.today)),
        )
        for case in pack.closed
    ]
    write_sheet(workbook, _("Retention"), headers, rows, language=language)


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
    write_sheet(workbook, _("Purges"), headers, rows, language=language)


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
    write_sheet(workbook, _("Incidents"), headers, rows, language=language)


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
        return saved(workbook)
