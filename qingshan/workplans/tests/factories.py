"""Records of the work system for tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from qingshan.workplans.enums import Line, Tier
from qingshan.workplans.models import (
    Decision,
    DecisionMeeting,
    GridCell,
    GridException,
    Leave,
    MonthlyPlan,
    Place,
    PlanItem,
    Task,
    TimeSlot,
    WeeklyStatus,
    WorkLine,
)
from tests.factories import DepartmentFactory, GradeTeamFactory, StaffFactory, TermFactory


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def plan_with_items(
    school: Any,
    *,
    department: Any = None,
    month: dt.date = dt.date(2013, 3, 1),
    party: int = 1,
    teaching: int = 1,
) -> MonthlyPlan:
    plan = MonthlyPlan.objects.create(school=school, department=department, month=month)
    for line, count in ((Line.PARTY, party), (Line.TEACHING, teaching)):
        for index in range(count):
            PlanItem.objects.create(
                school=school, plan=plan, line=line, title=f"{line} {index}", sort_order=index
            )
    return plan


def grid_records(school: Any, mark: str = "") -> dict[str, Any]:
    term = TermFactory(school=school)
    line = WorkLine.objects.create(school=school, name=f"安全{mark}")
    place = Place.objects.create(school=school, name=f"教学楼{mark}", kind="building")
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    person = StaffFactory(school=school, name=f"值班{mark}")
    cell = GridCell.objects.create(
        school=school, term=term, line=line, place=place, slot=slot, person=person
    )
    exception = GridException.objects.create(
        school=school, term=term, date=dt.date(2013, 10, 1), note="国庆节"
    )
    leave = Leave.objects.create(
        school=school, person=person, starts_on=dt.date(2013, 11, 1), ends_on=dt.date(2013, 11, 2)
    )
    return {
        "term": term,
        "workline": line,
        "place": place,
        "timeslot": slot,
        "gridcell": cell,
        "gridexception": exception,
        "leave": leave,
        "person": person,
    }


def work_records(school: Any, mark: str = "") -> dict[str, Any]:
    """One of each work-system record, for the URL matrix and isolation tests."""
    department = DepartmentFactory(school=school, name=f"教务处{mark}")
    plan = plan_with_items(school, department=department)
    item = plan.items.first()
    status = WeeklyStatus.objects.create(
        school=school,
        department=department,
        week_start=dt.date(2013, 3, 4),
        text=f"本周情况{mark}",
        filed_at=at(dt.date(2013, 3, 8)),
    )
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title=f"决策会{mark}"
    )
    decision = Decision.objects.create(
        school=school, meeting=meeting, title=f"决定{mark}", deadline=dt.date(2013, 6, 30)
    )
    task = Task.objects.create(
        school=school,
        decision=decision,
        tier=Tier.IMPLEMENTATION,
        title=f"任务{mark}",
        department=department,
        deadline=dt.date(2013, 6, 1),
    )
    team = GradeTeamFactory(school=school)
    return {
        "department": department,
        "plan": plan,
        "item": item,
        "weeklystatus": status,
        "decisionmeeting": meeting,
        "decision": decision,
        "task": task,
        "gradeteam": team,
        **grid_records(school, mark),
    }
