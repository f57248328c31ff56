"""The yearly pack on minors' personal information (未成年人网络保护条例 art. 37): for a school and a
calendar year, the inventory, the reads of case files, consents, retention and purges, and the
incidents, each from its records; no case's content and no student's name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from qingshan.core.models import School
from qingshan.counseling.enums import CaseState
from qingshan.counseling.models import Case, CaseRead, Incident, Purge, Sheet
from qingshan.counseling.selectors.inventory import Consent, Line, consents, inventory, year_bounds

# --- the yearly pack's other records ------------------------------------------------------------


def incidents(school: School) -> QuerySet[Incident]:
    return Incident.objects.for_school(school)


def incidents_in(school: School, year: int) -> QuerySet[Incident]:
    """Incidents that occurred in ``year``; an archived one still happened, so it is kept."""
    return incidents(school).filter(occurred_on__year=year).order_by("occurred_on", "pk")


def purges_in(school: School, year: int) -> QuerySet[Purge]:
    start, end = year_bounds(year)
    return (
        Purge.objects.for_school(school)
        .filter(purged_at__date__gte=start, purged_at__date__lte=end)
        .select_related("purged_by")
        .order_by("purged_at", "pk")
    )


@dataclass(frozen=True)
class ClosedCase:
    """What retention needs of a closed case: never its student nor a note."""

    number: str
    opened_on: dt.date
    closed_on: dt.date | None
    retain_until: dt.date | None


def closed_cases(school: School) -> list[ClosedCase]:
    """Closed cases still kept (only their numbers and dates are read)."""
    rows = (
        Case.objects.for_school(school)
        .filter(state=CaseState.CLOSED)
        .order_by("retain_until", "number")
        .values_list("number", "opened_on", "closed_on", "retain_until")
    )
    return [ClosedCase(*row) for row in rows]


def reads_in(school: School, year: int) -> QuerySet[CaseRead]:
    """The year's reads of cases, with only what the pack prints (never the note)."""
    start, end = year_bounds(year)
    return (
        CaseRead.objects.for_school(school)
        .filter(read_at__date__gte=start, read_at__date__lte=end)
        .order_by("read_at", "pk")
        .only("case_number", "reader_name", "read_at", "reason", "break_glass")
    )


def sheets_handed_in(school: School, year: int) -> int:
    """Screening sheets handed in during ``year``: each was answered with the student's
    agreement (``services.screening.hand_in`` refuses one without it)."""
    start, end = year_bounds(year)
    return (
        Sheet.objects.for_school(school)
        .filter(answered_at__date__gte=start, answered_at__date__lte=end)
        .count()
    )


@dataclass(frozen=True)
class Summary:
    """The counts of the yearly pack (its first sheet and the page)."""

    year: int
    record_types: int
    record_types_of_minors: int
    rows: int
    rows_of_minors: int
    reads: int
    break_glass_reads: int
    consents_held: int
    sheets_handed_in: int
    cases_closed: int
    cases_kept: int
    cases_past_retention: int
    purges: int
    incidents: int
    people_affected: int
    minors_affected: int
    incidents_reported: int


@dataclass(frozen=True)
class Pack:
    """Everything the yearly pack reports for a school and a calendar year."""

    school: School
    year: int
    lines: list[Line]
    reads: list[CaseRead]
    consents: list[Consent]
    sheets_handed_in: int
    closed: list[ClosedCase]
    purges: list[Purge]
    incidents: list[Incident]
    today: dt.date

    @property
    def summary(self) -> Summary:
        start, end = year_bounds(self.year)
        of_minors = [line for line in self.lines if line.holding.minors]
        return Summary(
            year=self.year,
            record_types=len(self.lines),
            record_types_of_minors=len(of_minors),
            rows=sum(line.rows for line in self.lines),
            rows_of_minors=sum(line.rows for line in of_minors),
            reads=len(self.reads),
            break_glass_reads=sum(1 for read in self.reads if read.break_glass),
            consents_held=sum(consent.held for consent in self.consents),
            sheets_handed_in=self.sheets_handed_in,
            cases_closed=sum(
                1 for case in self.closed if case.closed_on and start <= case.closed_on <= end
            )
            + sum(1 for purge in self.purges if start <= purge.closed_on <= end),
            cases_kept=len(self.closed),
            cases_past_retention=sum(
                1 for case in self.closed if case.retain_until and case.retain_until < self.today
            ),
            purges=len(self.purges),
            incidents=len(self.incidents),
            people_affected=sum(incident.people_affected for incident in self.incidents),
            minors_affected=sum(incident.minors_affected for incident in self.incidents),
            incidents_reported=sum(1 for incident in self.incidents if incident.reported_on),
        )


def pack(school: School, year: int, today: dt.date | None = None) -> Pack:
    return Pack(
        school=school,
        year=year,
        lines=inventory(school),
        reads=list(reads_in(school, year)),
        consents=consents(school, year),
        sheets_handed_in=sheets_handed_in(school, year),
        closed=closed_cases(school),
        purges=list(purges_in(school, year)),
        incidents=list(incidents_in(school, year)),
        today=today or timezone.localdate(),
    )


def default_year(today: dt.date | None = None) -> int:
    """The year a pack is made for by default: the past year in January (the pack is due by the
    end of January), else the current one."""
    today = today or timezone.localdate()
    return today.year - 1 if today.month == 1 else today.year
