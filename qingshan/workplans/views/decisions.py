"""Pages of 一级双轨三层: the supervision board (督办), a decision's tasks down the tiers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.errors import show_on_form
from qingshan.core.records import may_write, school_for
from qingshan.workplans.enums import DecisionStatus, Tier
from qingshan.workplans.forms import (
    CloseDecisionForm,
    DecisionForm,
    DepartmentTaskForm,
    HandDownForm,
    TaskDoneForm,
    TaskExplainForm,
)
from qingshan.workplans.models import Decision, Task
from qingshan.workplans.selectors import decisions as selectors
from qingshan.workplans.services import decisions as services
from qingshan.workplans.views.common import show_errors


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.view")
    today = timezone.localdate()
    status = request.GET.get("status", DecisionStatus.OPEN)
    found = selectors.decisions(school, status if status in DecisionStatus.values else None)
    return render(
        request,
        "workplans/supervision.html",
        {
            "decisions": found[:200],
            "overdue": selectors.overdue_tasks(school, today)[:200],
            "mine": selectors.tasks_for_user(school, request.user)[:50],
            "status": status,
            "statuses": DecisionStatus.choices,
            "today": today,
        },
    )


@login_required
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "workplans.manage", write=True)
    meeting = get_object_or_404(selectors.meetings(school), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.record_decision(meeting=meeting, **form.cleaned_data)
            messages.success(request, _("The decision was recorded."))
            return redirect(decision)
        except ValidationError as error:
            show_on_form(form, error)
    return render(
        request,
        "workplans/decision_form.html",
        {"form": form, "meeting": meeting},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "workplans.view")
    try:
        decision = selectors.decision_with_tasks(school, pk)
    except Decision.DoesNotExist:
        raise Http404 from None
    today = timezone.localdate()
    tasks = list(decision.tasks.all())
    writable = may_write(request, "workplans.report_task", school)
    rows = []
    for task in tasks:
        if task.tier != Tier.IMPLEMENTATION:
            continue
        children = [child for child in tasks if child.parent_id == task.pk]
        rows.append(
            {
                "task": task,
                "children": [
                    {
                        "task": child,
                        "may_report": writable and services.may_report(request.user, child),
                    }
                    for child in children
                ],
                "may_report": writable and services.may_report(request.user, task),
            }
        )
    can_manage = may_write(request, "workplans.manage", school)
    is_open = decision.status == DecisionStatus.OPEN
    return render(
        request,
        "workplans/decision_detail.html",
        {
            "decision": decision,
            "rows": rows,
            "progress": selectors.tier_progress(decision, today),
            "today": today,
            "is_open": is_open,
            "department_form": DepartmentTaskForm(school=school)
            if can_manage and is_open
            else None,
            "close_form": CloseDecisionForm() if can_manage and is_open else None,
            "hand_down_form": HandDownForm(school=school) if writable and is_open else None,
            "done_form": TaskDoneForm(initial={"done_on": today}),
            "explain_form": TaskExplainForm(),
        },
    )


def _decision(request: HttpRequest, pk: int, permission: str) -> Decision:
    school = school_for(request, permission, write=True)
    return get_object_or_404(selectors.all_decisions(school), pk=pk)


@login_required
@require_POST
def decision_hand(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk, "workplans.manage")
    form = DepartmentTaskForm(request.POST, school=decision.school)
    if form.is_valid():
        try:
            services.hand_to_department(decision=decision, **form.cleaned_data)
            messages.success(request, _("The task was handed to the department."))
        except ValidationError as error:
            show_errors(request, error)
    else:
        messages.error(request, _("Name the department, the task and its deadline."))
    return redirect(decision)


@login_required
@require_POST
def decision_close(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk, "workplans.manage")
    form = CloseDecisionForm(request.POST)
    form.is_valid()
    try:
        services.close_decision(decision=decision, note=form.cleaned_data.get("note", ""))
        messages.success(request, _("The decision is closed."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect(decision)


def _task(request: HttpRequest, pk: int) -> Task:
    school = school_for(request, "workplans.report_task", write=True)
    task = get_object_or_404(selectors.tasks_for_reporting(school), pk=pk)
    if not services.may_report(request.user, task):
        raise PermissionDenied
    return task


@login_required
@require_POST
def task_hand_down(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = HandDownForm(request.POST, school=task.school)
    if form.is_valid():
        try:
            services.hand_down(parent=task, **form.cleaned_data)
            messages.success(request, _("The task was handed down."))
        except ValidationError as error:
            show_errors(request, error)
    else:
        messages.error(request, _("Name the task, who carries it out and its deadline."))
    return redirect(task.decision)


@login_required
@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = TaskDoneForm(request.POST)
    if form.is_valid():
        try:
            services.complete_task(task=task, **form.cleaned_data)
            messages.success(request, _("The task is done."))
        except ValidationError as error:
            show_errors(request, error)
    else:
        messages.error(request, _("Give the date and the evidence."))
    return redirect(task.decision)


@login_required
@require_POST
def task_explain(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = TaskExplainForm(request.POST)
    if form.is_valid():
        try:
            services.explain_task(task=task, explanation=form.cleaned_data["explanation"])
            messages.success(request, _("The task is closed with its explanation."))
        except ValidationError as error:
            show_errors(request, error)
    else:
        messages.error(request, _("Explain why the task is closed undone."))
    return redirect(task.decision)
