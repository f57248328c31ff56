"""Reads for the dashboard and the figures page, over the figure registry."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.figures import Period, Scope, Unit, registry
from qingshan.organization.models import School
from qingshan.organization.selectors import assignments_of_user, class_of_user, latest_school_year

KEY_FIGURES = (
    "organization.students",
    "organization.staff",
    "organization.classes",
    "organization.majors",
)
TREND_FIGURE = "organization.students"
TREND_YEARS = 5


def figure_table(*, scope: Scope, year: int) -> list[dict[str, Any]]:
    period = Period.year(year)
    return [
        {
            "figure": item,
            "result": item.evaluate(scope, period),
            "unit_label": Unit.LABELS[item.unit],
        }
        for item in registry
    ]


def dashboard_for(
    *, school: School, user: Any, roles: frozenset[str], year: int | None = None
) -> dict[str, Any]:
    year = year or latest_school_year(school=school, today=timezone.localdate())
    scope = Scope.of_school(school)
    key_figures = [
        {
            "figure": registry.get(key),
            "value": registry.get(key).evaluate(scope, Period.year(year)).value,
        }
        for key in KEY_FIGURES
    ]
    years = list(range(year - TREND_YEARS + 1, year + 1))
    trend = registry.get(TREND_FIGURE)
    chart = {
        "color": ["#2f7d4f"],
        "tooltip": {"renderMode": "richText"},
        "xAxis": {"type": "category", "data": [str(item) for item in years]},
        "yAxis": {"type": "value"},
        "series": [
            {
                "type": "bar",
                "name": str(trend.label),
                "data": [trend.evaluate(scope, Period.year(item)).value for item in years],
            }
        ],
    }
    return {
        "year": year,
        "year_options": list(range(year - 6, max(year, timezone.localdate().year) + 1)),
        "key_figures": key_figures,
        "trend_chart": chart,
        "trend_label": trend.label,
        "my_assignments": assignments_of_user(school=school, user=user)
        if Role.TEACHER in roles
        else [],
        "my_class": class_of_user(school=school, user=user) if Role.STUDENT in roles else None,
    }
