"""Reads of the work system's pages and API: each keeps to one school and filters as asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qingshan.workplans.enums import DecisionStatus
from qingshan.workplans.models import Decision, WeeklyStatus
from qingshan.workplans.selectors import cycle, decisions, grid
from qingshan.workplans.tests.factories import at, plan_with_items, work_records
from tests.factories import DepartmentFactory, TermFactory

pytestmark = pytest.mark.django_db


def test_plans_with_items_keep_to_the_school_and_the_month_asked(
    school: Any, other_school: Any
) -> None:
    march = plan_with_items(school, month=dt.date(2013, 3, 1), party=2, teaching=1)
    april = plan_with_items(school, month=dt.date(2013, 4, 1))
    plan_with_items(other_school, month=dt.date(2013, 3, 1))

    in_march = list(cycle.plans_with_items(school, dt.date(2013, 3, 17)))

    assert in_march == [march]
    assert len(in_march[0].items.all()) == 3
    assert set(cycle.plans_with_items(school)) == {march, april}


def test_weekly_statuses_between_two_days(school: Any, other_school: Any) -> None:
    department = DepartmentFactory(school=school)
    weeks = [dt.date(2013, 2, 25), dt.date(2013, 3, 4), dt.date(2013, 3, 25), dt.date(2013, 4, 1)]
    for monday in weeks:
        WeeklyStatus.objects.create(
            school=school, department=department, week_start=monday, text="x", filed_at=at(monday)
        )
    WeeklyStatus.objects.create(
        school=other_school,
        department=DepartmentFactory(school=other_school),
        week_start=dt.date(2013, 3, 11),
        text="y",
        filed_at=at(dt.date(2013, 3, 11)),
    )

    found = cycle.weekly_statuses(school, since=dt.date(2013, 2, 25), until=dt.date(2013, 3, 31))

    assert [status.week_start for status in found] == weeks[2::-1]
    assert len(cycle.weekly_statuses(school, since=dt.date(2013, 3, 5))) == 2
    assert len(cycle.weekly_statuses(school)) == 4


def test_decisions_of_one_status_and_of_the_school_only(school: Any, other_school: Any) -> None:
    ours = work_records(school)["decision"]
    work_records(other_school, mark="乙")
    closed = Decision.objects.create(
        school=school,
        meeting=ours.meeting,
        title="已办结",
        deadline=dt.date(2013, 6, 30),
        status=DecisionStatus.CLOSED,
    )

    assert list(decisions.decisions(school, DecisionStatus.OPEN)) == [ours]
    assert list(decisions.decisions(school, DecisionStatus.CLOSED)) == [closed]
    assert set(decisions.decisions(school)) == {ours, closed}
    assert decisions.decisions(school, DecisionStatus.OPEN)[0].task_count == 1
    assert set(decisions.decisions_with_tasks(school)) == {ours, closed}
    assert set(decisions.all_decisions(school)) == {ours, closed}


def test_items_and_tasks_of_another_school_are_not_found(school: Any, other_school: Any) -> None:
    ours = work_records(school)
    theirs = work_records(other_school, mark="乙")

    assert ours["item"] in cycle.items_for_filing(school)
    assert theirs["item"] not in cycle.items_for_filing(school)
    assert list(decisions.tasks_for_reporting(school)) == [ours["task"]]


def test_terms_to_choose_from_are_the_schools_latest_first(school: Any, other_school: Any) -> None:
    older = TermFactory(
        school=school, start_date=dt.date(2012, 9, 1), end_date=dt.date(2013, 1, 20)
    )
    newer = TermFactory(
        school=school, start_date=dt.date(2013, 2, 25), end_date=dt.date(2013, 7, 10)
    )
    TermFactory(school=other_school)

    assert list(grid.terms_latest_first(school)) == [newer, older]
