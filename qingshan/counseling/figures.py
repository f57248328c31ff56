"""Figures of counseling for the annual summary: aggregates only.

Invariants:
- no figure lists a student, a sheet, an alert or a case as its records: the evidence of the
  screening figures is the campaigns, the others have none (a figure's records are shown to
  every reader of figures, and these are health data of minors);
- counts of alerts below ``QS_COUNSELING_MIN_CELL`` (other than none) are suppressed: the value
  is empty and the grade's part left out, as rating results are;
- cases, sessions and referrals of purged cases are still counted, from their ``Purge`` rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.counseling.enums import CampaignState, Grade, SessionKind
from qingshan.counseling.models import (
    Alert,
    Campaign,
    Case,
    HospitalReferral,
    Purge,
    Session,
    Sheet,
)
from qingshan.counseling.selectors.screening import students_of

GRADE_PARTS = {str(grade.value): grade.label for grade in Grade}


def _campaigns(scope: Scope, period: Period) -> QuerySet[Campaign]:
    return (
        Campaign.objects.for_schools(scope.school_ids)
        .active()
        .exclude(state=CampaignState.DRAFT)
        .filter(opens_on__gte=period.start, opens_on__lte=period.end)
    )


def _screened_and_due(scope: Scope, period: Period) -> tuple[set[int], set[int]]:
    due: set[int] = set()
    for campaign in _campaigns(scope, period).prefetch_related("classes"):
        due |= set(students_of(campaign).values_list("pk", flat=True))
    screened = set(
        Sheet.objects.filter(
            campaign__in=_campaigns(scope, period), answered_at__isnull=False, valid=True
        ).values_list("student_id", flat=True)
    )
    return screened, due


@figure(
    "counseling.screened",
    label=_("students screened"),
    unit=Unit.COUNT,
    measure=Measure.PEOPLE,
    definition=_(
        "Students with a valid answer sheet in a screening campaign opened in the period, each "
        "counted once; the records are the campaigns."
    ),
)
def screened(scope: Scope, period: Period) -> FigureResult:
    done, _due = _screened_and_due(scope, period)
    return FigureResult(value=len(done), records=_campaigns(scope, period))


@figure(
    "counseling.coverage",
    label=_("screening coverage"),
    unit=Unit.RATE,
    definition=_(
        "Of the students the period's campaigns were to screen (on the rolls on the campaign's "
        "first day, in its classes), the share with a valid answer sheet."
    ),
)
def coverage(scope: Scope, period: Period) -> FigureResult:
    done, due = _screened_and_due(scope, period)
    value = len(done & due) / len(due) if due else None
    return FigureResult(value=value, records=_campaigns(scope, period))


def suppressed(count: int) -> int | None:
    return None if 0 < count < settings.QS_COUNSELING_MIN_CELL else count


@figure(
    "counseling.alerts",
    label=_("screening alerts"),
    unit=Unit.COUNT,
    measure=Measure.PEOPLE,
    parts=GRADE_PARTS,
    definition=_(
        "Alerts raised in the period, by grade; a count below the minimum cell size is not "
        "shown, so that no student can be told from it."
    ),
)
def alerts(scope: Scope, period: Period) -> FigureResult:
    rows = (
        Alert.objects.for_schools(scope.school_ids)
        .filter(raised_on__gte=period.start, raised_on__lte=period.end)
        .values("grade")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {str(row["grade"]): row["n"] for row in rows}
    parts = {
        grade: count for grade, count in counts.items() if count >= settings.QS_COUNSELING_MIN_CELL
    }
    return FigureResult(value=suppressed(sum(counts.values())), records=None, breakdown=parts)


@figure(
    "counseling.interviews_on_time",
    label=_("alerts interviewed on time"),
    unit=Unit.RATE,
    definition=_(
        "Of the red and orange alerts whose interview fell due in the period, the share "
        "interviewed by the day it was due."
    ),
)
def interviews_on_time(scope: Scope, period: Period) -> FigureResult:
    due = Alert.objects.for_schools(scope.school_ids).filter(
        due_on__gte=period.start, due_on__lte=period.end
    )
    counts = due.aggregate(
        n=Count("pk"), on_time=Count("pk", filter=Q(interviewed_on__lte=F("due_on")))
    )
    value = counts["on_time"] / counts["n"] if counts["n"] else None
    return FigureResult(value=value, records=None)


def _days_in(days: Iterable[str], period: Period) -> int:
    return sum(1 for day in days if period.start <= date.fromisoformat(day) <= period.end)


def _purges(scope: Scope) -> QuerySet[Purge]:
    return Purge.objects.for_schools(scope.school_ids)


def _cases_on(scope: Scope, period: Period, day: str) -> int:
    """Cases whose ``day`` (opened or closed) falls in the period, the purged ones included."""
    window = Q(**{f"{day}__gte": period.start, f"{day}__lte": period.end})
    live = Case.objects.for_schools(scope.school_ids).filter(window).count()
    return live + _purges(scope).filter(window).count()


@figure(
    "counseling.cases_opened",
    label=_("counseling cases opened"),
    unit=Unit.COUNT,
    measure=Measure.CASES,
    definition=_("Cases opened in the period, purged ones included."),
)
def cases_opened(scope: Scope, period: Period) -> FigureResult:
    return FigureResult(value=_cases_on(scope, period, "opened_on"), records=None)


@figure(
    "counseling.cases_closed",
    label=_("counseling cases closed"),
    unit=Unit.COUNT,
    measure=Measure.CASES,
    definition=_("Cases closed in the period, purged ones included."),
)
def cases_closed(scope: Scope, period: Period) -> FigureResult:
    return FigureResult(value=_cases_on(scope, period, "closed_on"), records=None)


@figure(
    "counseling.sessions",
    label=_("counseling sessions held"),
    unit=Unit.COUNT,
    measure=Measure.SESSIONS,
    definition=_("Counseling sessions held in the period (appointments not counted)."),
)
def sessions(scope: Scope, period: Period) -> FigureResult:
    live = Session.objects.for_schools(scope.school_ids).filter(
        kind=SessionKind.SESSION,
        starts_at__date__gte=period.start,
        starts_at__date__lte=period.end,
    )
    gone = sum(_days_in(purge.sessions, period) for purge in _purges(scope))
    return FigureResult(value=live.count() + gone, records=None)


@figure(
    "counseling.hospital_referrals",
    label=_("referrals to a hospital"),
    unit=Unit.COUNT,
    measure=Measure.PEOPLE,
    definition=_("Students referred to a hospital in the period (each referral counted)."),
)
def hospital_referrals(scope: Scope, period: Period) -> FigureResult:
    live = HospitalReferral.objects.for_schools(scope.school_ids).filter(
        referred_on__gte=period.start, referred_on__lte=period.end
    )
    gone = sum(_days_in(purge.referrals, period) for purge in _purges(scope))
    return FigureResult(value=live.count() + gone, records=None)
