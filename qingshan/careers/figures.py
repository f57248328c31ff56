"""Figures of careers for the annual summary, each counted from the records it lists: graduates'
destinations (by graduation date), order classes, agreements in force, League branches and the
alumni list. The rates follow the national statistics' definitions (``selectors.rates``)."""

from __future__ import annotations

import datetime as dt
import statistics

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.careers.enums import EMPLOYED_KINDS, WORKING_KINDS, Channel, DestinationKind
from qingshan.careers.models import (
    Alumnus,
    BranchFeedback,
    BranchMember,
    Destination,
    Enterprise,
    LeagueBranch,
    OrderClass,
)
from qingshan.careers.selectors.rates import (
    EMPLOYMENT_DEFINITION,
    MATCHING_DEFINITION,
    graduates_destinations,
    rates_by_major,
)
from qingshan.careers.selectors.register import in_force
from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.organization.models import Student

SERIES_YEARS = 5
PLACED_CHANNELS = (Channel.SCHOOL, Channel.ORDER_CLASS)


@figure(
    "careers.employment_rate",
    label=_("employment rate of graduates"),
    unit=Unit.RATE,
    definition=EMPLOYMENT_DEFINITION,
)
def employment_rate(scope: Scope, period: Period) -> FigureResult:
    found = rates_by_major(scope.school_ids, period.start, period.end)
    total = found.get("")
    employed = graduates_destinations(scope.school_ids, period.start, period.end).filter(
        kind__in=EMPLOYED_KINDS
    )
    return FigureResult(
        value=total.employment_rate if total else None,
        records=employed,
        breakdown={
            major: round(rates.employment_rate or 0, 4)
            for major, rates in sorted(found.items())
            if major
        }
        | ({"numerator": total.employed, "denominator": total.graduates} if total else {}),
    )


@figure(
    "careers.matching_rate",
    label=_("matching rate of graduates' jobs"),
    unit=Unit.RATE,
    definition=MATCHING_DEFINITION,
)
def matching_rate(scope: Scope, period: Period) -> FigureResult:
    found = rates_by_major(scope.school_ids, period.start, period.end)
    total = found.get("")
    matching = graduates_destinations(scope.school_ids, period.start, period.end).filter(
        kind__in=WORKING_KINDS, matches_major=True, student__school_class__major__isnull=False
    )
    return FigureResult(
        value=total.matching_rate if total else None,
        records=matching,
        breakdown={
            major: round(rates.matching_rate or 0, 4)
            for major, rates in sorted(found.items())
            if major and rates.working
        }
        | ({"numerator": total.matching, "denominator": total.working} if total else {}),
    )


@figure(
    "careers.employment_rate_lowest_of_five_years",
    label=_("lowest yearly employment rate of the last five years"),
    unit=Unit.RATE,
    definition=_(
        "The employment rate of each of the five graduation years ending with the period's year, "
        "as defined for the employment rate; the value is the lowest of the five, the breakdown "
        "gives each year's."
    ),
)
def employment_rate_five_years(scope: Scope, period: Period) -> FigureResult:
    last = period.end.year
    series: dict[str, float] = {}
    for year in range(last - SERIES_YEARS + 1, last + 1):
        total = rates_by_major(scope.school_ids, dt.date(year, 1, 1), dt.date(year, 12, 31)).get("")
        if total is not None and total.employment_rate is not None:
            series[str(year)] = round(total.employment_rate, 4)
    first = dt.date(last - SERIES_YEARS + 1, 1, 1)
    employed = graduates_destinations(scope.school_ids, first, period.end).filter(
        kind__in=EMPLOYED_KINDS
    )
    full = len(series) == SERIES_YEARS
    return FigureResult(
        value=min(series.values()) if full else None, records=employed, breakdown=series
    )


def _two_years(period: Period) -> tuple[dt.date, dt.date]:
    return dt.date(period.end.year - 1, 1, 1), period.end


def _placed(scope: Scope, period: Period) -> QuerySet[Destination]:
    start, end = _two_years(period)
    return graduates_destinations(scope.school_ids, start, end).filter(
        channel__in=PLACED_CHANNELS, kind__in=WORKING_KINDS
    )


@figure(
    "careers.placed_two_years",
    label=_("graduates placed by the school in the last two years"),
    unit=Unit.COUNT,
    definition=_(
        "Graduates of the period's year and the year before in direct employment whose place "
        "came through the school's recommendation or an order class."
    ),
    measure=Measure.PEOPLE,
)
def placed_two_years(scope: Scope, period: Period) -> FigureResult:
    placed = _placed(scope, period)
    return FigureResult(value=placed.count(), records=placed)


def _salaries(scope: Scope, period: Period) -> tuple[list[int], QuerySet[Destination]]:
    placed = _placed(scope, period).filter(starting_salary__isnull=False)
    salaries = [value for value in placed.values_list("starting_salary", flat=True) if value]
    return salaries, placed


@figure(
    "careers.starting_salary_mean",
    label=_("mean starting salary of graduates placed by the school"),
    unit=Unit.YUAN,
    parts={"salaries": _("starting salaries recorded")},
    definition=_(
        "The mean starting monthly salary of the graduates placed by the school in the last two "
        "years whose starting salary is recorded, in yuan, rounded to the yuan."
    ),
)
def starting_salary_mean(scope: Scope, period: Period) -> FigureResult:
    salaries, records = _salaries(scope, period)
    value = round(statistics.fmean(salaries)) if salaries else None
    return FigureResult(value=value, records=records, breakdown={"salaries": len(salaries)})


@figure(
    "careers.starting_salary_median",
    label=_("median starting salary of graduates placed by the school"),
    unit=Unit.YUAN,
    parts={"salaries": _("starting salaries recorded")},
    definition=_(
        "The median starting monthly salary of the graduates placed by the school in the last "
        "two years whose starting salary is recorded, in yuan."
    ),
)
def starting_salary_median(scope: Scope, period: Period) -> FigureResult:
    salaries, records = _salaries(scope, period)
    value = round(statistics.median(salaries)) if salaries else None
    return FigureResult(value=value, records=records, breakdown={"salaries": len(salaries)})


@figure(
    "careers.abroad",
    label=_("graduates working abroad"),
    unit=Unit.COUNT,
    definition=_("Graduates of the period whose destination is work abroad."),
    measure=Measure.PEOPLE,
)
def abroad(scope: Scope, period: Period) -> FigureResult:
    found = graduates_destinations(scope.school_ids, period.start, period.end).filter(
        kind=DestinationKind.ABROAD
    )
    return FigureResult(value=found.count(), records=found)


@figure(
    "careers.partners",
    label=_("partner enterprises with long-term agreements"),
    unit=Unit.COUNT,
    definition=_(
        "Enterprises with a long-term cooperation agreement in force on the last day of the period."
    ),
    measure=Measure.UNITS,
)
def partners(scope: Scope, period: Period) -> FigureResult:
    found = Enterprise.objects.for_schools(scope.school_ids).filter(
        pk__in=in_force(scope.school_ids, period.end).values("enterprise")
    )
    return FigureResult(value=found.count(), records=found)


def _order_classes_by(scope: Scope, day: dt.date) -> QuerySet[OrderClass]:
    return OrderClass.objects.for_schools(scope.school_ids).active().filter(starts_on__lte=day)


@figure(
    "careers.order_classes",
    label=_("order classes running"),
    unit=Unit.COUNT,
    definition=_("Order classes whose training runs on any day of the period."),
    measure=Measure.UNITS,
)
def order_classes(scope: Scope, period: Period) -> FigureResult:
    found = _order_classes_by(scope, period.end).filter(ends_on__gte=period.start)
    return FigureResult(value=found.count(), records=found)


def _trained(scope: Scope, period: Period) -> QuerySet[Student]:
    return Student.objects.filter(order_classes__in=_order_classes_by(scope, period.end)).distinct()


@figure(
    "careers.order_trained",
    label=_("students trained in order classes, all years"),
    unit=Unit.COUNT,
    definition=_(
        "Students of every order class begun by the last day of the period, each counted once."
    ),
    measure=Measure.PEOPLE,
)
def order_trained(scope: Scope, period: Period) -> FigureResult:
    found = _trained(scope, period)
    return FigureResult(value=found.count(), records=found)


@figure(
    "careers.order_hired",
    label=_("order-class students hired by their company"),
    unit=Unit.COUNT,
    definition=_(
        "Graduates placed through an order class begun by the last day of the period, or "
        "working for the company of an order class they were trained in."
    ),
    measure=Measure.PEOPLE,
)
def order_hired(scope: Scope, period: Period) -> FigureResult:
    found = (
        Destination.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            # placed through the company's order class, or (one join) working for the company
            # of an order class they were trained in
            Q(order_class__in=_order_classes_by(scope, period.end))
            | Q(
                student__order_classes__in=_order_classes_by(scope, period.end),
                student__order_classes__enterprise=F("enterprise"),
            )
        )
        .distinct()
    )
    return FigureResult(value=found.count(), records=found)


def _branches_by(scope: Scope, day: dt.date) -> QuerySet[LeagueBranch]:
    return LeagueBranch.objects.for_schools(scope.school_ids).active().filter(founded_on__lte=day)


@figure(
    "careers.league_branches",
    label=_("League branches of graduates at work"),
    unit=Unit.COUNT,
    definition=_("Branches founded by the last day of the period and not closed."),
    measure=Measure.UNITS,
)
def league_branches(scope: Scope, period: Period) -> FigureResult:
    found = _branches_by(scope, period.end)
    return FigureResult(
        value=found.count(),
        records=found,
        breakdown=dict(
            found.values_list("region").annotate(n=Count("pk")).values_list("region", "n")
        ),
    )


@figure(
    "careers.branch_members",
    label=_("members of the League branches of graduates"),
    unit=Unit.COUNT,
    definition=_("Members of those branches on the last day of the period."),
    measure=Measure.PEOPLE,
)
def branch_members(scope: Scope, period: Period) -> FigureResult:
    day = period.end
    found = BranchMember.objects.filter(
        branch__in=_branches_by(scope, day), joined_on__lte=day
    ).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
    return FigureResult(value=found.count(), records=found)


@figure(
    "careers.feedback_changes",
    label=_("branch feedback that changed a partner agreement"),
    unit=Unit.COUNT,
    definition=_(
        "Feedback from the League branches received within the period that led the school to "
        "change an agreement with a partner."
    ),
    measure=Measure.TIMES,
)
def feedback_changes(scope: Scope, period: Period) -> FigureResult:
    found = BranchFeedback.objects.for_schools(scope.school_ids).filter(
        agreement__isnull=False, received_on__gte=period.start, received_on__lte=period.end
    )
    return FigureResult(value=found.count(), records=found)


@figure(
    "careers.alumni_listed",
    label=_("alumni listed"),
    unit=Unit.COUNT,
    definition=_(
        "Graduates who had agreed to be listed among the alumni by the last day of the period and "
        "had not withdrawn their consent by then."
    ),
    measure=Measure.PEOPLE,
)
def alumni_listed(scope: Scope, period: Period) -> FigureResult:
    day = period.end
    found = (
        Alumnus.objects.for_schools(scope.school_ids)
        .active()
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day), consented_on__lte=day)
    )
    return FigureResult(value=found.count(), records=found)
