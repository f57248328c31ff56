"""The trainings part of /api/v1/: courses, cohorts, trainees, enrolments, certificates and
follow-ups (list, read, create, update), and the rates by course, year or township.

Trainees' personal data is read through the API only by those with personal-data rights."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from qingshan.core.api import Year, api_school, crud_router
from qingshan.trainings import selectors
from qingshan.trainings.enums import RateGrouping
from qingshan.trainings.resources import RESOURCES

router = Router(tags=["trainings"])

for _resource in RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission=(
                "trainings.view_personal" if _resource.key == "trainee" else "trainings.view"
            ),
            manage_permission="trainings.manage",
            create=_resource.create,
            update=_resource.update,
        ),
    )


class RatesOut(Schema):
    group: str
    enrolments: int
    people: int
    completed: int
    certified: int
    followed_up: int
    employed: int
    completion_share: float | None
    certified_share: float | None
    employed_share: float | None
    mean_income: Decimal | None
    median_income: Decimal | None


@router.get("/rates/", response=list[RatesOut], url_name="training_rates")
def rates(
    request: HttpRequest, by: str = "course", year: Year | None = None, school: str | None = None
) -> Any:
    target = api_school(request, "trainings.view", school)
    rows = selectors.counted_enrolments(schools=[target.pk])
    if year is not None:
        rows = rows.filter(cohort__end_on__year=year)
    grouping = by if by in RateGrouping.values else RateGrouping.COURSE
    return [
        {
            "group": str(key),
            **{
                name: getattr(rates, name)
                for name in (
                    "enrolments",
                    "people",
                    "completed",
                    "certified",
                    "followed_up",
                    "employed",
                    "completion_share",
                    "certified_share",
                    "employed_share",
                    "mean_income",
                    "median_income",
                )
            },
        }
        for key, rates in selectors.rates_by(rows, grouping)
    ]
