"""The students' paths part of /api/v1/: a student's path (enrolments and roll changes) and the
roll changes, read under the same rule as on the pages (``selectors.visibility``); a roll change
requested and decided through the same services as on the pages; school textbooks and their uses,
choice windows and their offers (list, read, create, update)."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages, api_school, crud_router
from qingshan.core.masking import mask_identifier
from qingshan.organization.models import SchoolClass
from qingshan.students.enums import ChangeKind, ChangeStatus, Programme
from qingshan.students.resources import CHOICE_RESOURCES, TEXTBOOK_RESOURCES
from qingshan.students.selectors import paths as selectors
from qingshan.students.selectors.visibility import Viewer
from qingshan.students.services import changes as services

router = Router(tags=["students"])

for _resource in (*TEXTBOOK_RESOURCES, *CHOICE_RESOURCES):
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


class PathEnrolmentOut(Schema):
    id: int
    track: str
    programme: str
    major_id: int | None
    school_class_id: int
    length_years: int
    entry_route: str
    state: str
    starts_on: dt.date
    ends_on: dt.date | None
    opened_by_id: int | None
    closed_by_id: int | None


class RollChangeOut(Schema):
    id: int
    student_id: int
    kind: str
    status: str
    effective_on: dt.date
    reason: str
    to_programme: str
    to_class_id: int | None
    to_length_years: int | None
    other_school: str
    certificate_no: str
    requested_on: dt.date
    decided_on: dt.date | None
    refusal: str
    bureau_reference: str
    bureau_approved_on: dt.date | None


class StudentPathOut(Schema):
    student_id: int
    student_no: str
    name: str
    roll_number: str
    status: str
    school_class_id: int
    enrolments: list[PathEnrolmentOut]
    changes: list[RollChangeOut]


class RollChangeIn(Schema):
    student_id: int
    kind: ChangeKind
    effective_on: dt.date
    reason: str
    to_class_id: int | None = None
    to_programme: Programme | None = None
    to_length_years: int | None = None
    other_school: str = ""
    certificate_no: str = ""


class RollChangeRefusalIn(Schema):
    reason: str


class BureauReplyIn(Schema):
    reference: str
    approved_on: dt.date


def _viewer(request: HttpRequest, school: str | None) -> tuple[Any, Viewer]:
    target = api_school(request, "students.view", school)
    return target, Viewer.of(request.user, target)


@router.get("/paths/{int:pk}/", response=StudentPathOut, url_name="student_path")
def read_path(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """A student's enrolments and roll changes, if the caller may read that student."""
    target, viewer = _viewer(request, school)
    student = get_object_or_404(selectors.students_seen(target, viewer), pk=pk)
    number = selectors.roll_number_of(student)
    shown = number.number if number else ""
    if shown and not request.user.has_perm("students.view_personal", target):
        shown = mask_identifier(shown)
    return {
        "student_id": student.pk,
        "student_no": student.student_no,
        "name": student.name,
        "roll_number": shown,
        "status": student.status,
        "school_class_id": student.school_class_id,
        "enrolments": list(selectors.path_of(student)),
        "changes": list(selectors.changes_of(student)),
    }


@router.get("/changes/", response=list[RollChangeOut], url_name="roll_change_list")
@paginate(Pages)
def list_changes(
    request: HttpRequest,
    school: str | None = None,
    kind: ChangeKind | None = None,
    status: ChangeStatus | None = None,
    year: int | None = None,
) -> Any:
    """The roll changes of the students the caller may read, newest first."""
    target, viewer = _viewer(request, school)
    return selectors.narrowed(
        selectors.roll_changes(target, viewer), kind=kind or "", status=status or "", year=year
    )


@router.get("/changes/{int:pk}/", response=RollChangeOut, url_name="roll_change_detail")
def read_change(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target, viewer = _viewer(request, school)
    return get_object_or_404(selectors.roll_changes(target, viewer), pk=pk)


@router.post("/changes/", response={201: RollChangeOut}, url_name="roll_change_create")
def create_change(request: HttpRequest, payload: RollChangeIn, school: str | None = None) -> Any:
    """Request a roll change; its rule's window and the path are checked as on the pages."""
    target = api_school(request, "students.manage", school)
    student = get_object_or_404(
        selectors.students_seen(target, Viewer.of(request.user, target)), pk=payload.student_id
    )
    values = payload.dict(exclude={"student_id", "to_class_id"})
    if payload.to_class_id is not None:
        values["to_class"] = get_object_or_404(
            SchoolClass.objects.for_school(target), pk=payload.to_class_id
        )
    values = {name: value for name, value in values.items() if value not in (None, "")}
    return Status(201, services.request_change(student=student, values=values, user=request.user))


def _change(request: HttpRequest, pk: int, school: str | None) -> Any:
    target = api_school(request, "students.manage", school)
    return get_object_or_404(selectors.roll_changes(target, Viewer.of(request.user, target)), pk=pk)


@router.post("/changes/{int:pk}/approve/", response=RollChangeOut, url_name="roll_change_approve")
def approve_change(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return services.approve_change(change=_change(request, pk, school), user=request.user)


@router.post("/changes/{int:pk}/refuse/", response=RollChangeOut, url_name="roll_change_refuse")
def refuse_change(
    request: HttpRequest, pk: int, payload: RollChangeRefusalIn, school: str | None = None
) -> Any:
    return services.refuse_change(
        change=_change(request, pk, school), user=request.user, reason=payload.reason
    )


@router.post("/changes/{int:pk}/bureau/", response=RollChangeOut, url_name="roll_change_bureau")
def record_bureau(
    request: HttpRequest, pk: int, payload: BureauReplyIn, school: str | None = None
) -> Any:
    return services.record_bureau_approval(
        change=_change(request, pk, school),
        reference=payload.reference,
        approved_on=payload.approved_on,
    )
