"""Writes of the work cycle. Keyword-only, one transaction each; a refusal changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import (
    archive_record,
    create_record,
    update_record,
    validate_record,
)
from qingshan.organization.models import Department, Staff
from qingshan.workplans.enums import Line
from qingshan.workplans.models import MonthlyPlan, PlanItem, WeeklyStatus, WorkSettings


def _check_department(school: School, department: Department | None) -> None:
    if department is not None and department.school_id != school.pk:
        raise DomainError(_("This department belongs to another school."), code="other_school")


@transaction.atomic
def save_work_settings(*, school: School, values: dict[str, Any]) -> WorkSettings:
    found = WorkSettings.objects.for_school(school).first()
    if found is None:
        return create_record(school=school, model=WorkSettings, values=values)
    return update_record(record=found, values=values)


@transaction.atomic
def open_plan(
    *, school: School, department: Department | None, month: datetime.date
) -> MonthlyPlan:
    """The unit's plan of the month, created as a draft the first time."""
    _check_department(school, department)
    if month.day != 1:
        raise DomainError({"month": _("A plan's month is given by its first day.")}, code="month")
    found = (
        MonthlyPlan.objects.for_school(school).filter(department=department, month=month).first()
    )
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return create_record(
                school=school, model=MonthlyPlan, values={"department": department, "month": month}
            )
    except IntegrityError:  # opened at the same moment by someone else
        return MonthlyPlan.objects.for_school(school).get(department=department, month=month)


def _fresh(plan: MonthlyPlan) -> MonthlyPlan:
    """The plan as stored now (a caller's copy may predate a filing)."""
    return MonthlyPlan.objects.get(pk=plan.pk)


def _check_open_for_items(plan: MonthlyPlan) -> None:
    if _fresh(plan).is_summary_filed:
        raise DomainError(
            _("The month's summary is filed; its items can no longer change."), code="closed"
        )


def _check_item(item: PlanItem) -> None:
    if item.serves_id is None:
        return
    served = item.serves
    assert served is not None
    if served.pk == item.pk:
        raise ValidationError({"serves": _("An item cannot serve itself.")}, code="serves_self")
    if served.line == item.line:
        raise ValidationError(
            {"serves": _("An item serves an item of the other line.")}, code="serves_same_line"
        )
    if served.plan.month != item.plan.month:
        raise ValidationError(
            {"serves": _("An item serves an item of the same month.")}, code="serves_other_month"
        )


def _check_due_in_range(item: PlanItem) -> None:
    if item.due_on is not None and item.due_on < item.plan.month:
        raise ValidationError(
            {"due_on": _("The date cannot be before the plan's month.")}, code="due_on"
        )


@transaction.atomic
def add_item(
    *,
    plan: MonthlyPlan,
    line: str,
    title: str,
    owner: Staff | None = None,
    due_on: datetime.date | None = None,
    serves: PlanItem | None = None,
    sort_order: int | None = None,
) -> PlanItem:
    _check_open_for_items(plan)
    if line not in Line.values:
        raise ValidationError({"line": _("Choose the party line or the teaching line.")})
    if sort_order is None:
        sort_order = plan.items.count() + 1
    return create_record(
        school=plan.school,
        model=PlanItem,
        values={
            "plan": plan,
            "line": line,
            "title": title,
            "owner": owner,
            "due_on": due_on,
            "serves": serves,
            "sort_order": sort_order,
        },
        checks=[_check_due_in_range, _check_item],
    )


@transaction.atomic
def update_item(*, item: PlanItem, values: dict[str, Any]) -> PlanItem:
    _check_open_for_items(item.plan)
    allowed = {"line", "title", "owner", "due_on", "serves", "sort_order", "outcome"}
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError(_("These fields cannot be changed here: %s") % ", ".join(unknown))
    return update_record(record=item, values=values, checks=[_check_due_in_range, _check_item])


@transaction.atomic
def mark_item_done(
    *, item: PlanItem, done_on: datetime.date, evidence: str, outcome: str = ""
) -> PlanItem:
    """Implemented, with evidence; the date lies between the plan's month start and today."""
    _check_open_for_items(item.plan)
    if not evidence.strip():
        raise ValidationError(
            {"evidence": _("Say what shows the item was implemented.")}, code="evidence"
        )
    if done_on < item.plan.month:
        raise ValidationError(
            {"done_on": _("An item cannot be implemented before its plan's month.")},
            code="done_early",
        )
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date lies in the future.")}, code="future")
    return update_record(
        record=item,
        values={"done_on": done_on, "evidence": evidence.strip(), "outcome": outcome.strip()},
    )


@transaction.atomic
def reopen_item(*, item: PlanItem) -> PlanItem:
    _check_open_for_items(item.plan)
    return update_record(record=item, values={"done_on": None, "evidence": ""})


@transaction.atomic
def remove_item(*, item: PlanItem) -> None:
    """Take an item out of a draft plan; once the plan is filed items are kept and archived."""
    _check_open_for_items(item.plan)
    if item.served_by.filter(archived_at__isnull=True).exists():
        raise DomainError(
            _("Another item serves this one; unlink it first."), code="item_is_served"
        )
    if _fresh(item.plan).is_plan_filed:
        archive_record(record=item)
        return
    item.delete()


@transaction.atomic
def file_plan(*, plan: MonthlyPlan, by: Any, at: datetime.datetime | None = None) -> MonthlyPlan:
    """月初部署: the plan is filed once and needs at least one item."""
    plan = MonthlyPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_plan_filed:
        raise DomainError(_("This plan is already filed."), code="already_filed")
    if not plan.items.active().exists():
        raise DomainError(_("A plan needs at least one item."), code="empty_plan")
    plan.plan_filed_at = at or timezone.now()
    plan.plan_filed_by = by
    validate_record(plan)
    plan.save()
    return plan


@transaction.atomic
def file_summary(
    *, plan: MonthlyPlan, by: Any, text: str, at: datetime.datetime | None = None
) -> MonthlyPlan:
    """月末总结: after the plan is filed; the items and their outcomes are part of it as they stand."""
    plan = MonthlyPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_plan_filed:
        raise DomainError(_("File the plan before its summary."), code="plan_not_filed")
    if plan.is_summary_filed:
        raise DomainError(_("This summary is already filed."), code="already_filed")
    moment = at or timezone.now()
    if timezone.localdate(moment) < plan.month:
        raise DomainError(_("A month's summary cannot be filed before the month."), code="early")
    plan.summary_text = text.strip()
    plan.summary_filed_at = moment
    plan.summary_filed_by = by
    validate_record(plan)
    plan.save()
    return plan


@transaction.atomic
def file_weekly_status(
    *,
    school: School,
    department: Department | None,
    week_start: datetime.date,
    text: str,
    by: Any,
    at: datetime.datetime | None = None,
) -> WeeklyStatus:
    """每周通报: once per unit and week; the week is named by its Monday."""
    _check_department(school, department)
    if week_start.weekday() != 0:
        raise ValidationError(
            {"week_start": _("A week is named by its Monday.")}, code="not_monday"
        )
    if not text.strip():
        raise ValidationError({"text": _("Write the status of the week.")}, code="empty")
    moment = at or timezone.now()
    if timezone.localdate(moment) < week_start:
        raise DomainError(
            _("A week's status cannot be filed before the week begins."), code="early"
        )
    if (
        WeeklyStatus.objects.for_school(school)
        .filter(department=department, week_start=week_start)
        .exists()
    ):
        raise DomainError(
            _("This unit's status for that week is already filed."), code="already_filed"
        )
    return create_record(
        school=school,
        model=WeeklyStatus,
        values={
            "department": department,
            "week_start": week_start,
            "text": text.strip(),
            "filed_at": moment,
            "filed_by": by,
        },
    )


@transaction.atomic
def correct_weekly_status(*, status: WeeklyStatus, text: str) -> WeeklyStatus:
    if not text.strip():
        raise ValidationError({"text": _("Write the status of the week.")}, code="empty")
    return update_record(record=status, values={"text": text.strip()})
