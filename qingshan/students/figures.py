"""Figures of students' paths for the annual summary (DESIGN §5), each counted from the records it
lists: enrolments open on a day, roll changes carried out within the period, and the uses of
school-compiled textbooks."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.organization.enums import Track
from qingshan.students.enums import ChangeKind, ChangeStatus, Programme
from qingshan.students.models import Enrolment, RollChange
from qingshan.students.selectors import textbooks

TRACK_PARTS = {track.value: track.label for track in Track}
JOINT_PROGRAMMES = (Programme.JOINT_3_2, Programme.JOINT_3_3)


def _by_track(records: QuerySet[Any], field: str) -> FigureResult:
    found = dict(records.values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    return FigureResult(
        value=sum(found.values()),
        records=records,
        breakdown={track: found.get(track, 0) for track in Track.values},
    )


def _done(scope: Scope, period: Period, kind: str) -> QuerySet[RollChange]:
    return (
        RollChange.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            kind=kind,
            status=ChangeStatus.DONE,
            effective_on__gte=period.start,
            effective_on__lte=period.end,
        )
    )


def open_on(scope: Scope, day: Any) -> QuerySet[Enrolment]:
    """Enrolments that hold on ``day``: begun by then and not closed by then."""
    return Enrolment.objects.for_schools(scope.school_ids).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=day), starts_on__lte=day
    )


@figure(
    "students.enrolled",
    label=_("students on the rolls"),
    unit=Unit.COUNT,
    definition=_(
        "Students whose enrolment holds on the last day of the period (studying or suspended), "
        "by track."
    ),
    measure=Measure.PEOPLE,
    parts=TRACK_PARTS,
)
def enrolled(scope: Scope, period: Period) -> FigureResult:
    return _by_track(open_on(scope, period.end), "track")


def _by_name(records: QuerySet[Any], field: str, label: Any) -> FigureResult:
    """The records' count per value of ``field``, keyed by ``label(value)`` (a key that does not
    depend on the reader's language)."""
    found = records.values_list(field).annotate(n=Count("pk")).order_by(field)
    breakdown: dict[str, int] = {}
    for value, count in found:
        name = str(label(value))
        breakdown[name] = breakdown.get(name, 0) + count
    return FigureResult(value=sum(breakdown.values()), records=records, breakdown=breakdown)


def _major_name(name: str | None) -> str:
    # the general track has no major: its key is the track's code, named by ``parts``
    return name or Track.GENERAL.value


GENERAL_PART = {Track.GENERAL.value: Track.GENERAL.label}


@figure(
    "students.enrolled_by_major",
    label=_("students on the rolls by major"),
    unit=Unit.COUNT,
    definition=_(
        "Students whose enrolment holds on the last day of the period, by major (the general "
        "track under its own name)."
    ),
    measure=Measure.PEOPLE,
    parts=GENERAL_PART,
)
def enrolled_by_major(scope: Scope, period: Period) -> FigureResult:
    return _by_name(open_on(scope, period.end), "major__name", _major_name)


@figure(
    "students.enrolled_by_grade",
    label=_("students on the rolls by grade"),
    unit=Unit.COUNT,
    definition=_(
        "Students whose enrolment holds on the last day of the period, by the year their class "
        "entered (年级), the year as its key."
    ),
    measure=Measure.PEOPLE,
)
def enrolled_by_grade(scope: Scope, period: Period) -> FigureResult:
    return _by_name(open_on(scope, period.end), "school_class__entry_year", str)


def _transfers_to(scope: Scope, period: Period, track: str) -> FigureResult:
    records = _done(scope, period, ChangeKind.TRACK).filter(to_class__track=track)
    return FigureResult(value=records.count(), records=records)


@figure(
    "students.to_vocational",
    label=_("transfers from the general to the vocational track"),
    unit=Unit.COUNT,
    definition=_("Track transfers into a vocational class carried out within the period."),
    measure=Measure.PEOPLE,
)
def to_vocational(scope: Scope, period: Period) -> FigureResult:
    return _transfers_to(scope, period, Track.VOCATIONAL)


@figure(
    "students.to_general",
    label=_("transfers from the vocational to the general track"),
    unit=Unit.COUNT,
    definition=_("Track transfers into a general class carried out within the period."),
    measure=Measure.PEOPLE,
)
def to_general(scope: Scope, period: Period) -> FigureResult:
    return _transfers_to(scope, period, Track.GENERAL)


def _count(scope: Scope, period: Period, kind: str) -> FigureResult:
    records = _done(scope, period, kind)
    return FigureResult(value=records.count(), records=records)


@figure(
    "students.major_changes",
    label=_("changes of major"),
    unit=Unit.COUNT,
    definition=_("Changes of major carried out within the period."),
    measure=Measure.PEOPLE,
)
def major_changes(scope: Scope, period: Period) -> FigureResult:
    return _count(scope, period, ChangeKind.MAJOR)


@figure(
    "students.length_changes",
    label=_("changes of length of schooling"),
    unit=Unit.COUNT,
    definition=_("Changes of the length of schooling (flexible schooling) within the period."),
    measure=Measure.PEOPLE,
)
def length_changes(scope: Scope, period: Period) -> FigureResult:
    return _count(scope, period, ChangeKind.LENGTH)


@figure(
    "students.suspensions",
    label=_("suspensions of study"),
    unit=Unit.COUNT,
    definition=_("Suspensions of study that took effect within the period."),
    measure=Measure.PEOPLE,
)
def suspensions(scope: Scope, period: Period) -> FigureResult:
    return _count(scope, period, ChangeKind.SUSPEND)


@figure(
    "students.withdrawals",
    label=_("withdrawals"),
    unit=Unit.COUNT,
    definition=_("Withdrawals (退学) that took effect within the period."),
    measure=Measure.PEOPLE,
)
def withdrawals(scope: Scope, period: Period) -> FigureResult:
    return _count(scope, period, ChangeKind.WITHDRAW)


@figure(
    "students.dropout_rate",
    label=_("drop-out rate"),
    unit=Unit.RATE,
    definition=_(
        "Withdrawals within the period divided by the students with an enrolment that held on "
        "any day of the period."
    ),
)
def dropout_rate(scope: Scope, period: Period) -> FigureResult:
    on_rolls = (
        Enrolment.objects.for_schools(scope.school_ids)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=period.start), starts_on__lte=period.end)
        .values("student")
        .distinct()
        .count()
    )
    left = _done(scope, period, ChangeKind.WITHDRAW)
    return FigureResult(value=left.count() / on_rolls if on_rolls else None, records=left)


@figure(
    "students.graduates",
    label=_("graduates"),
    unit=Unit.COUNT,
    definition=_("Students who graduated within the period, by the track they graduated from."),
    measure=Measure.PEOPLE,
    parts=TRACK_PARTS,
)
def graduates(scope: Scope, period: Period) -> FigureResult:
    closed = Enrolment.objects.for_schools(scope.school_ids).filter(
        closed_by__in=_done(scope, period, ChangeKind.GRADUATE)
    )
    return _by_track(closed, "track")


@figure(
    "students.graduates_by_major",
    label=_("graduates by major"),
    unit=Unit.COUNT,
    definition=_(
        "Students who graduated within the period, by the major they graduated in (the general "
        "track under its own name)."
    ),
    measure=Measure.PEOPLE,
    parts=GENERAL_PART,
)
def graduates_by_major(scope: Scope, period: Period) -> FigureResult:
    closed = Enrolment.objects.for_schools(scope.school_ids).filter(
        closed_by__in=_done(scope, period, ChangeKind.GRADUATE)
    )
    return _by_name(closed, "major__name", _major_name)


@figure(
    "students.graduates_to_college",
    label=_("graduates going on to a higher vocational college"),
    unit=Unit.COUNT,
    definition=_(
        "Graduates within the period of the 3+2 and 3+3 programmes, who continue at the partner "
        "college by the programme's design (other routes to higher study are counted from "
        "graduates' destinations)."
    ),
    measure=Measure.PEOPLE,
)
def graduates_to_college(scope: Scope, period: Period) -> FigureResult:
    closed = Enrolment.objects.for_schools(scope.school_ids).filter(
        closed_by__in=_done(scope, period, ChangeKind.GRADUATE),
        programme__in=JOINT_PROGRAMMES,
    )
    return FigureResult(value=closed.count(), records=closed)


@figure(
    "students.textbooks_in_use",
    label=_("school-compiled textbooks in use"),
    unit=Unit.COUNT,
    definition=_(
        "School-compiled textbooks approved for use (or retired since) that a class used in a "
        "term beginning within the period."
    ),
    measure=Measure.ITEMS,
)
def textbooks_in_use(scope: Scope, period: Period) -> FigureResult:
    records = textbooks.textbooks_in_use(scope.school_ids, period.start, period.end)
    return FigureResult(value=records.count(), records=records)
