"""Figures of the party branch for the annual summary (DESIGN §5)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.party.enums import (
    AppraisalGrade,
    AppraisalStatus,
    AttendanceStatus,
    GroupKind,
    MeetingKind,
    MemberCategory,
    MentoringOutcome,
    Step,
)
from qingshan.party.models import (
    AppraisalEntry,
    Attendance,
    Meeting,
    Member,
    MentoringPair,
    PartyGroup,
    Recruit,
)
from qingshan.party.selectors.organisation import full_members_on, members_on
from qingshan.party.selectors.recruitment import new_in_period


def _by_category(records: QuerySet[Member] | QuerySet[Recruit]) -> dict[str, int]:
    counts = dict(
        records.values_list("category").annotate(n=Count("pk")).values_list("category", "n")
    )
    return {str(label): counts.get(value, 0) for value, label in MemberCategory.choices}


@figure(
    "party.members",
    label=_("party members"),
    unit=Unit.COUNT,
    definition=_("Members of the branch on the last day of the period."),
    measure=Measure.PEOPLE,
)
def members(scope: Scope, period: Period) -> FigureResult:
    records = members_on(schools=scope.school_ids, day=period.end)
    return FigureResult(value=records.count(), records=records, breakdown=_by_category(records))


@figure(
    "party.full_members",
    label=_("full members"),
    unit=Unit.COUNT,
    definition=_("Full members on the last day of the period."),
    measure=Measure.PEOPLE,
)
def full_members(scope: Scope, period: Period) -> FigureResult:
    records = full_members_on(schools=scope.school_ids, day=period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "party.probationary_members",
    label=_("probationary members"),
    unit=Unit.COUNT,
    definition=_("Members still on probation on the last day of the period."),
    measure=Measure.PEOPLE,
)
def probationary_members(scope: Scope, period: Period) -> FigureResult:
    records = members_on(schools=scope.school_ids, day=period.end).exclude(full_on__lte=period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "party.groups",
    label=_("party groups"),
    unit=Unit.COUNT,
    definition=_("Standing party groups of the branch (not archived)."),
    measure=Measure.UNITS,
)
def groups(scope: Scope, period: Period) -> FigureResult:
    records = (
        PartyGroup.objects.for_schools(scope.school_ids).active().filter(kind=GroupKind.STANDING)
    )
    return FigureResult(value=records.count(), records=records)


def _reached(step: int, scope: Scope, period: Period) -> FigureResult:
    records = new_in_period(schools=scope.school_ids, start=period.start, end=period.end, step=step)
    return FigureResult(value=records.count(), records=records, breakdown=_by_category(records))


@figure(
    "party.new_activists",
    label=_("new activists"),
    unit=Unit.COUNT,
    definition=_("Recruits chosen as activists (step 3) in the period; by teachers and students."),
    measure=Measure.PEOPLE,
)
def new_activists(scope: Scope, period: Period) -> FigureResult:
    return _reached(Step.ACTIVIST_CHOSEN, scope, period)


@figure(
    "party.new_candidates",
    label=_("new development candidates"),
    unit=Unit.COUNT,
    definition=_("Recruits chosen as development candidates (step 7) in the period."),
    measure=Measure.PEOPLE,
)
def new_candidates(scope: Scope, period: Period) -> FigureResult:
    return _reached(Step.CANDIDATE_CHOSEN, scope, period)


@figure(
    "party.new_probationary",
    label=_("new probationary members"),
    unit=Unit.COUNT,
    definition=_(
        "Recruits whose admission the higher committee approved (step 17) in the period; by teachers and students."
    ),
    measure=Measure.PEOPLE,
)
def new_probationary(scope: Scope, period: Period) -> FigureResult:
    return _reached(Step.APPROVAL, scope, period)


@figure(
    "party.new_full",
    label=_("new full members"),
    unit=Unit.COUNT,
    definition=_("Probationary members whose conversion was approved (step 24) in the period."),
    measure=Measure.PEOPLE,
)
def new_full(scope: Scope, period: Period) -> FigureResult:
    return _reached(Step.CONVERSION_APPROVAL, scope, period)


def _studies(scope: Scope, period: Period) -> QuerySet[Meeting]:
    return (
        Meeting.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            kind=MeetingKind.POLITICAL_STUDY,
            date__range=(period.start, period.end),
        )
    )


@figure(
    "party.study_sessions",
    label=_("political study sessions"),
    unit=Unit.COUNT,
    definition=_("Weekly political study sessions held in the period."),
    measure=Measure.SESSIONS,
)
def study_sessions(scope: Scope, period: Period) -> FigureResult:
    records = _studies(scope, period)
    return FigureResult(value=records.count(), records=records)


@figure(
    "party.study_attendance",
    label=_("attendance at political study"),
    unit=Unit.RATE,
    definition=_(
        "Members present over members listed, summed over the study sessions of the period."
    ),
    parts={"present": _("present"), "listed": _("on the lists")},
)
def study_attendance(scope: Scope, period: Period) -> FigureResult:
    rows = Attendance.objects.filter(meeting__in=_studies(scope, period))
    counts = rows.aggregate(
        listed=Count("pk"), present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT))
    )
    value = counts["present"] / counts["listed"] if counts["listed"] else None
    return FigureResult(
        value=value,
        records=rows,
        breakdown={"present": counts["present"], "listed": counts["listed"]},
    )


@figure(
    "party.study_hours",
    label=_("study hours"),
    unit=Unit.HOURS,
    definition=_(
        "Hours of political study and party lessons attended, summed over members, in the period."
    ),
)
def study_hours(scope: Scope, period: Period) -> FigureResult:
    rows = Attendance.objects.filter(
        meeting__school__in=scope.school_ids,
        meeting__kind__in=(MeetingKind.POLITICAL_STUDY, MeetingKind.PARTY_LESSON),
        meeting__date__range=(period.start, period.end),
        meeting__archived_at__isnull=True,
        status=AttendanceStatus.PRESENT,
    )
    total = rows.aggregate(hours=Sum("meeting__hours"))["hours"] or Decimal("0")
    return FigureResult(value=total, records=rows)


@figure(
    "party.mentoring_pairs",
    label=_("mentoring pairs"),
    unit=Unit.COUNT,
    definition=_("Mentoring pairs active at some time in the period; by outcome."),
    measure=Measure.PAIRS,
)
def mentoring_pairs(scope: Scope, period: Period) -> FigureResult:
    records = (
        MentoringPair.objects.for_schools(scope.school_ids)
        .filter(start_on__lte=period.end)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=period.start))
    )
    counts = dict(
        records.values_list("outcome").annotate(n=Count("pk")).values_list("outcome", "n")
    )
    return FigureResult(
        value=records.count(),
        records=records,
        breakdown={str(label): counts.get(value, 0) for value, label in MentoringOutcome.choices},
    )


@figure(
    "party.mentees_admitted",
    label=_("mentees who joined the party"),
    unit=Unit.COUNT,
    definition=_("Mentoring pairs closed in the period because the mentee became a party member."),
    measure=Measure.PEOPLE,
)
def mentees_admitted(scope: Scope, period: Period) -> FigureResult:
    records = MentoringPair.objects.for_schools(scope.school_ids).filter(
        outcome=MentoringOutcome.BECAME_MEMBER, end_on__range=(period.start, period.end)
    )
    return FigureResult(value=records.count(), records=records)


def _graded(scope: Scope, period: Period) -> object:
    return AppraisalEntry.objects.filter(
        school__in=scope.school_ids,
        round__year__range=(period.start.year, period.end.year),
        round__status=AppraisalStatus.CLOSED,
    ).exclude(grade="")


@figure(
    "party.appraised_members",
    label=_("members graded in the democratic appraisal"),
    unit=Unit.COUNT,
    definition=_("Members given a grade in the closed democratic appraisal of the year; by grade."),
    measure=Measure.PEOPLE,
)
def appraised_members(scope: Scope, period: Period) -> FigureResult:
    records = _graded(scope, period)
    counts = dict(records.values_list("grade").annotate(n=Count("pk")).values_list("grade", "n"))  # type: ignore[attr-defined]
    return FigureResult(
        value=records.count(),  # type: ignore[attr-defined]
        records=records,  # type: ignore[arg-type]
        breakdown={str(label): counts.get(value, 0) for value, label in AppraisalGrade.choices},
    )


@figure(
    "party.appraisal_excellent",
    label=_("members graded excellent"),
    unit=Unit.COUNT,
    definition=_("Members graded excellent in the closed democratic appraisal of the year."),
    measure=Measure.PEOPLE,
)
def appraisal_excellent(scope: Scope, period: Period) -> FigureResult:
    records = _graded(scope, period).filter(grade="excellent")  # type: ignore[attr-defined]
    return FigureResult(value=records.count(), records=records)
