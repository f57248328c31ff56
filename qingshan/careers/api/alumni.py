"""The alumni list (consent honoured) and the League branches under /api/v1/careers/."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from qingshan.careers.api.common import (
    VIEW,
    Shown,
    reads_personal,
    shown,
)
from qingshan.careers.selectors import alumni
from qingshan.core.api import Pages, api_school

router = Router()


# --- Alumni and League branches ----------------------------------------------------------------


class CareerAlumnusOut(Schema):
    id: int
    student_id: int
    name: str
    consented_on: dt.date
    city: str
    occupation: str
    phone: str
    notable: bool
    note: str


@router.get("/alumni/", response=list[CareerAlumnusOut], url_name="alumnus_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_alumni(request: HttpRequest, school: str | None = None, q: str = "") -> Any:
    """The alumni whose consent to be listed stands; ``q`` finds a name, city or occupation."""
    target = api_school(request, VIEW, school)
    rows = alumni.listed_at(target)
    if q:
        rows = rows.filter(
            Q(student__name__icontains=q) | Q(city__icontains=q) | Q(occupation__icontains=q)
        )
    personal = reads_personal(request, target)
    return Shown(
        rows.order_by("student__name", "pk"),
        lambda row: shown(CareerAlumnusOut, row, personal, name=row.student.name),
    )


class CareerLeagueBranchOut(Schema):
    id: int
    name: str
    region: str
    founded_on: dt.date
    secretary_id: int | None
    note: str
    member_count: int  # members who have not left
    archived_at: dt.datetime | None


@router.get("/league-branches/", response=list[CareerLeagueBranchOut], url_name="leaguebranch_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_league_branches(
    request: HttpRequest, school: str | None = None, archived: bool = False
) -> Any:
    """The League branches of graduates at work, with their current members' number."""
    target = api_school(request, VIEW, school)
    return (
        alumni.branches(target)
        .filter(archived_at__isnull=not archived)
        .order_by("region", "name", "pk")
    )
