"""The work cycle: due dates and filing states, the synchronization flag, and the cycle's services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from qingshan.workplans.enums import FilingState, Line, Stage
from qingshan.workplans.models import MonthlyPlan, PlanItem, WeeklyStatus, WorkSettings
from qingshan.workplans.selectors import cycle as selectors
from qingshan.workplans.selectors.cycle import LineProgress, synchronization_flags
from qingshan.workplans.services import cycle as services
from qingshan.workplans.tests.factories import at, plan_with_items
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.usefixtures("school_in_session")

SETTINGS = WorkSettings(plan_due_day=3, weekly_due_weekday=4, min_items_per_line=1, lag_points=30)


def progress(
    party: tuple[int, int, int], teaching: tuple[int, int, int]
) -> dict[str, LineProgress]:
    return {
        Line.PARTY.value: LineProgress(*party),
        Line.TEACHING.value: LineProgress(*teaching),
    }


def test_lines_in_step_are_not_flagged() -> None:
    assert synchronization_flags(progress((3, 3, 2), (4, 4, 3)), SETTINGS) == []


def test_an_empty_line_beside_a_working_one_is_flagged() -> None:
    flags = synchronization_flags(progress((0, 0, 0), (3, 3, 3)), SETTINGS)
    assert [flag.line for flag in flags] == [Line.PARTY.value]


def test_both_lines_empty_is_not_one_hand_soft() -> None:
    assert synchronization_flags(progress((0, 0, 0), (0, 0, 0)), SETTINGS) == []


def test_a_gap_of_exactly_the_threshold_is_flagged() -> None:
    # party implemented 7/10 = 70 %, teaching 10/10 = 100 %: 30 points, the threshold itself
    flags = synchronization_flags(progress((10, 10, 7), (10, 10, 10)), SETTINGS)
    assert [flag.line for flag in flags] == [Line.PARTY.value]


def test_a_gap_one_point_below_the_threshold_is_not_flagged() -> None:
    # 71 % against 100 %
    assert synchronization_flags(progress((100, 100, 71), (10, 10, 10)), SETTINGS) == []


def test_arrangement_lag_is_flagged_for_the_lagging_line_only() -> None:
    flags = synchronization_flags(progress((4, 4, 0), (4, 1, 0)), SETTINGS)
    assert [flag.line for flag in flags] == [Line.TEACHING.value]


def test_the_minimum_items_setting_decides_what_is_empty() -> None:
    settings = WorkSettings(min_items_per_line=3, lag_points=30)
    assert len(synchronization_flags(progress((2, 2, 2), (3, 3, 3)), settings)) == 1
    assert synchronization_flags(progress((2, 2, 2), (2, 2, 2)), settings) == []


@pytest.mark.parametrize(
    ("filed", "today", "expected"),
    [
        (dt.date(2013, 3, 3), dt.date(2013, 3, 10), FilingState.ON_TIME),
        (dt.date(2013, 3, 4), dt.date(2013, 3, 10), FilingState.LATE),
        (None, dt.date(2013, 3, 3), FilingState.PENDING),
        (None, dt.date(2013, 3, 4), FilingState.MISSING),
    ],
)
def test_filing_state_around_the_due_day(
    filed: dt.date | None, today: dt.date, expected: FilingState
) -> None:
    due = selectors.plan_due(dt.date(2013, 3, 1), SETTINGS)
    assert selectors.filing_state(at(filed, 23) if filed else None, due, today) == expected


def test_weekly_status_falls_due_on_the_schools_weekday() -> None:
    assert selectors.weekly_due(dt.date(2013, 3, 4), SETTINGS) == dt.date(2013, 3, 8)
    assert selectors.summary_due(dt.date(2013, 2, 1)) == dt.date(2013, 2, 28)


def test_weeks_due_in_a_month_are_those_whose_friday_falls_in_it() -> None:
    assert selectors.weeks_due_in(dt.date(2013, 3, 1), SETTINGS) == [
        dt.date(2013, 2, 25),
        dt.date(2013, 3, 4),
        dt.date(2013, 3, 11),
        dt.date(2013, 3, 18),
        dt.date(2013, 3, 25),
    ]


@pytest.mark.django_db
class TestPlanServices:
    def test_a_plan_is_opened_once_per_unit_and_month(self, school: object) -> None:
        department = DepartmentFactory(school=school)
        first = services.open_plan(school=school, department=department, month=dt.date(2013, 3, 1))
        again = services.open_plan(school=school, department=department, month=dt.date(2013, 3, 1))
        branch = services.open_plan(school=school, department=None, month=dt.date(2013, 3, 1))
        assert (first.pk == again.pk, branch.pk != first.pk) == (True, True)

    def test_a_month_is_named_by_its_first_day(self, school: object) -> None:
        with pytest.raises(ValidationError):
            services.open_plan(school=school, department=None, month=dt.date(2013, 3, 2))
        assert MonthlyPlan.objects.count() == 0

    def test_an_item_goes_planned_arranged_implemented(self, school: object) -> None:
        plan = services.open_plan(school=school, department=None, month=dt.date(2013, 3, 1))
        item = services.add_item(plan=plan, line=Line.PARTY, title="党课")
        stages = [item.stage]
        item = services.update_item(
            item=item, values={"owner": StaffFactory(school=school), "due_on": dt.date(2013, 3, 20)}
        )
        stages.append(item.stage)
        item = services.mark_item_done(
            item=item, done_on=dt.date(2013, 3, 19), evidence="签到表", outcome="完成"
        )
        stages.append(item.stage)
        assert stages == [Stage.PLANNED, Stage.ARRANGED, Stage.DONE]

    def test_done_needs_evidence_and_changes_nothing_without(self, school: object) -> None:
        plan = plan_with_items(school)
        item = plan.items.first()
        with pytest.raises(ValidationError):
            services.mark_item_done(item=item, done_on=dt.date(2013, 3, 5), evidence="  ")
        item.refresh_from_db()
        assert (item.done_on, item.evidence) == (None, "")

    def test_done_before_the_plans_month_is_refused(self, school: object) -> None:
        item = plan_with_items(school).items.first()
        with pytest.raises(ValidationError):
            services.mark_item_done(item=item, done_on=dt.date(2013, 2, 28), evidence="x")

    def test_an_item_serves_an_item_of_the_other_line_in_the_same_month(
        self, school: object
    ) -> None:
        plan = plan_with_items(school)
        party = plan.items.get(line=Line.PARTY)
        teaching = plan.items.get(line=Line.TEACHING)
        other_month = plan_with_items(school, month=dt.date(2013, 4, 1)).items.get(
            line=Line.TEACHING
        )
        linked = services.update_item(item=party, values={"serves": teaching})
        with pytest.raises(ValidationError):
            services.update_item(item=party, values={"serves": plan.items.get(line=Line.PARTY)})
        with pytest.raises(ValidationError):
            services.update_item(item=party, values={"serves": other_month})
        linked.refresh_from_db()
        assert linked.serves_id == teaching.pk

    def test_an_empty_plan_cannot_be_filed(self, school: object, user_with_role: object) -> None:
        plan = services.open_plan(school=school, department=None, month=dt.date(2013, 3, 1))
        with pytest.raises(ValidationError):
            services.file_plan(plan=plan, by=None)
        plan.refresh_from_db()
        assert plan.plan_filed_at is None

    def test_summary_follows_the_plan_and_freezes_the_items(self, school: object) -> None:
        plan = plan_with_items(school)
        with pytest.raises(ValidationError):
            services.file_summary(plan=plan, by=None, text="")
        services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 2)))
        services.file_summary(plan=plan, by=None, text="好", at=at(dt.date(2013, 3, 31)))
        with pytest.raises(ValidationError):
            services.add_item(plan=plan, line=Line.PARTY, title="迟到的事项")
        with pytest.raises(ValidationError):
            services.file_summary(plan=plan, by=None, text="again")
        assert PlanItem.objects.filter(plan=plan).count() == 2

    def test_removing_an_item_of_a_filed_plan_archives_it(self, school: object) -> None:
        plan = plan_with_items(school, party=2)
        services.file_plan(plan=plan, by=None)
        item = plan.items.filter(line=Line.PARTY).first()
        services.remove_item(item=item)
        item.refresh_from_db()
        assert item.archived_at is not None

    def test_a_weekly_status_is_filed_once_per_unit_and_monday(self, school: object) -> None:
        services.file_weekly_status(
            school=school,
            department=None,
            week_start=dt.date(2013, 3, 4),
            text="平稳",
            by=None,
            at=at(dt.date(2013, 3, 8)),
        )
        with pytest.raises(ValidationError):
            services.file_weekly_status(
                school=school,
                department=None,
                week_start=dt.date(2013, 3, 4),
                text="again",
                by=None,
                at=at(dt.date(2013, 3, 8)),
            )
        with pytest.raises(ValidationError):
            services.file_weekly_status(
                school=school,
                department=None,
                week_start=dt.date(2013, 3, 5),
                text="Tuesday",
                by=None,
                at=at(dt.date(2013, 3, 8)),
            )
        assert WeeklyStatus.objects.count() == 1

    def test_another_schools_department_is_refused(
        self, school: object, other_school: object
    ) -> None:
        with pytest.raises(ValidationError):
            services.open_plan(
                school=school,
                department=DepartmentFactory(school=other_school),
                month=dt.date(2013, 3, 1),
            )


@pytest.mark.django_db
def test_month_board_and_overdue_filings(school: object) -> None:
    department = DepartmentFactory(school=school)
    plan = plan_with_items(school, department=department, party=0, teaching=2)
    services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 5)))
    board = selectors.month_board(school, dt.date(2013, 3, 1), dt.date(2013, 4, 2))
    row = next(row for row in board if row.department == department)
    branch = next(row for row in board if row.department is None)
    overdue = selectors.overdue_filings(school, dt.date(2013, 4, 8))
    assert (row.plan_state, row.summary_state, len(row.flags)) == (
        FilingState.LATE,
        FilingState.MISSING,
        1,
    )
    assert branch.plan_state == FilingState.MISSING
    assert {(item.unit, item.filing) for item in overdue} >= {
        (department.name, "plan"),
        (department.name, "summary"),
        (department.name, "weekly"),
    }


@pytest.mark.django_db
def test_reminders_go_once_to_the_head_of_a_late_unit(
    school: object, user_with_role: object, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    from qingshan.workplans.models import Reminder
    from qingshan.workplans.services.reminders import send_reminders

    head_user = user_with_role("department_head", school, email="head@example.org")  # type: ignore[operator]
    DepartmentFactory(school=school, head=StaffFactory(school=school, user=head_user))
    with django_capture_on_commit_callbacks(execute=True):
        first = send_reminders(school=school, today=dt.date(2013, 4, 8))
        again = send_reminders(school=school, today=dt.date(2013, 4, 8))
    to_head = [message for message in mail.outbox if message.to == ["head@example.org"]]
    assert (first > 0, again, Reminder.objects.count() == first) == (True, 0, True)
    assert len(to_head) == len(
        [reminder for reminder in Reminder.objects.all() if reminder.department_id]
    )
