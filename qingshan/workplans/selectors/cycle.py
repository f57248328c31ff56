"""Reads of the work cycle: due dates, filing states, line progress and the synchronization flag."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.accounts.enums import Role
from qingshan.accounts.selectors import roles_at
from qingshan.core.models import School
from qingshan.organization.models import Department
from qingshan.organization.selectors import in_opened_term, opened_spans
from qingshan.workplans.enums import FilingState, Line, Stage
from qingshan.workplans.models import MonthlyPlan, PlanItem, WeeklyStatus, WorkSettings


def work_settings(school: School) -> WorkSettings:
    """The school's settings, or the defaults (unsaved) when none were stored."""
    found = WorkSettings.objects.for_school(school).first()
    return found if found is not None else WorkSettings(school=school)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    return next_month(month) - datetime.timedelta(days=1)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def plan_due(month: datetime.date, settings: WorkSettings) -> datetime.date:
    return month.replace(day=settings.plan_due_day)


def summary_due(month: datetime.date) -> datetime.date:
    return month_end(month)


def weekly_due(monday: datetime.date, settings: WorkSettings) -> datetime.date:
    return monday + datetime.timedelta(days=settings.weekly_due_weekday)


def filing_state(
    filed_at: datetime.datetime | None,
    due: datetime.date,
    today: datetime.date,
    *,
    in_term: bool = True,
) -> FilingState:
    """On time when filed on or before the due day (school's local date), late after it; a filing
    not made whose due day lies outside the terms the school opened is not owed (never overdue)."""
    if filed_at is not None:
        filed_on = timezone.localdate(filed_at)
        return FilingState.ON_TIME if filed_on <= due else FilingState.LATE
    if not in_term:
        return FilingState.NOT_OWED
    return FilingState.MISSING if today > due else FilingState.PENDING


def owed(school: School) -> Callable[[datetime.date], bool]:
    """Whether a filing due on a day is owed: its due day lies inside a term the school opened."""
    spans = opened_spans(school=school)
    return lambda due: in_opened_term(spans, due)


# --- units -----------------------------------------------------------------------------------


def units(school: School) -> list[Department | None]:
    """The units that file: the branch (``None``) and the school's active departments."""
    departments = list(
        Department.objects.for_school(school)
        .active()
        .select_related("head")  # may_file reads the head of each unit
        .order_by("sort_order", "name")
    )
    return [None, *departments]


def unit_label(department: Department | None) -> str:
    return department.name if department is not None else _("party branch")


def may_file(user: Any, school: School, department: Department | None) -> bool:
    """Whether the user files for this unit: admin any; secretary the branch; a head their own."""
    roles = roles_at(user, school)
    if Role.SCHOOL_ADMIN in roles:
        return True
    if department is None:
        return Role.SECRETARY in roles
    if Role.DEPARTMENT_HEAD not in roles or department.head_id is None:
        return False
    return bool(department.head is not None and department.head.user_id == user.pk)


# --- progress and the flag -------------------------------------------------------------------


@dataclass(frozen=True)
class LineProgress:
    planned: int = 0
    arranged: int = 0
    done: int = 0

    def share(self, count: int) -> float:
        return count / self.planned if self.planned else 0.0

    @property
    def arranged_share(self) -> float:
        return self.share(self.arranged)

    @property
    def done_share(self) -> float:
        return self.share(self.done)


def line_progress(items: list[PlanItem]) -> dict[str, LineProgress]:
    """Per line: items planned, arranged or further (owner and date set, or done), implemented."""
    result = {}
    for line in Line:
        own = [item for item in items if item.line == line]
        result[line.value] = LineProgress(
            planned=len(own),
            arranged=sum(1 for item in own if item.stage in (Stage.ARRANGED, Stage.DONE)),
            done=sum(1 for item in own if item.stage == Stage.DONE),
        )
    return result


@dataclass(frozen=True)
class Flag:
    """ "One hand hard, one hand soft": why a month's two lines are out of step."""

    line: str
    reason: str


def synchronization_flags(progress: dict[str, LineProgress], settings: WorkSettings) -> list[Flag]:
    """The lines that are empty or lag while the other goes ahead.

    A line is *empty* when it has fewer items than the school's minimum while the other has at
    least that many; a line *lags* when its arranged or implemented share trails the other's by
    the school's threshold or more (both lines having items).
    """
    flags: list[Flag] = []
    minimum = max(settings.min_items_per_line, 1)
    threshold = settings.lag_points / 100
    for line in Line:
        own, other = progress[line.value], progress[line.other.value]
        if own.planned < minimum:
            if other.planned >= minimum:
                flags.append(
                    Flag(
                        line.value,
                        _("%(line)s has %(own)d items while %(other)s has %(count)d.")
                        % {
                            "line": line.label,
                            "own": own.planned,
                            "other": line.other.label,
                            "count": other.planned,
                        },
                    )
                )
            continue
        if other.planned < minimum:
            continue
        for label, own_share, other_share in (
            (_("arranged"), own.arranged_share, other.arranged_share),
            (_("implemented"), own.done_share, other.done_share),
        ):
            # Rounded to whole points so that a boundary of exactly the threshold is stable.
            gap = round((other_share - own_share) * 100)
            if gap >= settings.lag_points and threshold > 0:
                flags.append(
                    Flag(
                        line.value,
                        _("%(line)s: %(own)d%% %(stage)s against %(other_share)d%% for %(other)s.")
                        % {
                            "line": line.label,
                            "own": round(own_share * 100),
                            "stage": label,
                            "other_share": round(other_share * 100),
                            "other": line.other.label,
                        },
                    )
                )
    return flags


# --- reads for pages -------------------------------------------------------------------------


def plans(school: School) -> QuerySet[MonthlyPlan]:
    return (
        MonthlyPlan.objects.for_school(school)
        .select_related("department", "plan_filed_by", "summary_filed_by")
        .order_by("-month", "department__sort_order", "department__name", "pk")
    )


def plans_with_items(school: School, month: datetime.date | None = None) -> QuerySet[MonthlyPlan]:
    """The school's plans (of ``month``'s month when given) with the school, the items and their
    owners fetched alongside (what the API's plans and their flags read)."""
    found = plans(school).select_related("school").prefetch_related("items", "items__owner")
    return found.filter(month=month_start(month)) if month is not None else found


def plan_with_items(school: School, pk: int) -> MonthlyPlan:
    return (
        plans(school)
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PlanItem.objects.active().select_related(
                    "owner", "serves__plan__department"
                ),
            )
        )
        .get(pk=pk)
    )


def items_for_filing(school: School) -> QuerySet[PlanItem]:
    """The school's plan items with their plan and the unit's head (who may file them)."""
    return PlanItem.objects.for_school(school).select_related("plan__department__head")


def items_of_month(school: School, month: datetime.date) -> QuerySet[PlanItem]:
    return (
        PlanItem.objects.for_school(school)
        .filter(plan__month=month)
        .select_related("plan__department", "owner")
    )


def weekly_statuses(
    school: School,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[WeeklyStatus]:
    """The school's weekly statuses with their unit and who filed them, latest week first; only
    the weeks starting from ``since`` and up to ``until`` when given."""
    found = (
        WeeklyStatus.objects.for_school(school)
        .select_related("department", "filed_by")
        .order_by("-week_start", "department__sort_order", "department__name", "pk")
    )
    if since is not None:
        found = found.filter(week_start__gte=since)
    if until is not None:
        found = found.filter(week_start__lte=until)
    return found


@dataclass
class UnitMonth:
    """One unit's month on the board."""

    department: Department | None
    plan: MonthlyPlan | None
    plan_state: FilingState
    summary_state: FilingState
    progress: dict[str, LineProgress]
    flags: list[Flag] = field(default_factory=list)
    weekly: list[tuple[datetime.date, FilingState]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return unit_label(self.department)


def weeks_due_in(month: datetime.date, settings: WorkSettings) -> list[datetime.date]:
    """Mondays of the weeks whose status falls due within the month."""
    monday = week_start(month)
    weeks = []
    while monday <= month_end(month):
        if month <= weekly_due(monday, settings) <= month_end(month):
            weeks.append(monday)
        monday += datetime.timedelta(days=7)
    return weeks


def month_board(school: School, month: datetime.date, today: datetime.date) -> list[UnitMonth]:
    """Every unit's plan, summary, weekly statuses, line progress and flags for one month."""
    settings = work_settings(school)
    found = {
        plan.department_id: plan
        for plan in plans(school)
        .filter(month=month)
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PlanItem.objects.active().select_related("owner"),
            )
        )
    }
    weeks = weeks_due_in(month, settings)
    is_owed = owed(school)
    statuses = {
        (status.department_id, status.week_start): status.filed_at
        for status in WeeklyStatus.objects.for_school(school).filter(week_start__in=weeks)
    }
    board = []
    for department in units(school):
        key = department.pk if department is not None else None
        plan = found.get(key)
        items = list(plan.items.all()) if plan is not None else []
        progress = line_progress(items)
        board.append(
            UnitMonth(
                department=department,
                plan=plan,
                plan_state=filing_state(
                    plan.plan_filed_at if plan else None,
                    plan_due(month, settings),
                    today,
                    in_term=is_owed(plan_due(month, settings)),
                ),
                summary_state=filing_state(
                    plan.summary_filed_at if plan else None,
                    summary_due(month),
                    today,
                    in_term=is_owed(summary_due(month)),
                ),
                progress=progress,
                flags=synchronization_flags(progress, settings) if items else [],
                weekly=[
                    (
                        monday,
                        filing_state(
                            statuses.get((key, monday)),
                            weekly_due(monday, settings),
                            today,
                            in_term=is_owed(weekly_due(monday, settings)),
                        ),
                    )
                    for monday in weeks
                ],
            )
        )
    return board


@dataclass(frozen=True)
class Overdue:
    unit: str
    filing: str
    period: datetime.date
    due: datetime.date
    department_id: int | None


def overdue_filings(school: School, today: datetime.date) -> list[Overdue]:
    """Filings past due and not filed, owed inside an opened term: this month's plan, last month's
    summary, last and this week's status."""
    settings = work_settings(school)
    is_owed = owed(school)
    this_month = month_start(today)
    last_month = month_start(this_month - datetime.timedelta(days=1))
    last_week = week_start(today) - datetime.timedelta(days=7)
    this_week = week_start(today)
    monthly = {
        (plan.department_id, plan.month): plan
        for plan in MonthlyPlan.objects.for_school(school).filter(
            month__in=[this_month, last_month]
        )
    }
    weekly = set(
        WeeklyStatus.objects.for_school(school)
        .filter(week_start__in=[last_week, this_week])
        .values_list("department_id", "week_start")
    )
    result = []
    for department in units(school):
        key = department.pk if department is not None else None
        label = unit_label(department)
        plan = monthly.get((key, this_month))
        due = plan_due(this_month, settings)
        if (plan is None or plan.plan_filed_at is None) and today > due and is_owed(due):
            result.append(Overdue(label, "plan", this_month, due, key))
        previous = monthly.get((key, last_month))
        due = summary_due(last_month)
        if (previous is None or previous.summary_filed_at is None) and is_owed(due):
            result.append(Overdue(label, "summary", last_month, due, key))
        for monday in (last_week, this_week):
            due = weekly_due(monday, settings)
            if today > due and (key, monday) not in weekly and is_owed(due):
                result.append(Overdue(label, "weekly", monday, due, key))
    return result
