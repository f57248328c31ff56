"""Reads for the dashboard and the figures page, over the figure registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core import figure_store
from qingshan.core.figures import FigureResult, Period, Scope, registry
from qingshan.core.models import School
from qingshan.core.notices import notices_for
from qingshan.core.numbers import figure_text
from qingshan.evaluations.enums import FollowUpStatus
from qingshan.evaluations.models import FollowUp
from qingshan.organization.selectors import (
    assignments_of_user,
    class_of_user,
    working_day,
    working_year,
)
from qingshan.party.selectors.meetings import meeting_compliance
from qingshan.party.selectors.organisation import branch_of
from qingshan.party.selectors.recruitment import explained_exceptions, pipeline_board

KEY_FIGURES = (
    "organization.students",
    "organization.staff",
    "party.members",
    "trainings.trainees",
    "outreach.visits",
    "workplans.filed_on_time",
)
TREND_FIGURE = "organization.students"
TREND_YEARS = 5


def figure_table(*, scope: Scope, year: int) -> list[dict[str, Any]]:
    """Every figure of the registry for ``year`` (from the figure store): ``figure`` and its
    ``result`` (value and breakdown)."""
    period = Period.year(year)
    found = figure_store.values(scope, [period])
    return [{"figure": item, "result": found[(item.key, period)]} for item in registry]


def figure_records(
    *, school: School, key: str, year: int
) -> tuple[FigureResult, QuerySet[Any] | None]:
    """The school's figure ``key`` for ``year`` and the records behind it in id order (``None``
    for a figure that has no records); ``KeyError`` for a key the registry does not know."""
    result = registry.get(key).evaluate(Scope.of_school(school), Period.year(year))
    return result, result.records.order_by("pk") if result.records is not None else None


def party_panel(*, school: School, today: dt.date) -> dict[str, Any] | None:
    """What the branch secretary should act on: overdue recruitment steps, explained exceptions,
    meetings overdue this year."""

    branch = branch_of(school)
    if branch is None:
        return None
    board = pipeline_board(school=school, today=today)
    compliance = meeting_compliance(
        branch=branch, start=dt.date(today.year, 1, 1), end=dt.date(today.year, 12, 31), today=today
    )
    return {
        "overdue_steps": [row for row in board if row.overdue],
        "exceptions": list(explained_exceptions(school=school).select_related("recruit")[:5]),
        "overdue_meetings": [row for row in compliance if row.status == "overdue"],
    }


def open_follow_up_count(*, school: School) -> int:
    return FollowUp.objects.for_school(school).filter(status=FollowUpStatus.OPEN).count()


def dashboard_for(
    *,
    school: School,
    user: Any,
    roles: frozenset[str],
    year: int | None = None,
    trend_key: str | None = None,
) -> dict[str, Any]:
    year = year or working_year(school=school, day=timezone.localdate())
    scope = Scope.of_school(school)
    years = list(range(year - TREND_YEARS + 1, year + 1))
    trend = registry.get(trend_key if trend_key in KEY_FIGURES else TREND_FIGURE)
    found = figure_store.values(scope, [Period.year(year)], KEY_FIGURES)
    found |= figure_store.values(scope, [Period.year(item) for item in years], [trend.key])
    key_figures = []
    for key in KEY_FIGURES:
        figure = registry.get(key)
        value = found[(key, Period.year(year))].value
        key_figures.append({"figure": figure, "value": figure_text(value, figure.unit)})
    chart = {
        "color": ["#2f7d4f"],
        "animation": False,  # charts are printed and screenshotted; they must be whole at once
        "tooltip": {"renderMode": "richText"},
        "xAxis": {"type": "category", "data": [str(item) for item in years]},
        "yAxis": {"type": "value"},
        "series": [
            {
                "type": "bar",
                "name": str(trend.label),
                "data": [found[(trend.key, Period.year(item))].value for item in years],
            }
        ],
    }
    return {
        "year": year,
        "year_options": list(range(year - 6, max(year, timezone.localdate().year) + 1)),
        "key_figures": key_figures,
        "trend_chart": chart,
        "trend_label": trend.label,
        "trend_key": trend.key,
        "trend_options": [registry.get(key) for key in KEY_FIGURES],
        "notices": notices_for(school=school, user=user, day=timezone.localdate()),
        "my_assignments": assignments_of_user(school=school, user=user)
        if Role.TEACHER in roles
        else [],
        "my_class": class_of_user(school=school, user=user) if Role.STUDENT in roles else None,
        "open_follow_ups": open_follow_up_count(school=school)
        if user.has_perm("evaluations.manage", school)
        else None,
        "party": party_panel(
            school=school, today=working_day(school=school, day=timezone.localdate())
        )
        if user.has_perm("party.view", school)
        else None,
    }
