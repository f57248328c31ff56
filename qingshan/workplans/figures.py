"""Figures of the work system for the annual summary (DESIGN §5)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.organization.models import Department, Term
from qingshan.workplans.enums import Line, TaskStatus
from qingshan.workplans.models import (
    GridCell,
    MonthlyPlan,
    PlanItem,
    Task,
    WeeklyStatus,
    WorkSettings,
)
from qingshan.workplans.selectors import cycle as cycle_selectors
from qingshan.workplans.selectors.grid import coverage


def _plans(scope: Scope, period: Period) -> Any:
    return MonthlyPlan.objects.active().filter(
        school_id__in=scope.school_ids,
        month__gte=period.start.replace(day=1),
        month__lte=period.end,
    )


def _on_time_counts(scope: Scope, period: Period) -> tuple[dict[str, int], list[int]]:
    """Filed on time / due, per filing kind, over the filings due within the period.

    Four queries whatever the number of schools: settings, departments, plans, weekly statuses.
    """
    counts = dict.fromkeys(
        (
            "plans_on_time",
            "plans_due",
            "summaries_on_time",
            "summaries_due",
            "weekly_on_time",
            "weekly_due",
        ),
        0,
    )
    settings_of = _settings_by_school(scope)
    units_of: dict[int, list[int | None]] = {pk: [None] for pk in scope.school_ids}
    for school_id, department_id in (
        Department.objects.active()
        .filter(school_id__in=scope.school_ids)
        .order_by("school_id", "sort_order", "name")
        .values_list("school_id", "pk")
    ):
        units_of[school_id].append(department_id)
    plans = {
        (plan.school_id, plan.department_id, plan.month): plan for plan in _plans(scope, period)
    }
    weekly: dict[tuple[int, int | None, datetime.date], datetime.datetime | None] = {
        (school_id, department_id, monday): filed_at
        for school_id, department_id, monday, filed_at in WeeklyStatus.objects.filter(
            school_id__in=scope.school_ids,
            week_start__gte=period.start - datetime.timedelta(days=7),
            week_start__lte=period.end,
        ).values_list("school_id", "department_id", "week_start", "filed_at")
    }
    for school_id, units in units_of.items():
        settings = settings_of[school_id]
        month = period.start.replace(day=1)
        while month <= period.end:
            plan_due = cycle_selectors.plan_due(month, settings)
            summary_due = cycle_selectors.summary_due(month)
            for unit in units:
                plan = plans.get((school_id, unit, month))
                if plan_due <= period.end:
                    counts["plans_due"] += 1
                    counts["plans_on_time"] += int(
                        plan is not None
                        and cycle_selectors.filing_state(plan.plan_filed_at, plan_due, period.end)
                        == "on_time"
                    )
                if summary_due <= period.end:
                    counts["summaries_due"] += 1
                    counts["summaries_on_time"] += int(
                        plan is not None
                        and cycle_selectors.filing_state(
                            plan.summary_filed_at, summary_due, period.end
                        )
                        == "on_time"
                    )
            month = cycle_selectors.next_month(month)
        monday = cycle_selectors.week_start(period.start)
        while monday <= period.end:
            due = cycle_selectors.weekly_due(monday, settings)
            if period.start <= due <= period.end:
                for unit in units:
                    counts["weekly_due"] += 1
                    filed = weekly.get((school_id, unit, monday))
                    counts["weekly_on_time"] += int(
                        cycle_selectors.filing_state(filed, due, period.end) == "on_time"
                    )
            monday += datetime.timedelta(days=7)
    return counts, [plan.pk for plan in plans.values()]


@figure(
    "workplans.filed_on_time",
    label=_("plans, summaries and weekly statuses filed on time"),
    unit=Unit.RATE,
    definition=_(
        "Filings due in the period (each unit's monthly plan and month-end summary, and its weekly "
        "statuses) that were filed by their due day, over all filings due."
    ),
    parts={
        "plans_on_time": _("plans filed on time"),
        "plans_due": _("plans due"),
        "summaries_on_time": _("summaries filed on time"),
        "summaries_due": _("summaries due"),
        "weekly_on_time": _("weekly statuses filed on time"),
        "weekly_due": _("weekly statuses due"),
    },
)
def filed_on_time(scope: Scope, period: Period) -> FigureResult:
    counts, plan_ids = _on_time_counts(scope, period)
    due = counts["plans_due"] + counts["summaries_due"] + counts["weekly_due"]
    on_time = counts["plans_on_time"] + counts["summaries_on_time"] + counts["weekly_on_time"]
    return FigureResult(
        value=on_time / due if due else None,
        records=MonthlyPlan.objects.filter(pk__in=plan_ids),
        breakdown={**counts, "numerator": on_time, "denominator": due},
    )


def _items(scope: Scope, period: Period) -> Any:
    return PlanItem.objects.active().filter(
        school_id__in=scope.school_ids,
        plan__month__gte=period.start.replace(day=1),
        plan__month__lte=period.end,
    )


@figure(
    "workplans.items",
    label=_("work items planned"),
    unit=Unit.COUNT,
    definition=_("Items of the monthly plans of the period, in both lines."),
    measure=Measure.ITEMS,
    parts={
        "party": _("party line"),
        "teaching": _("teaching-management line"),
        "party_done": _("party line, implemented"),
        "teaching_done": _("teaching-management line, implemented"),
    },
)
def items(scope: Scope, period: Period) -> FigureResult:
    records = _items(scope, period)
    totals = records.aggregate(
        **{f"{line.value}": Count("pk", filter=Q(line=line)) for line in Line},
        **{
            f"{line.value}_done": Count("pk", filter=Q(line=line, done_on__isnull=False))
            for line in Line
        },
    )
    return FigureResult(
        value=sum(totals[line.value] for line in Line), records=records, breakdown=totals
    )


@figure(
    "workplans.items_implemented",
    label=_("work items implemented"),
    unit=Unit.RATE,
    definition=_("Items of the period's plans marked implemented with evidence, over all items."),
)
def items_implemented(scope: Scope, period: Period) -> FigureResult:
    records = _items(scope, period)
    totals = records.aggregate(total=Count("pk"), done=Count("pk", filter=Q(done_on__isnull=False)))
    return FigureResult(
        value=totals["done"] / totals["total"] if totals["total"] else None,
        records=records.filter(done_on__isnull=False),
        breakdown={"numerator": totals["done"], "denominator": totals["total"]},
    )


@figure(
    "workplans.flagged_months",
    label=_("unit-months flagged one hand hard, one hand soft"),
    unit=Unit.COUNT,
    definition=_(
        "Monthly plans of the period whose party line and teaching line are out of step, by the "
        "school's thresholds."
    ),
    measure=Measure.UNIT_MONTHS,
    parts={"plans": _("plans")},
)
def flagged_months(scope: Scope, period: Period) -> FigureResult:
    settings = _settings_by_school(scope)
    counts = {}
    for line in Line:
        own = Q(items__archived_at__isnull=True, items__line=line)
        done = Q(items__done_on__isnull=False)
        arranged = done | Q(items__owner__isnull=False, items__due_on__isnull=False)
        counts[f"{line.value}_planned"] = Count("items", filter=own)
        counts[f"{line.value}_arranged"] = Count("items", filter=own & arranged)
        counts[f"{line.value}_done"] = Count("items", filter=own & done)
    plans = list(_plans(scope, period).order_by().values("pk", "school_id").annotate(**counts))
    flagged = []
    for plan in plans:
        progress = {
            line.value: cycle_selectors.LineProgress(
                planned=plan[f"{line.value}_planned"],
                arranged=plan[f"{line.value}_arranged"],
                done=plan[f"{line.value}_done"],
            )
            for line in Line
        }
        has_items = any(item.planned for item in progress.values())
        if has_items and cycle_selectors.synchronization_flags(
            progress, settings[plan["school_id"]]
        ):
            flagged.append(plan["pk"])
    return FigureResult(
        value=len(flagged),
        records=MonthlyPlan.objects.filter(pk__in=flagged),
        breakdown={"plans": len(plans)},
    )


def _settings_by_school(scope: Scope) -> dict[int, WorkSettings]:
    """Each school's work-cycle settings (the defaults where none are stored), in one query."""
    stored = {
        found.school_id: found
        for found in WorkSettings.objects.filter(school_id__in=scope.school_ids)
    }
    return {
        school.pk: stored.get(school.pk) or WorkSettings(school=school) for school in scope.schools
    }


@figure(
    "workplans.tasks_on_time",
    label=_("decision tasks done on time"),
    unit=Unit.RATE,
    definition=_(
        "Tasks handed down from decisions and due in the period that were done by their deadline, "
        "over all such tasks (a task closed with an explanation counts as not done)."
    ),
    parts={"decisions": _("decisions")},
)
def tasks_on_time(scope: Scope, period: Period) -> FigureResult:
    due = Task.objects.active().filter(
        school_id__in=scope.school_ids,
        deadline__gte=period.start,
        deadline__lte=period.end,
    )
    on_time = due.filter(status=TaskStatus.DONE, done_on__lte=F("deadline"))
    total, done = due.count(), on_time.count()
    return FigureResult(
        value=done / total if total else None,
        records=on_time,
        breakdown={
            "numerator": done,
            "denominator": total,
            "decisions": due.values("decision").distinct().count(),
        },
    )


def _terms_in(scope: Scope, period: Period) -> list[Term]:
    return list(
        Term.objects.filter(
            school_id__in=scope.school_ids,
            start_date__lte=period.end,
            end_date__gte=period.start,
        )
    )


@figure(
    "workplans.grid_coverage",
    label=_("responsibility grid cells covered"),
    unit=Unit.RATE,
    definition=_(
        "Over the terms of the period: cells with a person on post over the cells the grid "
        "requires (every slot of every post, and the posts of lines that must cover every place)."
    ),
)
def grid_coverage(scope: Scope, period: Period) -> FigureResult:
    counts = coverage(_terms_in(scope, period))
    required = sum(needed for needed, _covered in counts.values())
    covered = sum(filled for _needed, filled in counts.values())
    term_ids = list(counts)
    return FigureResult(
        value=covered / required if required else None,
        records=GridCell.objects.filter(term_id__in=term_ids, person__isnull=False),
        breakdown={"numerator": covered, "denominator": required},
    )
