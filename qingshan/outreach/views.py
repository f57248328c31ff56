"""The outreach totals by township and by year, with a chart of the townships."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.outreach import selectors


def _chart(rows: list[tuple[str, Any]]) -> dict[str, Any]:
    """An ECharts bar chart of the townships (no map tiles: a bar per township)."""
    names = [township for township, _totals in rows]
    series = [
        (_("visits"), "visits"),
        (_("problems solved"), "problems_solved"),
        (_("practical things"), "practical_things"),
        (_("households served"), "households"),
        (_("bases"), "bases"),
    ]
    return {
        "animation": False,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 80, "right": 16, "top": 48, "bottom": 24},
        "xAxis": {"type": "value"},
        "yAxis": {"type": "category", "data": names, "inverse": True},
        "series": [
            {
                "name": label,
                "type": "bar",
                "stack": "total",
                "data": [getattr(totals, key) for _township, totals in rows],
            }
            for label, key in series
        ],
    }


@login_required
def totals(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "outreach.view")
    by_year = selectors.totals_by_year(school)
    latest = by_year[0][0] if by_year else timezone.localdate().year
    year = year_param(request, latest)
    by_township = selectors.totals_by_township(school, dt.date(year, 1, 1), dt.date(year, 12, 31))
    context = {
        "year": year,
        "years": [row_year for row_year, _totals in by_year] or [year],
        "by_township": by_township,
        "by_year": by_year,
        "chart": _chart(by_township),
        "can_import": may_write(request, "outreach.manage", school),
    }
    return render(request, "outreach/totals.html", context)
