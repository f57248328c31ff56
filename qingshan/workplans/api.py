"""/api/v1/workplans/: plans and their items, weekly statuses, decisions and tasks, the grid.

Everything the pages do to data: open and file plans, add and implement items, file summaries and
weekly statuses, record decisions and hand them down, report tasks, close decisions, keep the grid
and read its check.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from qingshan.accounts.selectors import is_read_only_at
from qingshan.core.api import api_school, crud_router
from qingshan.core.models import School
from qingshan.organization import selectors as organization
from qingshan.workplans.models import MonthlyPlan, Task
from qingshan.workplans.resources import RESOURCES
from qingshan.workplans.selectors import cycle as cycle_selectors
from qingshan.workplans.selectors import decisions as decision_selectors
from qingshan.workplans.selectors import grid as grid_selectors
from qingshan.workplans.services import cycle as cycle_services
from qingshan.workplans.services import decisions as decision_services

router = Router(tags=["workplans"])

for _resource in RESOURCES:
    router.add_router(
        "",
        crud_router(
            _resource,
            view_permission="workplans.view",
            manage_permission="workplans.manage",
            create=_resource.create,
            update=_resource.update,
        ),
    )


def _optional(records: QuerySet[Any], pk: int | None) -> Any:
    """The record ``pk`` among ``records`` (a school's, from a selector; 404 when it is not
    there), or None."""
    return get_object_or_404(records, pk=pk) if pk else None


def _writable(request: HttpRequest, permission: str, slug: str | None) -> School:
    school = api_school(request, permission, slug)
    if is_read_only_at(request.user, school):
        raise PermissionDenied
    return school


# --- plans ------------------------------------------------------------------------------------


class ItemOut(Schema):
    id: int
    line: str
    title: str
    stage: str
    owner_id: int | None
    due_on: dt.date | None
    serves_id: int | None
    done_on: dt.date | None
    evidence: str
    outcome: str


class FlagOut(Schema):
    line: str
    reason: str


class PlanOut(Schema):
    id: int
    department_id: int | None
    unit: str
    month: dt.date
    plan_filed_at: dt.datetime | None
    summary_filed_at: dt.datetime | None
    summary_text: str
    items: list[ItemOut]
    flags: list[FlagOut]

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return obj.unit_name

    @staticmethod
    def resolve_items(obj: Any) -> list[Any]:
        return list(obj.items.all())

    @staticmethod
    def resolve_flags(obj: Any) -> list[Any]:
        items = list(obj.items.all())
        if not items:
            return []
        settings = cycle_selectors.work_settings(obj.school)
        return cycle_selectors.synchronization_flags(cycle_selectors.line_progress(items), settings)


class PlanIn(Schema):
    department_id: int | None = None
    month: dt.date


class ItemIn(Schema):
    line: str
    title: str
    owner_id: int | None = None
    due_on: dt.date | None = None
    serves_id: int | None = None


class DoneIn(Schema):
    done_on: dt.date
    evidence: str
    outcome: str = ""


class SummaryIn(Schema):
    text: str = ""


@router.get("/plans/", response=list[PlanOut], url_name="workplan_list")
def list_plans(
    request: HttpRequest, month: dt.date | None = None, school: str | None = None
) -> Any:
    target = api_school(request, "workplans.view", school)
    return list(cycle_selectors.plans_with_items(target, month)[:500])


def _plan_to_file(request: HttpRequest, pk: int, slug: str | None) -> MonthlyPlan:
    school = _writable(request, "workplans.file", slug)
    plan = get_object_or_404(cycle_selectors.plans(school), pk=pk)
    if not cycle_selectors.may_file(request.user, school, plan.department):
        raise PermissionDenied
    return plan


def _read_plan(plan: MonthlyPlan) -> MonthlyPlan:
    return get_object_or_404(cycle_selectors.plans_with_items(plan.school), pk=plan.pk)


@router.get("/plans/{int:pk}/", response=PlanOut, url_name="workplan_detail")
def read_plan(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, "workplans.view", school)
    return get_object_or_404(cycle_selectors.plans_with_items(target), pk=pk)


@router.post("/plans/", response={201: PlanOut}, url_name="workplan_open")
def open_plan(request: HttpRequest, payload: PlanIn, school: str | None = None) -> Any:
    target = _writable(request, "workplans.file", school)
    department = _optional(organization.departments(target), payload.department_id)
    if not cycle_selectors.may_file(request.user, target, department):
        raise PermissionDenied
    plan = cycle_services.open_plan(school=target, department=department, month=payload.month)
    return Status(201, _read_plan(plan))


@router.post("/plans/{int:pk}/items/", response={201: ItemOut}, url_name="workplan_item_add")
def add_item(request: HttpRequest, pk: int, payload: ItemIn, school: str | None = None) -> Any:
    plan = _plan_to_file(request, pk, school)
    owner = _optional(organization.staff(plan.school), payload.owner_id)
    serves = _optional(cycle_selectors.items_for_filing(plan.school), payload.serves_id)
    item = cycle_services.add_item(
        plan=plan,
        line=payload.line,
        title=payload.title,
        owner=owner,
        due_on=payload.due_on,
        serves=serves,
    )
    return Status(201, item)


@router.post("/items/{int:pk}/done/", response=ItemOut, url_name="workplan_item_done")
def item_done(request: HttpRequest, pk: int, payload: DoneIn, school: str | None = None) -> Any:
    target = _writable(request, "workplans.file", school)
    item = get_object_or_404(cycle_selectors.items_for_filing(target), pk=pk)
    if not cycle_selectors.may_file(request.user, target, item.plan.department):
        raise PermissionDenied
    return cycle_services.mark_item_done(item=item, **payload.dict())


@router.post("/plans/{int:pk}/file/", response=PlanOut, url_name="workplan_file")
def file_plan(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    plan = _plan_to_file(request, pk, school)
    return _read_plan(cycle_services.file_plan(plan=plan, by=request.user))


@router.post("/plans/{int:pk}/summary/", response=PlanOut, url_name="workplan_summary")
def file_summary(
    request: HttpRequest, pk: int, payload: SummaryIn, school: str | None = None
) -> Any:
    plan = _plan_to_file(request, pk, school)
    return _read_plan(cycle_services.file_summary(plan=plan, by=request.user, text=payload.text))


# --- weekly statuses --------------------------------------------------------------------------


class WeeklyOut(Schema):
    id: int
    department_id: int | None
    week_start: dt.date
    text: str
    filed_at: dt.datetime


class WeeklyIn(Schema):
    department_id: int | None = None
    week_start: dt.date
    text: str


@router.get("/weekly/", response=list[WeeklyOut], url_name="weekly_list")
def list_weekly(
    request: HttpRequest, since: dt.date | None = None, school: str | None = None
) -> Any:
    target = api_school(request, "workplans.view", school)
    return list(cycle_selectors.weekly_statuses(target, since=since)[:500])


@router.post("/weekly/", response={201: WeeklyOut}, url_name="weekly_create")
def file_weekly(request: HttpRequest, payload: WeeklyIn, school: str | None = None) -> Any:
    target = _writable(request, "workplans.file", school)
    department = _optional(organization.departments(target), payload.department_id)
    if not cycle_selectors.may_file(request.user, target, department):
        raise PermissionDenied
    status = cycle_services.file_weekly_status(
        school=target,
        department=department,
        week_start=payload.week_start,
        text=payload.text,
        by=request.user,
    )
    return Status(201, status)


# --- decisions and tasks ----------------------------------------------------------------------


class TaskOut(Schema):
    id: int
    parent_id: int | None
    tier: str
    title: str
    department_id: int | None
    grade_team_id: int | None
    owner_id: int | None
    deadline: dt.date
    status: str
    done_on: dt.date | None
    evidence: str
    explanation: str


class DecisionOut(Schema):
    id: int
    meeting_id: int
    title: str
    text: str
    deadline: dt.date
    status: str
    closed_on: dt.date | None
    tasks: list[TaskOut]

    @staticmethod
    def resolve_tasks(obj: Any) -> list[Any]:
        return list(obj.tasks.all())


class DecisionIn(Schema):
    title: str
    text: str = ""
    deadline: dt.date


class DepartmentTaskIn(Schema):
    department_id: int
    title: str
    deadline: dt.date


class HandDownIn(Schema):
    title: str
    deadline: dt.date
    grade_team_id: int | None = None
    owner_id: int | None = None


class ExplainIn(Schema):
    explanation: str


class TaskDoneIn(Schema):
    done_on: dt.date
    evidence: str


class CloseIn(Schema):
    note: str = ""


@router.get("/decisions/", response=list[DecisionOut], url_name="decision_list")
def list_decisions(request: HttpRequest, school: str | None = None) -> Any:
    target = api_school(request, "workplans.view", school)
    return list(decision_selectors.decisions_with_tasks(target)[:500])


@router.get("/decisions/{int:pk}/", response=DecisionOut, url_name="decision_detail")
def read_decision(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, "workplans.view", school)
    return get_object_or_404(decision_selectors.decisions_with_tasks(target), pk=pk)


@router.post(
    "/decisionmeetings/{int:pk}/decisions/",
    response={201: DecisionOut},
    url_name="decision_create",
)
def create_decision(
    request: HttpRequest, pk: int, payload: DecisionIn, school: str | None = None
) -> Any:
    target = api_school(request, "workplans.manage", school)
    meeting = get_object_or_404(decision_selectors.meetings(target), pk=pk)
    decision = decision_services.record_decision(meeting=meeting, **payload.dict())
    return Status(
        201, get_object_or_404(decision_selectors.decisions_with_tasks(target), pk=decision.pk)
    )


@router.post("/decisions/{int:pk}/tasks/", response={201: TaskOut}, url_name="decision_hand")
def hand_to_department(
    request: HttpRequest, pk: int, payload: DepartmentTaskIn, school: str | None = None
) -> Any:
    target = api_school(request, "workplans.manage", school)
    decision = get_object_or_404(decision_selectors.all_decisions(target), pk=pk)
    department = get_object_or_404(organization.departments(target), pk=payload.department_id)
    task = decision_services.hand_to_department(
        decision=decision, department=department, title=payload.title, deadline=payload.deadline
    )
    return Status(201, task)


@router.post("/decisions/{int:pk}/close/", response=DecisionOut, url_name="decision_close")
def close_decision(
    request: HttpRequest, pk: int, payload: CloseIn, school: str | None = None
) -> Any:
    target = api_school(request, "workplans.manage", school)
    decision = get_object_or_404(decision_selectors.all_decisions(target), pk=pk)
    decision_services.close_decision(decision=decision, note=payload.note)
    return get_object_or_404(decision_selectors.decisions_with_tasks(target), pk=pk)


def _task(request: HttpRequest, pk: int, slug: str | None) -> Task:
    target = _writable(request, "workplans.report_task", slug)
    task = get_object_or_404(decision_selectors.tasks_for_reporting(target), pk=pk)
    if not decision_services.may_report(request.user, task):
        raise PermissionDenied
    return task


@router.post("/tasks/{int:pk}/children/", response={201: TaskOut}, url_name="task_hand_down")
def hand_down(request: HttpRequest, pk: int, payload: HandDownIn, school: str | None = None) -> Any:
    task = _task(request, pk, school)
    grade_team = _optional(organization.grade_teams(task.school), payload.grade_team_id)
    owner = _optional(organization.staff(task.school), payload.owner_id)
    child = decision_services.hand_down(
        parent=task,
        title=payload.title,
        deadline=payload.deadline,
        grade_team=grade_team,
        owner=owner,
    )
    return Status(201, child)


@router.post("/tasks/{int:pk}/done/", response=TaskOut, url_name="task_done")
def task_done(request: HttpRequest, pk: int, payload: TaskDoneIn, school: str | None = None) -> Any:
    return decision_services.complete_task(task=_task(request, pk, school), **payload.dict())


@router.post("/tasks/{int:pk}/explain/", response=TaskOut, url_name="task_explain")
def task_explain(
    request: HttpRequest, pk: int, payload: ExplainIn, school: str | None = None
) -> Any:
    return decision_services.explain_task(
        task=_task(request, pk, school), explanation=payload.explanation
    )


# --- the grid's check -------------------------------------------------------------------------


class GapOut(Schema):
    kind: str
    line: str
    place: str
    slot: str
    person: str
    detail: str
    cell_id: int | None


class GridCheckOut(Schema):
    term_id: int
    required: int
    covered: int
    coverage: float
    counts: dict[str, int]
    gaps: list[GapOut]

    @staticmethod
    def resolve_term_id(obj: Any) -> int:
        return int(obj.term.pk)


@router.get("/grid/check/", response=GridCheckOut, url_name="grid_check")
def grid_check(request: HttpRequest, term: int | None = None, school: str | None = None) -> Any:
    target = api_school(request, "workplans.view", school)
    chosen = (
        get_object_or_404(organization.terms(target), pk=term)
        if term
        else organization.current_term(school=target, day=timezone.localdate())
    )
    if chosen is None:
        raise HttpError(404, "The school has no term yet.")
    return grid_selectors.check_grid(chosen)
