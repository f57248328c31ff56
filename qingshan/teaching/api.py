"""The teacher-development part of /api/v1/: research groups, teacher profiles, lesson events,
training records and mentoring pairs (list, read, create, update); lesson observations and the
quota board of a term (read). A training created here is requested, as on the pages: its status
changes only through the decision on its page. Observations are read under the same rule as on
the pages (``selectors.observations``); they are scored on the pages, where a draft is kept."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from qingshan.core.api import Pages, api_school, crud_router
from qingshan.organization import selectors as organization
from qingshan.teaching.enums import ObservationKind
from qingshan.teaching.resources import BY_KEY
from qingshan.teaching.selectors import observations as selectors
from qingshan.teaching.selectors.board import quota_board

router = Router(tags=["teaching"])

# The party's groups are "group" in the API already: the research groups are "researchgroup".
API_RESOURCES = (
    replace(BY_KEY["group"], key="researchgroup"),
    BY_KEY["profile"],
    BY_KEY["lesson"],
    BY_KEY["training"],
    BY_KEY["mentorship"],
)

for _resource in API_RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission=_resource.view_permission,
            manage_permission=_resource.manage_permission,
            create=_resource.create,
            update=_resource.update,
        ),
    )


class ObservationScoreOut(Schema):
    item_id: int
    group: str
    text: str
    max_points: int
    points: Decimal

    @staticmethod
    def resolve_group(obj: Any) -> str:
        return str(obj.item.group)

    @staticmethod
    def resolve_text(obj: Any) -> str:
        return str(obj.item.text)

    @staticmethod
    def resolve_max_points(obj: Any) -> int:
        return int(obj.item.max_points)


class ObservationOut(Schema):
    id: int
    observer_id: int
    teacher_id: int
    term_id: int
    school_class_id: int | None
    subject: str
    observed_on: dt.date
    first_period: int | None
    periods: int
    topic: str
    kind: str
    venue: str
    place: str
    rubric_id: int
    status: str
    total: Decimal | None
    strengths: str
    suggestions: str
    follow_up_id: int | None
    deliberation_id: int | None
    reply: str
    replied_on: dt.date | None
    reviewed_on: dt.date | None
    review_level: str


class ObservationDetailOut(ObservationOut):
    scores: list[ObservationScoreOut]

    @staticmethod
    def resolve_scores(obj: Any) -> list[Any]:
        return list(obj.scores.select_related("item").order_by("item__position", "item_id"))


class QuotaBoardRowOut(Schema):
    staff_id: int
    name: str
    group: str
    quota: int | None
    periods: int
    behind: bool


class QuotaBoardOut(Schema):
    term_id: int
    meeting: int
    counted: int
    rows: list[QuotaBoardRowOut]


def _viewer(request: HttpRequest, school: str | None) -> tuple[Any, selectors.Viewer]:
    target = api_school(request, "teaching.observe", school)
    return target, selectors.Viewer.of(target, request.user)


@router.get("/observations/", response=list[ObservationOut], url_name="observation_list")
@paginate(Pages)
def list_observations(
    request: HttpRequest,
    school: str | None = None,
    term: int | None = None,
    kind: ObservationKind | None = None,
) -> Any:
    """The observations the caller may see, newest first."""
    target, viewer = _viewer(request, school)
    rows = selectors.observations(target, viewer)
    if term is not None:
        rows = rows.filter(term=term)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows


@router.get("/observations/{int:pk}/", response=ObservationDetailOut, url_name="observation_detail")
def read_observation(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target, viewer = _viewer(request, school)
    return get_object_or_404(selectors.observations(target, viewer), pk=pk)


@router.get("/board/", response=QuotaBoardOut, url_name="quota_board")
def read_board(request: HttpRequest, school: str | None = None, term: int | None = None) -> Any:
    """Each person's periods observed in the term against their group's quota (the current
    term when none is named, else the latest)."""
    target = api_school(request, "teaching.view", school)
    terms = organization.terms(target)
    chosen = (
        get_object_or_404(terms, pk=term)
        if term is not None
        else organization.current_term(school=target, day=timezone.localdate())
        or terms.order_by("-start_date").first()
    )
    if chosen is None:
        raise HttpError(404, _("The school has no term yet."))
    board = quota_board(target, chosen)
    return {
        "term_id": chosen.pk,
        "meeting": board.meeting,
        "counted": len(board.counted),
        "rows": [
            {
                "staff_id": row.staff.pk,
                "name": row.staff.name,
                "group": row.group.value,
                "quota": row.quota,
                "periods": row.periods,
                "behind": row.behind,
            }
            for row in board.rows
        ],
    }
