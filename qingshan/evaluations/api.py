"""/api/v1/evaluations/: instruments, campaigns (with transitions), tokens, participation, results.

Results come only from ``selectors.results`` and only to whom ``may_see_results`` allows; a target
below the minimum of raters carries no numbers."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages, api_school
from qingshan.evaluations.enums import CampaignStatus
from qingshan.evaluations.selectors import campaigns as selectors
from qingshan.evaluations.selectors import results
from qingshan.evaluations.services import campaigns as services
from qingshan.evaluations.views.manage import ACTIONS
from qingshan.organization import selectors as organization

router = Router(tags=["evaluations"])


class QuestionOut(Schema):
    id: int
    order: int
    kind: str
    text: str
    text_en: str
    scale_max: int
    labels: list[dict[str, str]]
    options: list[dict[str, str]]
    visibility: str


class InstrumentOut(Schema):
    id: int
    kind: str
    name: str
    name_en: str
    min_raters: int
    threshold: float
    questions: list[QuestionOut]

    @staticmethod
    def resolve_questions(obj: Any) -> list[Any]:
        return list(obj.questions.all())


class CampaignOut(Schema):
    id: int
    name: str
    instrument_id: int
    term_id: int
    status: int
    opens_at: dt.datetime
    closes_at: dt.datetime


class CampaignIn(Schema):
    instrument_id: int
    term_id: int
    name: str
    opens_at: dt.datetime
    closes_at: dt.datetime
    public_tokens: int = 0


class TokenOut(Schema):
    id: int
    key: str
    rater_kind: str
    label: str
    school_class_id: int | None


class ParticipationOut(Schema):
    rater_kind: str
    invited: int
    responded: int


class TargetResultOut(Schema):
    target_id: int
    label: str
    raters: int
    invited: int
    shown: bool
    overall_mean: float | None


def _managed_campaign(request: HttpRequest, pk: int, school: str | None) -> Any:
    """The campaign ``pk`` of the school the caller manages (404 for another school's)."""
    return get_object_or_404(
        selectors.campaigns_by_opening(api_school(request, "evaluations.manage", school)), pk=pk
    )


@router.get("/instruments/", response=list[InstrumentOut], url_name="instrument_list")
def instruments(request: HttpRequest, school: str | None = None) -> Any:
    return selectors.instruments_with_questions(api_school(request, "evaluations.view", school))


@router.get("/campaigns/", response=list[CampaignOut], url_name="campaign_list")
@paginate(Pages)
def campaign_list(request: HttpRequest, school: str | None = None) -> Any:
    return selectors.campaigns_by_opening(api_school(request, "evaluations.view", school))


@router.post("/campaigns/", response={201: CampaignOut}, url_name="campaign_create")
def campaign_create(request: HttpRequest, payload: CampaignIn, school: str | None = None) -> Any:
    target = api_school(request, "evaluations.manage", school)
    instrument = get_object_or_404(selectors.instruments(target), pk=payload.instrument_id)
    term = get_object_or_404(organization.terms(target), pk=payload.term_id)
    data = payload.dict(exclude={"instrument_id", "term_id"})
    return Status(
        201, services.create_campaign(school=target, instrument=instrument, term=term, **data)
    )


@router.get("/campaigns/{int:pk}/", response=CampaignOut, url_name="campaign_detail")
def campaign_detail(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(
        selectors.campaigns_by_opening(api_school(request, "evaluations.view", school)), pk=pk
    )


@router.post(
    "/campaigns/{int:pk}/transitions/{action}/", response=CampaignOut, url_name="campaign_action"
)
def campaign_action(request: HttpRequest, pk: int, action: str, school: str | None = None) -> Any:
    campaign = _managed_campaign(request, pk, school)
    if action not in ACTIONS:
        raise Http404
    return ACTIONS[action](campaign=campaign, actor=request.user)


@router.get("/campaigns/{int:pk}/tokens/", response=list[TokenOut], url_name="campaign_tokens")
@paginate(Pages)
def campaign_tokens(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return selectors.tokens(_managed_campaign(request, pk, school))


@router.get(
    "/campaigns/{int:pk}/participation/",
    response=list[ParticipationOut],
    url_name="campaign_participation",
)
def campaign_participation(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return selectors.participation_by_kind(_managed_campaign(request, pk, school))


@router.get(
    "/campaigns/{int:pk}/results/", response=list[TargetResultOut], url_name="campaign_results"
)
def campaign_results(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    campaign = _managed_campaign(request, pk, school)
    if campaign.status < CampaignStatus.CLOSED:
        raise PermissionDenied
    return [
        {
            "target_id": row.target.pk,
            "label": row.target.label,
            "raters": row.raters,
            "invited": row.invited,
            "shown": row.shown,
            "overall_mean": float(row.overall_mean)
            if row.shown and row.overall_mean is not None
            else None,
        }
        for row in results.campaign_results(campaign=campaign)
    ]
