"""一级双轨三层: decisions handed down, reported and closed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from qingshan.workplans.enums import DecisionStatus, TaskStatus, Tier
from qingshan.workplans.models import Decision, DecisionMeeting, Task
from qingshan.workplans.selectors.decisions import overdue_tasks, tier_progress
from qingshan.workplans.services import decisions as services
from tests.factories import DepartmentFactory, GradeTeamFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(school: Any) -> Decision:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )
    return services.record_decision(meeting=meeting, title="三同步", deadline=dt.date(2013, 6, 30))


def test_a_deadline_before_the_meeting_is_refused(school: Any) -> None:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )
    with pytest.raises(ValidationError):
        services.record_decision(meeting=meeting, title="x", deadline=dt.date(2013, 2, 1))
    assert Decision.objects.count() == 0


def test_tasks_go_down_two_tiers_within_their_parents_deadline(
    school: Any, decision: Decision
) -> None:
    department = DepartmentFactory(school=school)
    parent = services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )
    child = services.hand_down(
        parent=parent,
        title="执行",
        deadline=dt.date(2013, 6, 10),
        grade_team=GradeTeamFactory(school=school),
    )
    with pytest.raises(ValidationError):
        services.hand_down(
            parent=parent,
            title="too late",
            deadline=dt.date(2013, 6, 21),
            owner=StaffFactory(school=school),
        )
    with pytest.raises(ValidationError):
        services.hand_down(parent=parent, title="nobody", deadline=dt.date(2013, 6, 1))
    with pytest.raises(ValidationError):
        services.hand_down(
            parent=child,
            title="third tier",
            deadline=dt.date(2013, 6, 1),
            owner=StaffFactory(school=school),
        )
    with pytest.raises(ValidationError):
        services.hand_to_department(
            decision=decision, department=department, title="after", deadline=dt.date(2013, 7, 1)
        )
    assert [(task.tier, task.department_id) for task in Task.objects.order_by("pk")] == [
        (Tier.IMPLEMENTATION, department.pk),
        (Tier.EXECUTION, department.pk),
    ]


def test_a_decision_closes_only_when_every_task_is_done_or_explained(
    school: Any, decision: Decision
) -> None:
    department = DepartmentFactory(school=school)
    with pytest.raises(ValidationError):
        services.close_decision(decision=decision)  # no tasks yet
    parent = services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )
    child = services.hand_down(
        parent=parent,
        title="执行",
        deadline=dt.date(2013, 6, 10),
        owner=StaffFactory(school=school),
    )
    with pytest.raises(ValidationError):
        services.complete_task(task=parent, done_on=dt.date(2013, 6, 1), evidence="x")  # child open
    with pytest.raises(ValidationError):
        services.close_decision(decision=decision)
    with pytest.raises(ValidationError):
        services.explain_task(task=child, explanation=" ")
    services.explain_task(task=child, explanation="场地维修，改下学期")
    services.complete_task(task=parent, done_on=dt.date(2013, 6, 1), evidence="总结")
    closed = services.close_decision(decision=decision, note="完成")
    with pytest.raises(ValidationError):
        services.hand_to_department(
            decision=decision, department=department, title="late", deadline=dt.date(2013, 6, 1)
        )
    assert (closed.status, Task.objects.get(pk=child.pk).status) == (
        DecisionStatus.CLOSED,
        TaskStatus.EXPLAINED,
    )


def test_progress_and_overdue_by_tier(school: Any, decision: Decision) -> None:
    department = DepartmentFactory(school=school)
    parent = services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )
    services.hand_down(
        parent=parent, title="a", deadline=dt.date(2013, 5, 1), owner=StaffFactory(school=school)
    )
    done = services.hand_down(
        parent=parent, title="b", deadline=dt.date(2013, 5, 1), owner=StaffFactory(school=school)
    )
    services.complete_task(task=done, done_on=dt.date(2013, 4, 30), evidence="ok")
    decision = Decision.objects.prefetch_related("tasks").get(pk=decision.pk)
    progress = tier_progress(decision, dt.date(2013, 5, 2))
    assert [(tier.total, tier.closed, tier.overdue) for tier in progress] == [(1, 0, 0), (2, 1, 1)]
    assert [task.title for task in overdue_tasks(school, dt.date(2013, 5, 2))] == ["a"]


def test_who_may_report_a_task(school: Any, decision: Decision, user_with_role: Any) -> None:
    head_user = user_with_role("department_head", school)
    other_head = user_with_role("department_head", school)
    admin = user_with_role("school_admin", school)
    head = StaffFactory(school=school, user=head_user)
    department = DepartmentFactory(school=school, head=head)
    task = services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )
    assert [services.may_report(user, task) for user in (head_user, other_head, admin)] == [
        True,
        False,
        True,
    ]
