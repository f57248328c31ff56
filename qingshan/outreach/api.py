"""The outreach part of /api/v1/: visits, materials, problems, practical things, bases,
households and households served (list, read, create, update), and the totals by township."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from qingshan.core.api import Year, api_school, crud_router
from qingshan.outreach import selectors
from qingshan.outreach.resources import RESOURCES

router = Router(tags=["outreach"])

for _resource in RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission="outreach.view",
            manage_permission="outreach.manage",
            create=_resource.create,
            update=_resource.update,
        ),
    )


class TownshipTotalsOut(Schema):
    township: str
    visits: int
    leaflets: int
    problems_solved: int
    practical_things: int
    households: int
    bases: int


@router.get("/totals/", response=list[TownshipTotalsOut], url_name="outreach_totals")
def totals(request: HttpRequest, year: Year, school: str | None = None) -> Any:
    target = api_school(request, "outreach.view", school)
    rows = selectors.totals_by_township(target, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return [
        {
            "township": township,
            "visits": item.visits,
            "leaflets": item.leaflets,
            "problems_solved": item.problems_solved,
            "practical_things": item.practical_things,
            "households": item.households,
            "bases": item.bases,
        }
        for township, item in rows
    ]
