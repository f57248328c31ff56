"""The enterprise-practice ledger and the continuing-education hours of the school's teachers.

The policy (``TeachingPolicy``; its defaults while the school has saved none) cuts time into
windows of ``window_years`` years: the first begins on 1 January of ``first_window_year`` and
each begins where the one before ends. A window is a half-open span of days [start, end).

- Months of enterprise practice in a window: the days of done enterprise-practice records
  (each record's days from ``starts_on`` to ``ends_on``, both included) that fall inside the
  window, over 365.25 / 12 = 30.4375 days a month, rounded to one decimal, halves up. The
  rounded figure is the one shown and the one compared with what is owed.
- Status of a professional teacher: *met* when those months reach ``practice_months``;
  otherwise *warning* when the window ends no later than one year after the day looked from
  (its first day after the window is on or before that day a year on), else *behind*.
- Continuing-education hours of a cycle (the same windows): the hours of done records, of any
  kind, that start inside the cycle, against ``hours_target`` (none assumed while unset).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.organization.models import Staff
from qingshan.teaching.enums import TrainingKind, TrainingStatus
from qingshan.teaching.models import TeacherProfile, TeachingPolicy, TrainingRecord
from qingshan.teaching.selectors.policy import add_years, policy_of

DAYS_PER_MONTH = Decimal("365.25") / 12
TENTH = Decimal("0.1")


class PracticeStatus(models.TextChoices):
    MET = "met", _("met")
    WARNING = "warning", _("due within a year")
    BEHIND = "behind", _("behind")


def window_of(day: dt.date, *, first_year: int, years: int) -> tuple[dt.date, dt.date]:
    """The window holding ``day``, as [start, end): windows of ``years`` years from 1 January of
    ``first_year``, one after another (counted backwards the same way for a day before it)."""
    index = (day.year - first_year) // years
    start = dt.date(first_year + index * years, 1, 1)
    return start, dt.date(start.year + years, 1, 1)


def days_inside(starts_on: dt.date, ends_on: dt.date, start: dt.date, end: dt.date) -> int:
    """How many days of [starts_on, ends_on] (both included) fall inside [start, end)."""
    first = max(starts_on, start)
    last = min(ends_on, end - dt.timedelta(days=1))
    return max((last - first).days + 1, 0)


def months_of(days: int) -> Decimal:
    """Days as months of 365.25 / 12 days, to one decimal, halves rounded up."""
    return (Decimal(days) / DAYS_PER_MONTH).quantize(TENTH, rounding=ROUND_HALF_UP)


def practice_status(months: Decimal, *, owed: int, window_end: dt.date, day: dt.date) -> str:
    """Met, warning (not met and the window ends within a year of ``day``) or behind."""
    if months >= owed:
        return PracticeStatus.MET
    if window_end <= add_years(day, 1):
        return PracticeStatus.WARNING
    return PracticeStatus.BEHIND


@dataclass(frozen=True)
class TeacherLedger:
    staff: Staff
    professional: bool
    months: Decimal | None
    status: str | None
    hours: Decimal

    @property
    def status_label(self) -> str:
        return str(PracticeStatus(self.status).label) if self.status else ""


@dataclass(frozen=True)
class PracticeLedger:
    policy: TeachingPolicy
    day: dt.date
    start: dt.date
    end: dt.date
    rows: list[TeacherLedger]

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    @property
    def professional_rows(self) -> list[TeacherLedger]:
        return [row for row in self.rows if row.professional]


def practice_ledger(school: School, day: dt.date, *, only: Staff | None = None) -> PracticeLedger:
    """Every teacher with a profile whose staff record has not left by ``day``: months of
    enterprise practice (professional teachers only) and hours of the window holding ``day``."""
    policy = policy_of(school)
    start, end = window_of(day, first_year=policy.first_window_year, years=policy.window_years)
    chosen = TeacherProfile.objects.for_school(school)
    if only is not None:
        chosen = chosen.filter(staff=only)
    profiles = list(
        chosen.active()
        .filter(Q(staff__left_on__isnull=True) | Q(staff__left_on__gt=day))
        .select_related("staff")
        .order_by("staff__name", "pk")
    )
    done = (
        TrainingRecord.objects.for_school(school)
        .active()
        .filter(
            status=TrainingStatus.DONE,
            teacher__in=[profile.staff_id for profile in profiles],
            starts_on__lt=end,
            ends_on__gte=start,
        )
    )
    days: dict[int, int] = {}
    hours: dict[int, Decimal] = {}
    for record in done.only("teacher_id", "kind", "starts_on", "ends_on", "hours"):
        if record.kind == TrainingKind.ENTERPRISE:
            inside = days_inside(record.starts_on, record.ends_on, start, end)
            days[record.teacher_id] = days.get(record.teacher_id, 0) + inside
        if start <= record.starts_on < end:
            hours[record.teacher_id] = hours.get(record.teacher_id, Decimal(0)) + record.hours
    rows = []
    for profile in profiles:
        months = months_of(days.get(profile.staff_id, 0)) if profile.professional else None
        status = (
            practice_status(months, owed=policy.practice_months, window_end=end, day=day)
            if months is not None
            else None
        )
        rows.append(
            TeacherLedger(
                staff=profile.staff,
                professional=profile.professional,
                months=months,
                status=status,
                hours=hours.get(profile.staff_id, Decimal(0)),
            )
        )
    return PracticeLedger(policy=policy, day=day, start=start, end=end, rows=rows)
