"""/api/v1/party/: members, groups, meetings, mentoring pairs, recruits and their steps, the
pipeline board, meeting compliance, appraisals and dues arrears."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages, Year, api_school, crud_router
from qingshan.organization.models import Staff, Student
from qingshan.party.models import Member
from qingshan.party.resources import RESOURCES
from qingshan.party.selectors import appraisal as appraisal_selectors
from qingshan.party.selectors import dues as dues_selectors
from qingshan.party.selectors import meetings as meeting_selectors
from qingshan.party.selectors import recruitment as recruitment_selectors
from qingshan.party.selectors.organisation import branch_of
from qingshan.party.services import recruitment as recruitment_services

router = Router(tags=["party"])

for _resource in RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission="party.view",
            manage_permission="party.manage",
            create=_resource.create,
            update=_resource.update,
        ),
    )


class StepOut(Schema):
    id: int
    step: int
    date: dt.date
    ruleset: str
    entitled_to_vote: int | None
    attended: int | None
    yes_votes: int | None
    written_yes_votes: int | None
    exception_rule: str
    opinion: str


class RecruitOut(Schema):
    id: int
    name: str
    gender: str
    birth_date: dt.date
    category: str
    stage: int
    status: str
    member_id: int | None


class RecruitDetailOut(RecruitOut):
    steps: list[StepOut]

    @staticmethod
    def resolve_steps(obj: Any) -> list[Any]:
        return list(obj.steps.order_by("step", "date", "pk"))


class ApplicationIn(Schema):
    name: str
    gender: str
    birth_date: dt.date
    applied_on: dt.date
    category: str = "teacher"
    staff_id: int | None = None
    student_id: int | None = None
    is_league_member: bool = False


class StepIn(Schema):
    step: int
    date: dt.date
    end_date: dt.date | None = None
    actor_ids: list[int] = []
    other_actors: str = ""
    meeting_reference: str = ""
    entitled_to_vote: int | None = None
    attended: int | None = None
    yes_votes: int | None = None
    written_yes_votes: int | None = None
    no_votes: int | None = None
    abstentions: int | None = None
    training_days: Decimal | None = None
    training_hours: int | None = None
    league_recommended: bool = False
    special_circumstances: str = ""
    opinion: str = ""
    exception_reason: str = ""


class BoardRowOut(Schema):
    recruit_id: int
    name: str
    stage: int
    next_step: int | None
    next_step_name: str | None
    due_on: dt.date | None
    due_kind: str | None
    overdue: bool


class ComplianceOut(Schema):
    organisation: str
    kind: str
    expected: int
    held: int
    missing: int
    upcoming: int
    extra: int
    outside: int
    last_held: dt.date | None
    status: str


class AppraisalOut(Schema):
    id: int
    year: int
    status: int
    decided_on: dt.date | None


class ArrearsOut(Schema):
    member_id: int
    name: str
    months: int
    total: Decimal


@router.get("/recruits/", response=list[RecruitOut], url_name="recruit_list")
@paginate(Pages)
def list_recruits(request: HttpRequest, school: str | None = None) -> Any:
    return recruitment_selectors.recruits(api_school(request, "party.view", school)).order_by("pk")


@router.get("/recruits/{int:pk}/", response=RecruitDetailOut, url_name="recruit_detail")
def read_recruit(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(
        recruitment_selectors.recruits(api_school(request, "party.view", school)), pk=pk
    )


@router.post("/recruits/", response={201: RecruitOut}, url_name="recruit_create")
def create_recruit(request: HttpRequest, payload: ApplicationIn, school: str | None = None) -> Any:
    target = api_school(request, "party.manage", school)
    data = payload.dict()
    staff_id, student_id = data.pop("staff_id"), data.pop("student_id")

    staff = get_object_or_404(Staff.objects.for_school(target), pk=staff_id) if staff_id else None
    student = (
        get_object_or_404(Student.objects.for_school(target), pk=student_id) if student_id else None
    )
    return Status(
        201,
        recruitment_services.register_application(
            school=target, staff=staff, student=student, **data
        ),
    )


@router.post("/recruits/{int:pk}/steps/", response={201: StepOut}, url_name="recruit_step_create")
def create_step(request: HttpRequest, pk: int, payload: StepIn, school: str | None = None) -> Any:
    target = api_school(request, "party.manage", school)
    recruit = get_object_or_404(recruitment_selectors.recruits(target), pk=pk)
    data = payload.dict()

    actors = list(Member.objects.for_school(target).filter(pk__in=data.pop("actor_ids")))
    values = {key: value for key, value in data.items() if value is not None}
    return Status(201, recruitment_services.record_step(recruit=recruit, actors=actors, **values))


@router.get("/board/", response=list[BoardRowOut], url_name="recruit_board")
def board(request: HttpRequest, school: str | None = None) -> Any:
    rows = recruitment_selectors.pipeline_board(
        school=api_school(request, "party.view", school), today=timezone.localdate()
    )
    return [
        {
            "recruit_id": row.recruit.pk,
            "name": row.recruit.name,
            "stage": row.stage,
            "next_step": row.next_step.number if row.next_step else None,
            "next_step_name": row.next_step.name if row.next_step else None,
            "due_on": row.due_on,
            "due_kind": row.due_kind,
            "overdue": row.overdue,
        }
        for row in rows
    ]


@router.get("/compliance/", response=list[ComplianceOut], url_name="compliance")
def compliance(request: HttpRequest, year: Year, school: str | None = None) -> Any:
    branch = branch_of(api_school(request, "party.view", school))
    if branch is None:
        return []
    rows = meeting_selectors.meeting_compliance(
        branch=branch,
        start=dt.date(year, 1, 1),
        end=dt.date(year, 12, 31),
        today=timezone.localdate(),
    )
    return [
        {
            "organisation": row.organisation,
            "kind": row.kind,
            "expected": row.expected,
            "held": row.held,
            "missing": row.missing,
            "upcoming": row.upcoming,
            "extra": row.extra,
            "outside": row.outside,
            "last_held": row.last_held,
            "status": row.status,
        }
        for row in rows
    ]


@router.get("/appraisals/", response=list[AppraisalOut], url_name="appraisal_list")
def appraisals(request: HttpRequest, school: str | None = None) -> Any:
    return appraisal_selectors.appraisals(api_school(request, "party.view", school))


@router.get("/dues/arrears/", response=list[ArrearsOut], url_name="dues_arrears")
def arrears(request: HttpRequest, school: str | None = None) -> Any:
    rows = dues_selectors.arrears(
        school=api_school(request, "party.view", school), today=timezone.localdate()
    )
    return [
        {
            "member_id": row.member.pk,
            "name": row.member.name,
            "months": len(row.months),
            "total": row.total,
        }
        for row in rows
    ]
