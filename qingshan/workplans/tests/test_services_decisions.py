"""Every refusal and transition of 一级双轨三层's services, and who may report a task."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.workplans.enums import DecisionStatus, TaskStatus, Tier
from qingshan.workplans.models import Decision, DecisionMeeting, Task
from qingshan.workplans.services import decisions as services
from tests.factories import DepartmentFactory, GradeTeamFactory, StaffFactory

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2013, 6, 30)


@pytest.fixture
def decision(school: Any) -> Decision:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )
    return services.record_decision(meeting=meeting, title="三同步", deadline=DEADLINE)


@pytest.fixture
def task(school: Any, decision: Decision) -> Task:
    return services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 6, 20),
    )


def codes(error: pytest.ExceptionInfo[ValidationError]) -> list[str | None]:
    return [item.code for item in error.value.error_list]


def test_a_decision_may_be_due_on_the_day_of_its_meeting(school: Any) -> None:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )

    decision = services.record_decision(
        meeting=meeting, title="当天办结", deadline=meeting.held_on, text="说明"
    )

    assert (decision.status, decision.deadline, decision.text) == (
        DecisionStatus.OPEN,
        meeting.held_on,
        "说明",
    )


def test_a_department_task_may_be_due_on_the_decisions_deadline(
    school: Any, decision: Decision
) -> None:
    owner = StaffFactory(school=school)

    task = services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=DEADLINE,
        owner=owner,
    )

    assert (task.tier, task.deadline, task.owner, task.status) == (
        Tier.IMPLEMENTATION,
        DEADLINE,
        owner,
        TaskStatus.OPEN,
    )


def test_a_department_task_due_after_the_decision_is_refused(
    school: Any, decision: Decision
) -> None:
    with pytest.raises(ValidationError) as error:
        services.hand_to_department(
            decision=decision,
            department=DepartmentFactory(school=school),
            title="迟",
            deadline=DEADLINE + dt.timedelta(days=1),
        )

    assert list(error.value.message_dict) == ["deadline"]
    assert Task.objects.count() == 0


def test_a_closed_department_task_is_not_handed_down(school: Any, task: Task) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")

    with pytest.raises(ValidationError) as error:
        services.hand_down(
            parent=task,
            title="晚了",
            deadline=dt.date(2013, 6, 10),
            grade_team=GradeTeamFactory(school=school),
        )

    assert codes(error) == ["parent_closed"]
    assert task.children.count() == 0


def test_a_child_may_be_due_on_its_parents_deadline(school: Any, task: Task) -> None:
    team = GradeTeamFactory(school=school)

    child = services.hand_down(parent=task, title="执行", deadline=task.deadline, grade_team=team)

    assert (child.tier, child.parent, child.department, child.grade_team) == (
        Tier.EXECUTION,
        task,
        task.department,
        team,
    )


def test_nothing_is_handed_down_under_a_closed_decision(
    school: Any, decision: Decision, task: Task
) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")
    services.close_decision(decision=decision)

    with pytest.raises(ValidationError) as error:
        services.hand_down(
            parent=task, title="x", deadline=dt.date(2013, 6, 1), owner=StaffFactory(school=school)
        )

    assert codes(error) == ["decision_closed"]


def test_a_task_is_done_with_trimmed_evidence(task: Task) -> None:
    done = services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="  总结 ")

    assert (done.status, done.done_on, done.evidence) == (
        TaskStatus.DONE,
        dt.date(2013, 6, 1),
        "总结",
    )


def test_a_task_is_done_only_once(task: Task) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")

    with pytest.raises(ValidationError) as error:
        services.complete_task(task=task, done_on=dt.date(2013, 6, 2), evidence="again")

    task.refresh_from_db()
    assert (codes(error), task.done_on, task.evidence) == (
        ["task_closed"],
        dt.date(2013, 6, 1),
        "x",
    )


def test_a_task_done_without_evidence_is_refused(task: Task) -> None:
    with pytest.raises(ValidationError) as error:
        services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="  ")

    task.refresh_from_db()
    assert (list(error.value.message_dict), task.status) == (["evidence"], TaskStatus.OPEN)


def test_a_task_done_in_the_future_is_refused(task: Task) -> None:
    with pytest.raises(ValidationError) as error:
        services.complete_task(
            task=task, done_on=timezone.localdate() + dt.timedelta(days=1), evidence="x"
        )

    task.refresh_from_db()
    assert (list(error.value.message_dict), task.status) == (["done_on"], TaskStatus.OPEN)


def test_an_explained_task_closes_today_with_its_reason(task: Task) -> None:
    explained = services.explain_task(task=task, explanation=" 改下学期 ")

    assert (explained.status, explained.done_on, explained.explanation) == (
        TaskStatus.EXPLAINED,
        timezone.localdate(),
        "改下学期",
    )


def test_a_done_task_is_not_explained_afterwards(task: Task) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")

    with pytest.raises(ValidationError) as error:
        services.explain_task(task=task, explanation="其实没做")

    task.refresh_from_db()
    assert (codes(error), task.status, task.explanation) == (["task_closed"], TaskStatus.DONE, "")


def test_a_decision_closes_on_the_day_given_or_today(
    school: Any, decision: Decision, task: Task
) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")
    other = services.record_decision(meeting=decision.meeting, title="二", deadline=DEADLINE)
    services.explain_task(
        task=services.hand_to_department(
            decision=other,
            department=task.department,
            title="t",
            deadline=DEADLINE,
        ),
        explanation="取消",
    )

    given = services.close_decision(decision=decision, note=" 完成 ", closed_on=dt.date(2013, 7, 1))
    today = services.close_decision(decision=other)

    assert (given.status, given.closed_on, given.closing_note) == (
        DecisionStatus.CLOSED,
        dt.date(2013, 7, 1),
        "完成",
    )
    assert today.closed_on == timezone.localdate()


def test_a_closed_decision_is_not_closed_again(decision: Decision, task: Task) -> None:
    services.complete_task(task=task, done_on=dt.date(2013, 6, 1), evidence="x")
    services.close_decision(decision=decision, note="first", closed_on=dt.date(2013, 7, 1))

    with pytest.raises(ValidationError) as error:
        services.close_decision(decision=decision, note="second")

    decision.refresh_from_db()
    assert (codes(error), decision.closing_note) == (["decision_closed"], "first")


def test_the_open_tasks_are_counted_in_the_refusal(school: Any, decision: Decision) -> None:
    for title in ("一", "二"):
        services.hand_to_department(
            decision=decision,
            department=DepartmentFactory(school=school),
            title=title,
            deadline=DEADLINE,
        )

    with pytest.raises(ValidationError) as error:
        services.close_decision(decision=decision)

    assert (codes(error), error.value.messages) == (
        ["tasks_open"],
        ["2 tasks are still open: close them or explain them first."],
    )


def test_the_owner_of_a_task_handed_down_reports_it(
    school: Any, task: Task, user_with_role: Any
) -> None:
    teacher = user_with_role(Role.TEACHER, school)
    child = services.hand_down(
        parent=task,
        title="执行",
        deadline=dt.date(2013, 6, 1),
        owner=StaffFactory(school=school, user=teacher),
    )

    assert (services.may_report(teacher, child), services.may_report(teacher, task)) == (
        True,
        False,
    )


def test_the_head_of_the_department_without_the_heads_role_does_not_report(
    school: Any, decision: Decision, user_with_role: Any
) -> None:
    teacher = user_with_role(Role.TEACHER, school)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=teacher))
    task = services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=DEADLINE
    )

    assert services.may_report(teacher, task) is False


def test_the_administrator_of_another_school_does_not_report(
    other_school: Any, task: Task, user_with_role: Any
) -> None:
    stranger = user_with_role(Role.SCHOOL_ADMIN, other_school)

    assert services.may_report(stranger, task) is False
