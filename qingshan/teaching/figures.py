"""Figures of teacher development for the annual summary (DESIGN §5), each counted from the
records it lists: submitted observations, the quota boards of the terms, lesson events,
trainings marked done, enterprise practice and mentoring pairs."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus
from qingshan.evaluations.models import FollowUp
from qingshan.organization.models import Term
from qingshan.teaching.enums import (
    LessonLevel,
    ObservationKind,
    ObservationStatus,
    TrainingKind,
    TrainingStatus,
)
from qingshan.teaching.models import LessonEvent, Mentorship, Observation, TrainingRecord
from qingshan.teaching.selectors.board import quota_board
from qingshan.teaching.selectors.policy import policy_of
from qingshan.teaching.selectors.practice import window_of

KIND_PARTS = {kind.value: kind.label for kind in ObservationKind}
LEVEL_PARTS = {level.value: level.label for level in LessonLevel}
TRAINING_PARTS = {kind.value: kind.label for kind in TrainingKind}


def _by(records: QuerySet[Any], field: str, values: list[str], total: Any = None) -> FigureResult:
    """The records' count (or ``total``, an aggregate) per value of ``field``, and its sum."""
    found = dict(
        records.values_list(field).annotate(n=total or Count("pk")).values_list(field, "n")
    )
    return FigureResult(
        value=sum(value or 0 for value in found.values()),
        records=records,
        breakdown={value: found.get(value) or 0 for value in values},
    )


def _observations(scope: Scope, period: Period) -> QuerySet[Observation]:
    return (
        Observation.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            status=ObservationStatus.SUBMITTED,
            observed_on__gte=period.start,
            observed_on__lte=period.end,
        )
    )


@figure(
    "teaching.observations",
    label=_("lessons observed"),
    unit=Unit.COUNT,
    definition=_("Submitted lesson observations of lessons given within the period, by kind."),
    measure=Measure.TIMES,
    parts=KIND_PARTS,
)
def observations(scope: Scope, period: Period) -> FigureResult:
    return _by(_observations(scope, period), "kind", ObservationKind.values)


@figure(
    "teaching.periods_observed",
    label=_("periods observed"),
    unit=Unit.COUNT,
    definition=_("Periods (节) of the submitted observations of lessons given within the period."),
    measure=Measure.PERIODS,
    parts=KIND_PARTS,
)
def periods_observed(scope: Scope, period: Period) -> FigureResult:
    return _by(_observations(scope, period), "kind", ObservationKind.values, Sum("periods"))


@figure(
    "teaching.quota_met_share",
    label=_("share of staff meeting their observation quota"),
    unit=Unit.RATE,
    definition=_(
        "People meeting the quota of their group ÷ people whose group has a quota, summed over "
        "the terms that ended within the period (a person counts once per term)."
    ),
)
def quota_met_share(scope: Scope, period: Period) -> FigureResult:
    met = counted = 0
    terms = Term.objects.filter(
        school__in=scope.school_ids, end_date__gte=period.start, end_date__lte=period.end
    ).select_related("school")
    for term in terms:
        board = quota_board(term.school, term)
        met, counted = met + board.meeting, counted + len(board.counted)
    return FigureResult(
        value=met / counted if counted else None,
        records=Observation.objects.for_schools(scope.school_ids).filter(term__in=terms),
        breakdown={"numerator": met, "denominator": counted},
    )


@figure(
    "teaching.lessons",
    label=_("demonstration, open and competition lessons"),
    unit=Unit.COUNT,
    definition=_("Lesson events held within the period, by level."),
    measure=Measure.TIMES,
    parts=LEVEL_PARTS,
)
def lessons(scope: Scope, period: Period) -> FigureResult:
    records = (
        LessonEvent.objects.for_schools(scope.school_ids)
        .active()
        .filter(held_on__gte=period.start, held_on__lte=period.end)
    )
    return _by(records, "level", LessonLevel.values)


@figure(
    "teaching.lesson_prizes",
    label=_("prizes won with lessons at county level or higher"),
    unit=Unit.COUNT,
    definition=_("Lesson events held within the period at county level or higher with a prize."),
    measure=Measure.ITEMS,
)
def lesson_prizes(scope: Scope, period: Period) -> FigureResult:
    records = (
        LessonEvent.objects.for_schools(scope.school_ids)
        .active()
        .filter(held_on__gte=period.start, held_on__lte=period.end)
        .exclude(level=LessonLevel.SCHOOL)
        .exclude(prize="")
    )
    return FigureResult(value=records.count(), records=records)


def _trainings(scope: Scope, period: Period) -> QuerySet[TrainingRecord]:
    return (
        TrainingRecord.objects.for_schools(scope.school_ids)
        .active()
        .filter(status=TrainingStatus.DONE, ends_on__gte=period.start, ends_on__lte=period.end)
    )


@figure(
    "teaching.trainings",
    label=_("trainings and further study of teachers"),
    unit=Unit.COUNT,
    definition=_("Training records marked done that ended within the period, by kind."),
    measure=Measure.PERSON_TIMES,
    parts=TRAINING_PARTS,
)
def trainings(scope: Scope, period: Period) -> FigureResult:
    return _by(_trainings(scope, period), "kind", TrainingKind.values)


@figure(
    "teaching.training_hours",
    label=_("hours of teachers' training"),
    unit=Unit.HOURS,
    definition=_("Hours of the training records marked done that ended within the period."),
)
def training_hours(scope: Scope, period: Period) -> FigureResult:
    records = _trainings(scope, period)
    return FigureResult(value=records.aggregate(hours=Sum("hours"))["hours"] or 0, records=records)


@figure(
    "teaching.practice_teachers",
    label=_("teachers with enterprise practice in the current window"),
    unit=Unit.COUNT,
    definition=_(
        "Different teachers with enterprise practice marked done in the window of the school's "
        "policy that holds the end of the period, up to that day."
    ),
    measure=Measure.PEOPLE,
)
def practice_teachers(scope: Scope, period: Period) -> FigureResult:
    condition = Q(pk__in=[])
    for school in scope.schools:
        policy = policy_of(school)
        start, _end = window_of(
            period.end, first_year=policy.first_window_year, years=policy.window_years
        )
        condition |= Q(school=school, ends_on__gte=start, starts_on__lte=period.end)
    records = (
        TrainingRecord.objects.filter(condition)
        .active()
        .filter(kind=TrainingKind.ENTERPRISE, status=TrainingStatus.DONE)
    )
    return FigureResult(value=records.values("teacher").distinct().count(), records=records)


@figure(
    "teaching.young_teachers_mentored",
    label=_("young teachers mentored"),
    unit=Unit.COUNT,
    definition=_("Different young teachers paired with a mentor in a term overlapping the period."),
    measure=Measure.PEOPLE,
)
def young_teachers_mentored(scope: Scope, period: Period) -> FigureResult:
    records = (
        Mentorship.objects.for_schools(scope.school_ids)
        .active()
        .filter(term__start_date__lte=period.end, term__end_date__gte=period.start)
    )
    return FigureResult(value=records.values("mentee").distinct().count(), records=records)


@figure(
    "teaching.shadowing_closed",
    label=_("shadowing follow-ups closed with observations"),
    unit=Unit.COUNT,
    definition=_(
        "Follow-ups of ratings of the kind shadowing classes closed within the period with at "
        "least one submitted observation made under them."
    ),
    measure=Measure.PEOPLE,
)
def shadowing_closed(scope: Scope, period: Period) -> FigureResult:
    records = (
        FollowUp.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            kind=FollowUpKind.SHADOWING,
            status=FollowUpStatus.CLOSED,
            closed_on__gte=period.start,
            closed_on__lte=period.end,
            observations__status=ObservationStatus.SUBMITTED,
        )
        .distinct()
    )
    return FigureResult(value=records.count(), records=records)
