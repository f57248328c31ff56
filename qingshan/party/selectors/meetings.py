"""Reads of 三会一课 and the political study: lists, study hours, attendance and compliance.

Every function takes the school (or the branch, or one meeting) and runs a constant number of
queries whatever the number of rows. Archived meetings are withdrawn records: they are listed by
``meetings`` but count towards no hours and no compliance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from qingshan.core.dates import add_months
from qingshan.core.models import School
from qingshan.party.enums import (
    ACTIVE_MEMBER_STATUSES,
    AbsenceReason,
    AttendanceStatus,
    GroupKind,
    MeetingKind,
)
from qingshan.party.models import Attendance, Branch, Meeting, Member, PartyGroup

STUDY_KINDS = (MeetingKind.POLITICAL_STUDY, MeetingKind.PARTY_LESSON)
ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


class ComplianceStatus(models.TextChoices):
    HELD = "held", _("held")
    DUE = "due", _("due")
    OVERDUE = "overdue", _("overdue")


@dataclass(frozen=True)
class ComplianceWindow:
    """One window of a cadence (a calendar-aligned run of months, or an ISO week)."""

    start: dt.date
    end: dt.date
    held: int
    status: ComplianceStatus


@dataclass(frozen=True)
class ComplianceRow:
    """How one kind of meeting of the branch (or of one party group) kept its cadence, counted
    in windows so that the figures add up: ``expected == held + missing`` and
    ``expected + upcoming == len(windows)``.

    ``expected``: the windows a meeting was due in so far (held, or closed before today);
    ``held``: the windows with at least one meeting held up to today; ``missing``: the windows
    that closed before today without one; ``upcoming``: the windows still open with none yet
    (today's and later ones); ``extra``: meetings beyond the first of their window;
    ``outside``: meetings that count for a window reaching beyond the period but were held
    outside the period (a study week straddling New Year);
    ``last_held``: the last meeting up to the end of the period (or today), even before it;
    ``status``: the state of the current window — the one holding today, or the period's last
    window once the period is over (the first one if it has not begun).
    """

    organisation: str
    group: PartyGroup | None
    kind: str
    expected: int
    held: int
    missing: int
    last_held: dt.date | None
    status: ComplianceStatus
    windows: tuple[ComplianceWindow, ...] = ()
    upcoming: int = 0
    extra: int = 0
    outside: int = 0


@dataclass(frozen=True)
class AttendanceSummary:
    """Who should have attended and how they did; ``reasons``: (reason label, count) of the
    excused, for each reason given at least once."""

    should_attend: int
    present: int
    excused: int
    absent: int
    reasons: tuple[tuple[str, int], ...] = ()


def meetings(school: School) -> QuerySet[Meeting]:
    """The school's meetings, newest first. Nothing is aggregated here: a list pages the rows
    first (a meeting's attendance is counted on its own page, ``attendance_summary``)."""
    return Meeting.objects.for_school(school).select_related("branch", "group", "moderator")


def roll(school: School) -> QuerySet[Member]:
    """Who is on a meeting's roll: the school's active members, by party group and name."""
    return (
        Member.objects.for_school(school)
        .filter(status__in=ACTIVE_MEMBER_STATUSES)
        .order_by("group__sort_order", "name")
    )


def study_hours(*, school: School, year: int) -> dict[int, Decimal]:
    """Member id → hours of political studies and party lessons of ``year`` attended as present.

    Members with no such hours are not in the result.
    """
    rows = (
        Attendance.objects.for_school(school)
        .filter(
            status=AttendanceStatus.PRESENT,
            meeting__kind__in=STUDY_KINDS,
            meeting__date__year=year,
            meeting__archived_at__isnull=True,
        )
        .values("member_id")
        .annotate(total=Sum("meeting__hours"))
        .order_by()
    )
    return {row["member_id"]: Decimal(row["total"]) for row in rows}


def attendance_summary(meeting: Meeting) -> AttendanceSummary:
    """Should attend (everyone on the list), present, excused (by reason) and absent, in one
    query."""
    by_reason = {
        f"reason_{value}": Count(
            "pk", filter=Q(status=AttendanceStatus.EXCUSED, absence_reason=value)
        )
        for value in AbsenceReason.values
    }
    counts = Attendance.objects.filter(meeting=meeting).aggregate(
        listed=Count("pk"),
        present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
        absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        **by_reason,
    )
    return AttendanceSummary(
        should_attend=counts["listed"],
        present=counts["present"],
        excused=counts["excused"],
        absent=counts["absent"],
        reasons=tuple(
            (str(label), counts[f"reason_{value}"])
            for value, label in AbsenceReason.choices
            if counts[f"reason_{value}"]
        ),
    )


def _month_windows(start: dt.date, end: dt.date, months: int) -> list[tuple[dt.date, dt.date]]:
    """Runs of ``months`` months aligned on January (1–3, 4–6… for 3) that overlap the period."""
    first = (start.year * 12 + start.month - 1) // months
    last = (end.year * 12 + end.month - 1) // months
    windows = []
    for index in range(first, last + 1):
        month_index = index * months
        window_start = dt.date(month_index // 12, month_index % 12 + 1, 1)
        windows.append((window_start, add_months(window_start, months) - ONE_DAY))
    return windows


def _week_windows(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The ISO weeks (Monday to Sunday) that overlap the period."""
    monday = start - dt.timedelta(days=start.weekday())
    windows = []
    while monday <= end:
        windows.append((monday, monday + ONE_WEEK - ONE_DAY))
        monday += ONE_WEEK
    return windows


def _row(
    *,
    organisation: str,
    group: PartyGroup | None,
    kind: str,
    windows: list[tuple[dt.date, dt.date]],
    dates: list[dt.date],
    last_held: dt.date | None,
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> ComplianceRow:
    states = []
    for window_start, window_end in windows:
        held = sum(1 for day in dates if window_start <= day <= window_end)
        if held:
            status = ComplianceStatus.HELD
        elif window_end < today:
            status = ComplianceStatus.OVERDUE
        else:
            status = ComplianceStatus.DUE
        states.append(ComplianceWindow(window_start, window_end, held, status))
    pivot = min(max(today, start), end)
    current = next(w for w in states if w.start <= pivot <= w.end)
    held = sum(1 for w in states if w.status == ComplianceStatus.HELD)
    missing = sum(1 for w in states if w.status == ComplianceStatus.OVERDUE)
    counted = [day for day in dates if states[0].start <= day <= states[-1].end]
    return ComplianceRow(
        organisation=organisation,
        group=group,
        kind=kind,
        expected=held + missing,
        held=held,
        missing=missing,
        last_held=last_held,
        status=current.status,
        windows=tuple(states),
        upcoming=len(states) - held - missing,
        extra=sum(w.held - 1 for w in states if w.held > 1),
        outside=sum(1 for day in counted if not start <= day <= end),
    )


def meeting_compliance(
    *, branch: Branch, start: dt.date, end: dt.date, today: dt.date
) -> list[ComplianceRow]:
    """Whether the branch and each of its standing party groups kept the 三会一课 cadence.

    Rows, in this order: members' meeting, committee meeting, party lesson (each every so many
    months, as set on the branch; a cadence of 0 means none is required), the political study
    (every ISO week), then a party group meeting row per standing group of the branch. Month
    windows are calendar-aligned (a 3-month cadence: January–March, April–June…); a window is
    judged as a whole even where it reaches beyond the period. Only meetings held on or before
    ``today`` count. Three queries whatever the number of groups and meetings.
    """
    if start > end:
        raise ValueError("start must not be after end")
    cadences: list[tuple[str, int]] = [
        (MeetingKind.MEMBERS_MEETING, branch.members_meeting_months),
        (MeetingKind.COMMITTEE_MEETING, branch.committee_meeting_months),
        (MeetingKind.PARTY_LESSON, branch.party_lesson_months),
    ]
    plans: list[tuple[str, PartyGroup | None, str, list[tuple[dt.date, dt.date]]]] = [
        (str(branch), None, kind, _month_windows(start, end, months))
        for kind, months in cadences
        if months
    ]
    plans.append((str(branch), None, MeetingKind.POLITICAL_STUDY, _week_windows(start, end)))
    if branch.group_meeting_months:
        groups = (
            PartyGroup.objects.for_school(branch.school)
            .active()
            .filter(branch=branch, kind=GroupKind.STANDING)
        )
        group_windows = _month_windows(start, end, branch.group_meeting_months)
        plans += [(str(group), group, MeetingKind.GROUP_MEETING, group_windows) for group in groups]

    span_start = min(windows[0][0] for *_rest, windows in plans)
    span_end = min(max(windows[-1][1] for *_rest, windows in plans), today)
    held = Meeting.objects.for_school(branch.school).active().filter(branch=branch)
    dates: dict[tuple[str, int | None], list[dt.date]] = {}
    for kind, group_id, day in held.filter(date__range=(span_start, span_end)).values_list(
        "kind", "group_id", "date"
    ):
        dates.setdefault((kind, group_id), []).append(day)
    last: dict[tuple[str, int | None], dt.date] = {
        (row["kind"], row["group_id"]): row["last"]
        for row in held.filter(date__lte=min(end, today))
        .values("kind", "group_id")
        .annotate(last=Max("date"))
        .order_by()
    }
    rows = []
    for organisation, group, kind, windows in plans:
        key = (kind, group.pk if group else None)
        rows.append(
            _row(
                organisation=organisation,
                group=group,
                kind=kind,
                windows=windows,
                dates=dates.get(key, []),
                last_held=last.get(key),
                start=start,
                end=end,
                today=today,
            )
        )
    return rows
