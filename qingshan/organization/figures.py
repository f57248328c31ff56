"""Figures of the organisation: head counts on the last day of the period, by term as breakdown.

Each figure is one aggregate query (the value and every term's count together) plus the query
for the period's terms; the records behind the value are a lazy queryset.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.organization import selectors
from qingshan.organization.models import Staff, Student


def _enrolled(day: dt.date) -> Q:
    return Q(enrolled_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gte=day))


def _employed(day: dt.date) -> Q:
    return Q(hired_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gte=day))


def _head_count(
    *,
    scope: Scope,
    period: Period,
    rows: QuerySet[Any],
    on: Callable[[dt.date], Q],
    counted: str,
    records: QuerySet[Any],
) -> FigureResult:
    """Count ``counted`` (distinct) among ``rows`` that are ``on`` the period's last day and, for
    one school, on the last day of each of its terms in the period — in one query."""
    terms = (
        list(selectors.terms_in(schools=scope.school_ids, start=period.start, end=period.end))
        if len(scope.schools) == 1
        else []
    )
    days = {"value": period.end} | {f"term{term.pk}": term.end_date for term in terms}
    counts = rows.aggregate(
        **{key: Count(counted, distinct=True, filter=on(day)) for key, day in days.items()}
    )
    breakdown = {str(term): counts[f"term{term.pk}"] for term in terms}
    return FigureResult(value=counts["value"], records=records, breakdown=breakdown)


@figure(
    "organization.staff",
    label=_("staff"),
    unit=Unit.COUNT,
    definition=_("Staff on the rolls on the last day of the period."),
    measure=Measure.PEOPLE,
)
def staff(scope: Scope, period: Period) -> FigureResult:
    return _head_count(
        scope=scope,
        period=period,
        rows=Staff.objects.for_schools(scope.school_ids),
        on=_employed,
        counted="pk",
        records=selectors.staff_on(schools=scope.school_ids, day=period.end),
    )


@figure(
    "organization.students",
    label=_("students"),
    unit=Unit.COUNT,
    definition=_("Students enrolled on the last day of the period."),
    measure=Measure.PEOPLE,
)
def students(scope: Scope, period: Period) -> FigureResult:
    return _head_count(
        scope=scope,
        period=period,
        rows=Student.objects.for_schools(scope.school_ids),
        on=_enrolled,
        counted="pk",
        records=selectors.students_on(schools=scope.school_ids, day=period.end),
    )


@figure(
    "organization.classes",
    label=_("classes"),
    unit=Unit.COUNT,
    definition=_("Classes with students enrolled on the last day of the period."),
    measure=Measure.UNITS,
)
def classes(scope: Scope, period: Period) -> FigureResult:
    return _head_count(
        scope=scope,
        period=period,
        rows=Student.objects.for_schools(scope.school_ids),
        on=_enrolled,
        counted="school_class",
        records=selectors.classes_on(schools=scope.school_ids, day=period.end),
    )


@figure(
    "organization.majors",
    label=_("majors"),
    unit=Unit.COUNT,
    definition=_("Majors with at least one class that has students on the last day of the period."),
    measure=Measure.UNITS,
)
def majors(scope: Scope, period: Period) -> FigureResult:
    return _head_count(
        scope=scope,
        period=period,
        rows=Student.objects.for_schools(scope.school_ids),
        on=_enrolled,
        counted="school_class__major",
        records=selectors.majors_on(schools=scope.school_ids, day=period.end),
    )
