"""Figures of the organisation: head counts on the last day of the period, by term as breakdown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Period, Scope, Unit, figure
from qingshan.organization import selectors

Counter = Callable[..., QuerySet[Any]]


def _head_count(counter: Counter, scope: Scope, period: Period) -> FigureResult:
    records = counter(schools=scope.school_ids, day=period.end)
    breakdown = {
        str(term): counter(schools=scope.school_ids, day=term.end_date).count()
        for term in selectors.terms_in(schools=scope.school_ids, start=period.start, end=period.end)
        if len(scope.schools) == 1
    }
    return FigureResult(value=records.count(), records=records, breakdown=breakdown)


@figure(
    "organization.staff",
    label=_("staff"),
    unit=Unit.COUNT,
    definition=_("Staff on the rolls on the last day of the period."),
)
def staff(scope: Scope, period: Period) -> FigureResult:
    return _head_count(selectors.staff_on, scope, period)


@figure(
    "organization.students",
    label=_("students"),
    unit=Unit.COUNT,
    definition=_("Students enrolled on the last day of the period."),
)
def students(scope: Scope, period: Period) -> FigureResult:
    return _head_count(selectors.students_on, scope, period)


@figure(
    "organization.classes",
    label=_("classes"),
    unit=Unit.COUNT,
    definition=_("Classes with students enrolled on the last day of the period."),
)
def classes(scope: Scope, period: Period) -> FigureResult:
    return _head_count(selectors.classes_on, scope, period)


@figure(
    "organization.majors",
    label=_("majors"),
    unit=Unit.COUNT,
    definition=_("Majors with at least one class that has students on the last day of the period."),
)
def majors(scope: Scope, period: Period) -> FigureResult:
    return _head_count(selectors.majors_on, scope, period)
