"""Pages of the work cycle: the month board, a unit's plan and summary, weekly statuses, settings."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import DOCX, attachment
from qingshan.core.errors import show_on_form
from qingshan.core.models import School
from qingshan.core.records import may_write, school_for
from qingshan.organization.models import Department
from qingshan.workplans.enums import Line
from qingshan.workplans.exporters import summary_docx
from qingshan.workplans.forms import (
    ItemDoneForm,
    PlanItemForm,
    PlanOpenForm,
    SummaryForm,
    WeeklyStatusForm,
    WorkSettingsForm,
)
from qingshan.workplans.models import MonthlyPlan, PlanItem
from qingshan.workplans.selectors import cycle as selectors
from qingshan.workplans.services import cycle as services
from qingshan.workplans.views.common import month_param, show_errors


def _filing_units(request: HttpRequest, school: School) -> list[Department | None]:
    if not may_write(request, "workplans.file", school):
        return []
    return [
        unit for unit in selectors.units(school) if selectors.may_file(request.user, school, unit)
    ]


@login_required
def month(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.view")
    chosen = month_param(request, school)
    today = timezone.localdate()
    board = selectors.month_board(school, chosen, today)
    filing_units = _filing_units(request, school)
    previous = selectors.month_start(chosen - datetime.timedelta(days=1))
    return render(
        request,
        "workplans/month.html",
        {
            "month": chosen,
            "board": board,
            "previous": previous,
            "following": selectors.next_month(chosen),
            "lines": list(Line),
            "flagged": sum(1 for row in board if row.flags),
            "open_form": PlanOpenForm(units=filing_units, initial={"month": f"{chosen:%Y-%m}"}),
            "can_file": bool(filing_units),
            "can_manage": may_write(request, "workplans.manage", school),
        },
    )


@login_required
@require_POST
def plan_open(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.file", write=True)
    form = PlanOpenForm(request.POST, units=_filing_units(request, school))
    if not form.is_valid():
        messages.error(request, _("Choose one of your units and a month."))
        return redirect("workplans:month")
    plan = services.open_plan(
        school=school, department=form.cleaned_data["unit"], month=form.cleaned_data["month"]
    )
    return redirect(plan)


def _plan(request: HttpRequest, pk: int) -> tuple[School, MonthlyPlan]:
    school = school_for(request, "workplans.view")
    try:
        plan = selectors.plan_with_items(school, pk)
    except MonthlyPlan.DoesNotExist:
        raise Http404 from None
    return school, plan


def _plan_for_filing(request: HttpRequest, pk: int) -> MonthlyPlan:
    school = school_for(request, "workplans.file", write=True)
    plan = get_object_or_404(selectors.plans(school), pk=pk)
    if not selectors.may_file(request.user, school, plan.department):
        raise PermissionDenied
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school, plan = _plan(request, pk)
    settings = selectors.work_settings(school)
    items = list(plan.items.all())
    progress = selectors.line_progress(items)
    today = timezone.localdate()
    is_owed = selectors.owed(school)
    may_file = may_write(request, "workplans.file", school) and selectors.may_file(
        request.user, school, plan.department
    )
    return render(
        request,
        "workplans/plan_detail.html",
        {
            "plan": plan,
            "columns": [
                (line, [item for item in items if item.line == line], progress[line.value])
                for line in Line
            ],
            "flags": selectors.synchronization_flags(progress, settings) if items else [],
            "plan_state": selectors.filing_state(
                plan.plan_filed_at,
                selectors.plan_due(plan.month, settings),
                today,
                in_term=is_owed(selectors.plan_due(plan.month, settings)),
            ),
            "summary_state": selectors.filing_state(
                plan.summary_filed_at,
                selectors.summary_due(plan.month),
                today,
                in_term=is_owed(selectors.summary_due(plan.month)),
            ),
            "plan_due": selectors.plan_due(plan.month, settings),
            "summary_due": selectors.summary_due(plan.month),
            "may_file": may_file,
            "item_form": PlanItemForm(plan=plan)
            if may_file and not plan.is_summary_filed
            else None,
            "summary_form": SummaryForm() if may_file and plan.is_plan_filed else None,
        },
    )


@login_required
@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_filing(request, pk)
    form = PlanItemForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            services.add_item(plan=plan, **form.values())
            messages.success(request, _("The item was added."))
            return redirect(plan)
        except ValidationError as error:
            form.apply_service_error(error)
    return render(request, "workplans/item_form.html", {"plan": plan, "form": form}, status=400)


def _item_for_filing(request: HttpRequest, pk: int) -> PlanItem:
    school = school_for(request, "workplans.file", write=True)
    item = get_object_or_404(selectors.items_for_filing(school), pk=pk)
    if not selectors.may_file(request.user, school, item.plan.department):
        raise PermissionDenied
    return item


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_filing(request, pk)
    form = PlanItemForm(request.POST or None, instance=item, plan=item.plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(item=item, values=form.values())
            messages.success(request, _("The item was saved."))
            return redirect(item.plan)
        except ValidationError as error:
            form.apply_service_error(error)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "workplans/item_form.html",
        {"plan": item.plan, "form": form, "item": item},
        status=status,
    )


@login_required
def item_done(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_filing(request, pk)
    form = ItemDoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_item_done(item=item, **form.cleaned_data)
            messages.success(request, _("The item is marked implemented."))
            return redirect(item.plan)
        except ValidationError as error:
            show_on_form(form, error)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "workplans/item_done.html",
        {"plan": item.plan, "form": form, "item": item},
        status=status,
    )


@login_required
@require_POST
def item_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_filing(request, pk)
    try:
        services.reopen_item(item=item)
        messages.success(request, _("The item is open again."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect(item.plan)


@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_filing(request, pk)
    plan = item.plan
    try:
        services.remove_item(item=item)
        messages.success(request, _("The item was removed."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect(plan)


@login_required
@require_POST
def plan_file(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_filing(request, pk)
    try:
        services.file_plan(plan=plan, by=request.user)
        messages.success(request, _("The plan is filed."))
    except ValidationError as error:
        show_errors(request, error)
    return redirect(plan)


@login_required
@require_POST
def summary_file(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_filing(request, pk)
    form = SummaryForm(request.POST)
    if form.is_valid():
        try:
            services.file_summary(plan=plan, by=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("The month's summary is filed."))
        except ValidationError as error:
            show_errors(request, error)
    return redirect(plan)


@login_required
def summary_export(request: HttpRequest, pk: int) -> HttpResponse:
    _school, plan = _plan(request, pk)
    content = summary_docx(plan, list(plan.items.all()))
    return attachment(content, f"summary-{plan.month:%Y-%m}-{plan.pk}.docx", DOCX)


@login_required
def weekly(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.view")
    units = _filing_units(request, school)
    form = None
    if units:
        form = WeeklyStatusForm(
            request.POST or None,
            units=units,
            initial={"week_start": selectors.week_start(timezone.localdate())},
        )
    if request.method == "POST":
        if form is None or request.read_only:  # type: ignore[attr-defined]
            raise PermissionDenied
        if form.is_valid():
            try:
                services.file_weekly_status(
                    school=school,
                    department=form.cleaned_data["unit"],
                    week_start=form.cleaned_data["week_start"],
                    text=form.cleaned_data["text"],
                    by=request.user,
                )
                messages.success(request, _("The weekly status is filed."))
                return redirect("workplans:weekly")
            except ValidationError as error:
                show_on_form(form, error)
    chosen = month_param(request, school)
    settings = selectors.work_settings(school)
    is_owed = selectors.owed(school)
    statuses = selectors.weekly_statuses(
        school, since=selectors.week_start(chosen), until=selectors.month_end(chosen)
    )
    rows = [
        (
            status,
            selectors.filing_state(
                status.filed_at,
                selectors.weekly_due(status.week_start, settings),
                timezone.localdate(),
                in_term=is_owed(selectors.weekly_due(status.week_start, settings)),
            ),
        )
        for status in statuses
    ]
    return render(
        request,
        "workplans/weekly.html",
        {
            "form": form,
            "rows": rows,
            "month": chosen,
            "previous": selectors.month_start(chosen - datetime.timedelta(days=1)),
            "following": selectors.next_month(chosen),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def work_settings(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "workplans.manage")
    current = selectors.work_settings(school)
    form = WorkSettingsForm(request.POST or None, instance=current, school=school)
    if request.method == "POST":
        if request.read_only:  # type: ignore[attr-defined]
            raise PermissionDenied
        if form.is_valid():
            try:
                services.save_work_settings(school=school, values=form.values())
                messages.success(request, _("The settings were saved."))
                return redirect("workplans:settings")
            except ValidationError as error:
                form.apply_service_error(error)
    return render(
        request,
        "workplans/settings.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
