"""Figures of the short-term training for the annual summary (DESIGN §5).

A trainee's place in a cohort counts in the year the cohort ended. Rates expose their numerator
and denominator in the breakdown so that a county roll-up recomputes them from counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figure_store import per_evaluation
from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.trainings.models import Course, Enrolment
from qingshan.trainings.selectors import (
    MONTHS_A_YEAR,
    Rates,
    counted_enrolments,
    rates_of,
    with_outcomes,
)

if TYPE_CHECKING:
    from qingshan.trainings.selectors import EnrolmentWithOutcomes, Rates


def _bound(scope: Scope) -> list[int] | None:
    """The school whose certificates and follow-ups alone are read, for one school's figures.
    Measured on PostgreSQL: one school's figure then reads that school's rows instead of every
    school's; a county's is faster unbounded."""
    return scope.school_ids if len(scope.schools) == 1 else None


def _enrolments(scope: Scope, period: Period) -> QuerySet[Enrolment]:
    return counted_enrolments(schools=scope.school_ids, start=period.start, end=period.end)


@per_evaluation
def _rates(scope: Scope, period: Period) -> Rates:
    """The rates of the scope's enrolments of the period: one query, shared by the figures."""
    return rates_of(_enrolments(scope, period), schools=_bound(scope))


@figure(
    "trainings.courses",
    label=_("training courses held"),
    unit=Unit.COUNT,
    definition=_("Courses (not archived) that ended within the period."),
    measure=Measure.COURSES,
)
def courses(scope: Scope, period: Period) -> FigureResult:
    records = (
        Course.objects.for_schools(scope.school_ids)
        .active()
        .filter(end_on__gte=period.start, end_on__lte=period.end)
    )
    return FigureResult(value=records.count(), records=records)


@figure(
    "trainings.trainees",
    label=_("trainees"),
    unit=Unit.COUNT,
    definition=_(
        "Places of trainees in cohorts that ended within the period (a person trained twice "
        "counts twice); the breakdown gives the number of different people."
    ),
    measure=Measure.PERSON_TIMES,
    parts={"enrolments": _("places in cohorts"), "people": _("different people")},
)
def trainees(scope: Scope, period: Period) -> FigureResult:
    records = _enrolments(scope, period)
    rates = _rates(scope, period)
    return FigureResult(
        value=rates.enrolments,
        records=records,
        breakdown={"enrolments": rates.enrolments, "people": rates.people},
    )


def _rate(numerator: int, denominator: int, value: float | None, records: object) -> FigureResult:
    return FigureResult(
        value=value,
        records=records,  # type: ignore[arg-type]
        breakdown={"numerator": numerator, "denominator": denominator},
    )


@figure(
    "trainings.completed_share",
    label=_("share of trainees who completed the course"),
    unit=Unit.RATE,
    definition=_("Places completed ÷ places, of cohorts that ended within the period."),
)
def completed_share(scope: Scope, period: Period) -> FigureResult:
    records = _enrolments(scope, period)
    rates = _rates(scope, period)
    return _rate(rates.completed, rates.enrolments, rates.completion_share, records)


@figure(
    "trainings.certified_share",
    label=_("share of trainees certified"),
    unit=Unit.RATE,
    definition=_(
        "Completed places holding at least one certificate ÷ completed places, of cohorts that "
        "ended within the period."
    ),
)
def certified_share(scope: Scope, period: Period) -> FigureResult:
    records = _enrolments(scope, period)
    rates = _rates(scope, period)
    return _rate(
        rates.certified, rates.completed, rates.certified_share, records.filter(completed=True)
    )


@figure(
    "trainings.employed_share",
    label=_("share of trainees employed"),
    unit=Unit.RATE,
    definition=_(
        "Places whose latest follow-up says employed ÷ places followed up at least once, of "
        "cohorts that ended within the period; trainees never reached are not counted."
    ),
)
def employed_share(scope: Scope, period: Period) -> FigureResult:
    records = with_outcomes(_enrolments(scope, period), schools=_bound(scope)).filter(
        followed_up=True
    )
    rates = _rates(scope, period)
    return _rate(rates.employed, rates.followed_up, rates.employed_share, records)


def _employed_with_income(scope: Scope, period: Period) -> QuerySet[EnrolmentWithOutcomes]:
    return with_outcomes(_enrolments(scope, period), schools=_bound(scope)).filter(
        last_employed=True, last_income__isnull=False
    )


@figure(
    "trainings.mean_income",
    label=_("mean monthly income after employment"),
    unit=Unit.YUAN,
    definition=_(
        "Mean of the monthly income at the latest follow-up, over places employed then with an "
        "income recorded, of cohorts that ended within the period."
    ),
    parts={"incomes": _("incomes recorded"), "total": _("sum of the incomes")},
)
def mean_income(scope: Scope, period: Period) -> FigureResult:
    rates = _rates(scope, period)
    return FigureResult(
        value=rates.mean_income,
        records=_employed_with_income(scope, period),
        breakdown={"incomes": len(rates.incomes), "total": float(sum(rates.incomes))},
    )


@figure(
    "trainings.median_income",
    label=_("median monthly income after employment"),
    unit=Unit.YUAN,
    definition=_(
        "Median of the monthly income at the latest follow-up, over places employed then with "
        "an income recorded, of cohorts that ended within the period."
    ),
    parts={"incomes": _("incomes recorded")},
)
def median_income(scope: Scope, period: Period) -> FigureResult:
    rates = _rates(scope, period)
    return FigureResult(
        value=rates.median_income,
        records=_employed_with_income(scope, period),
        breakdown={"incomes": len(rates.incomes)},
    )


@figure(
    "trainings.economic_benefit",
    label=_("estimated economic benefit of the training"),
    unit=Unit.YUAN,
    definition=_(
        "Estimate: trainees employed at their latest follow-up × mean monthly income × 12 "
        "months, for cohorts that ended within the period."
    ),
    parts={
        "employed": _("employed"),
        "mean_income": _("mean monthly income"),
        "months": _("months"),
    },
)
def economic_benefit(scope: Scope, period: Period) -> FigureResult:
    rates = _rates(scope, period)
    return FigureResult(
        value=rates.economic_benefit,
        records=with_outcomes(_enrolments(scope, period), schools=_bound(scope)).filter(
            last_employed=True
        ),
        breakdown={
            "employed": rates.employed,
            "mean_income": float(rates.mean_income or 0),
            "months": MONTHS_A_YEAR,
        },
    )
