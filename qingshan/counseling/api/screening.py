"""Scales, screening campaigns and their alerts under /api/v1/counseling/ (``counseling.screen``).

Invariants: nothing here returns an answer, a sealed value or a link's key; a campaign is
created, opened and closed only through ``services.screening``, an alert followed up only
through ``services.screening.follow_up`` (once), by the caller's staff record.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages
from qingshan.core.api_rows import Shown, named, values_of
from qingshan.core.models import School
from qingshan.counseling.api.common import CASES, SCREEN, acting_staff, school_of
from qingshan.counseling.enums import CampaignState, FollowUp
from qingshan.counseling.models import Alert, Campaign, Scale
from qingshan.counseling.selectors import cases as case_selectors
from qingshan.counseling.selectors import scales, screening
from qingshan.counseling.services import screening as screening_services
from qingshan.organization import selectors as organization

router = Router()

Days = Annotated[int, Field(ge=0, le=365)]


# --- Scales ------------------------------------------------------------------------------------


class CounselingScaleOut(Schema):
    id: int
    code: str
    version: int
    name: str
    option_min: int
    option_max: int
    scoring: str
    age_min: int | None
    age_max: int | None
    archived_at: dt.datetime | None


class CounselingFactorOut(Schema):
    id: int
    code: str
    name: str
    position: int


class CounselingItemOut(Schema):
    number: int
    text: str
    factor: str  # the factor's code; "" for a validity item
    reverse: bool
    validity: bool
    valid_answers: list[int]  # a validity item's answers that keep the sheet valid


class CounselingThresholdOut(Schema):
    factor: str | None  # the factor's code; None for the total score
    grade: int
    at_least: Decimal


class CounselingScaleDetailOut(CounselingScaleOut):
    description: str
    labels: list[str]  # one per answer, from the lowest up
    factors: list[CounselingFactorOut]
    items: list[CounselingItemOut]
    thresholds: list[CounselingThresholdOut]


def _scale_row(scale: Scale) -> dict[str, Any]:
    return {name: getattr(scale, name) for name in CounselingScaleOut.model_fields}


def _scale(scale: Scale) -> dict[str, Any]:
    """The scale with its factors, items in their numbers' order and thresholds."""
    factors = list(scale.factors.order_by("position", "pk"))
    codes = {factor.pk: factor.code for factor in factors}
    return {
        **_scale_row(scale),
        "description": scale.description,
        "labels": scale.labels(),
        "factors": factors,
        "items": [
            {
                "number": item.number,
                "text": item.text,
                "factor": codes.get(item.factor_id, "") if item.factor_id else "",
                "reverse": item.reverse,
                "validity": item.is_validity,
                "valid_answers": sorted(item.valid_set()),
            }
            for item in scale.items.order_by("number")
        ],
        "thresholds": [
            {
                "factor": codes.get(threshold.factor_id) if threshold.factor_id else None,
                "grade": threshold.grade,
                "at_least": threshold.at_least,
            }
            for threshold in scale.thresholds.all()
        ],
    }


@router.get(
    "/scales/",
    response=list[CounselingScaleOut],
    url_name="counseling_scale_list",
    operation_id="counseling_scale_list",
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_counseling_scales(
    request: HttpRequest, school: str | None = None, archived: bool = False
) -> Any:
    """The school's screening scales, by code and newest version first."""
    target = school_of(request, SCREEN, school)
    rows = scales.scales(target).filter(archived_at__isnull=not archived)
    return Shown(rows.order_by("code", "-version", "pk"), _scale_row)


@router.get(
    "/scales/{int:pk}/",
    response=CounselingScaleDetailOut,
    url_name="counseling_scale_detail",
    operation_id="counseling_scale_read",
)
def read_counseling_scale(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """A scale with its factors, its items (validity items with their valid answers) and the
    thresholds of its alerts."""
    target = school_of(request, SCREEN, school)
    return _scale(get_object_or_404(scales.scales(target), pk=pk))


# --- Campaigns ---------------------------------------------------------------------------------


class CounselingCampaignOut(Schema):
    id: int
    name: str
    scale_id: int
    scale_name: str
    opens_on: dt.date
    closes_on: dt.date
    state: str
    red_interview_days: int
    orange_interview_days: int
    counselor_id: int
    counselor_name: str
    class_ids: list[int]  # none: the whole school
    archived_at: dt.datetime | None


class CounselingCoverageOut(Schema):
    class_id: int
    class_name: str
    students: int
    screened: int  # with a valid sheet
    missing: int


class CounselingCampaignDetailOut(CounselingCampaignOut):
    students: int
    screened: int
    missing: int
    outside_age: int  # students outside the scale's age range on the first day
    coverage: list[CounselingCoverageOut]


class CounselingCampaignIn(Schema):
    """A campaign being prepared; ``counselor_id`` (the counselor students are told to contact)
    is the caller's staff record unless given, ``class_ids`` empty screens the whole school."""

    name: str
    scale_id: int
    opens_on: dt.date
    closes_on: dt.date
    counselor_id: int | None = None
    class_ids: list[int] = Field(default_factory=list)
    red_interview_days: Days | None = None
    orange_interview_days: Days | None = None


def _campaigns(school: School) -> QuerySet[Campaign]:
    return screening.campaigns(school).prefetch_related("classes")


def _campaign_row(campaign: Campaign) -> dict[str, Any]:
    given = {
        "scale_name": str(campaign.scale),
        "counselor_name": campaign.counselor.name,
        "class_ids": sorted(school_class.pk for school_class in campaign.classes.all()),
    }
    names = CounselingCampaignOut.model_fields.keys() - given.keys()
    return {name: getattr(campaign, name) for name in names} | given


def _campaign(campaign: Campaign) -> dict[str, Any]:
    """The campaign with, per class, its students, those screened and those missing."""
    rows = screening.coverage(campaign)
    students = sum(row.students for row in rows)
    done = sum(row.screened for row in rows)
    return {
        **_campaign_row(campaign),
        "students": students,
        "screened": done,
        "missing": students - done,
        "outside_age": screening.outside_age(campaign),
        "coverage": [
            {
                "class_id": row.school_class.pk,
                "class_name": row.school_class.name,
                "students": row.students,
                "screened": row.screened,
                "missing": row.missing,
            }
            for row in rows
        ],
    }


def _campaign_values(request: HttpRequest, school: School, payload: Schema) -> dict[str, Any]:
    """The campaign's values with its scale and counselor, both of the school's (404 for any
    other); the interview days left out take the model's defaults."""
    values = values_of(Campaign, payload)
    values.pop("class_ids", None)
    for name in ("red_interview_days", "orange_interview_days"):
        if values.get(name, 0) is None:
            del values[name]
    values["scale"] = named(scales.scales(school), values.pop("scale_id"))
    counselor_id = values.pop("counselor_id", None)
    values["counselor"] = (
        named(organization.staff(school), counselor_id)
        if counselor_id is not None
        else acting_staff(request, school)
    )
    return values


@router.get(
    "/campaigns/",
    response=list[CounselingCampaignOut],
    url_name="counseling_campaign_list",
    operation_id="counseling_campaign_list",
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_counseling_campaigns(
    request: HttpRequest,
    school: str | None = None,
    state: CampaignState | None = None,
    archived: bool = False,
) -> Any:
    """The screening campaigns, latest first; ``state`` narrows them to one state."""
    target = school_of(request, SCREEN, school)
    rows = _campaigns(target).filter(archived_at__isnull=not archived)
    if state is not None:
        rows = rows.filter(state=state.value)
    return Shown(rows.order_by("-opens_on", "name", "pk"), _campaign_row)


@router.get(
    "/campaigns/{int:pk}/",
    response=CounselingCampaignDetailOut,
    url_name="counseling_campaign_detail",
    operation_id="counseling_campaign_read",
)
def read_counseling_campaign(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """A campaign with its coverage: per class, the students it screens, those with a valid
    sheet and those still missing."""
    target = school_of(request, SCREEN, school)
    return _campaign(get_object_or_404(_campaigns(target), pk=pk))


@router.post(
    "/campaigns/",
    response={201: CounselingCampaignDetailOut},
    url_name="counseling_campaign_create",
    operation_id="counseling_campaign_create",
)
def create_counseling_campaign(
    request: HttpRequest, payload: CounselingCampaignIn, school: str | None = None
) -> Any:
    """Prepare a campaign (a draft: it takes no answers until it is opened)."""
    target = school_of(request, SCREEN, school, write=True)
    classes = [
        named(organization.school_classes(target), pk) for pk in dict.fromkeys(payload.class_ids)
    ]
    record = screening_services.create_campaign(
        school=target, values=_campaign_values(request, target, payload), classes=classes
    )
    return Status(201, _campaign(get_object_or_404(_campaigns(target), pk=record.pk)))


@router.post(
    "/campaigns/{int:pk}/open/",
    response=CounselingCampaignOut,
    url_name="counseling_campaign_open",
    operation_id="counseling_campaign_open",
)
def open_counseling_campaign(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """Open a campaign being prepared for answers (422 when its scale has items without text,
    or it is not being prepared)."""
    target = school_of(request, SCREEN, school, write=True)
    screening_services.open_campaign(campaign=get_object_or_404(_campaigns(target), pk=pk))
    return _campaign_row(get_object_or_404(_campaigns(target), pk=pk))


@router.post(
    "/campaigns/{int:pk}/close/",
    response=CounselingCampaignOut,
    url_name="counseling_campaign_close",
    operation_id="counseling_campaign_close",
)
def close_counseling_campaign(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """Close an open campaign: its unanswered links stop working (422 unless it is open)."""
    target = school_of(request, SCREEN, school, write=True)
    screening_services.close_campaign(campaign=get_object_or_404(_campaigns(target), pk=pk))
    return _campaign_row(get_object_or_404(_campaigns(target), pk=pk))


# --- Alerts ------------------------------------------------------------------------------------


class CounselingAlertOut(Schema):
    id: int
    student_id: int
    student_name: str
    student_no: str
    class_name: str
    campaign_id: int
    campaign_name: str
    grade: int  # 1 yellow, 2 orange, 3 red
    raised_on: dt.date
    due_on: dt.date | None  # the interview's last day (red and orange)
    counselor_id: int
    counselor_name: str
    is_open: bool  # not followed up yet
    interviewed_on: dt.date | None
    outcome: str
    followed_up_by_id: int | None


class CounselingAlertDetailOut(CounselingAlertOut):
    answered_at: dt.datetime | None
    entered: str  # online, or imported from paper
    scores: dict[str, str]  # per factor code and "total"


class CounselingFollowUpIn(Schema):
    """What the interview found, on which day (today unless given); ``case_id`` names the case
    opened, one of the caller's, when the outcome is ``case``."""

    outcome: FollowUp
    interviewed_on: dt.date | None = None
    case_id: int | None = None


def _alert_row(alert: Alert) -> dict[str, Any]:
    student, campaign = alert.student, alert.sheet.campaign
    given = {
        "student_name": student.name,
        "student_no": student.student_no,
        "class_name": student.school_class.name,
        "campaign_id": campaign.pk,
        "campaign_name": campaign.name,
        "counselor_name": alert.counselor.name,
    }
    names = CounselingAlertOut.model_fields.keys() - given.keys()
    return {name: getattr(alert, name) for name in names} | given


def _alert(alert: Alert) -> dict[str, Any]:
    sheet = alert.sheet
    return {
        **_alert_row(alert),
        "answered_at": sheet.answered_at,
        "entered": sheet.entered,
        "scores": dict(sheet.scores),
    }


@router.get(
    "/alerts/",
    response=list[CounselingAlertOut],
    url_name="counseling_alert_list",
    operation_id="counseling_alert_list",
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_counseling_alerts(
    request: HttpRequest,
    school: str | None = None,
    open: bool = False,
    campaign: int | None = None,
) -> Any:
    """The alerts, latest first; ``open`` keeps those not followed up yet (most urgent and
    soonest due first), ``campaign`` those of one campaign."""
    target = school_of(request, SCREEN, school)
    rows = (
        screening.open_alerts(target)
        if open
        else screening.alerts(target).order_by("-raised_on", "-grade", "pk")
    )
    if campaign is not None:
        rows = rows.filter(sheet__campaign__pk=campaign)
    return Shown(rows, _alert_row)


@router.get(
    "/alerts/{int:pk}/",
    response=CounselingAlertDetailOut,
    url_name="counseling_alert_detail",
    operation_id="counseling_alert_read",
)
def read_counseling_alert(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """An alert with its sheet's scores (never its answers)."""
    target = school_of(request, SCREEN, school)
    return _alert(get_object_or_404(screening.alerts(target), pk=pk))


@router.post(
    "/alerts/{int:pk}/follow-up/",
    response=CounselingAlertDetailOut,
    url_name="counseling_alert_follow_up",
    operation_id="counseling_alert_follow_up",
)
def follow_up_counseling_alert(
    request: HttpRequest, pk: int, payload: CounselingFollowUpIn, school: str | None = None
) -> Any:
    """Record the interview after an alert, once (422 for a second time), by the caller."""
    target = school_of(request, SCREEN, school, write=True)
    alert = get_object_or_404(screening.alerts(target), pk=pk)
    staff = acting_staff(request, target)
    case = None
    if payload.case_id is not None:
        if not request.user.has_perm(CASES, target):
            raise PermissionDenied
        case = named(case_selectors.cases_of(target, staff), payload.case_id)
    screening_services.follow_up(
        alert=alert,
        staff=staff,
        outcome=payload.outcome.value,
        on=payload.interviewed_on or timezone.localdate(),
        case=case,
    )
    return _alert(get_object_or_404(screening.alerts(target), pk=pk))
