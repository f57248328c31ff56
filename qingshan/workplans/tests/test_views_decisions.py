"""Pages of 一级双轨三层: recording decisions, handing them down, reporting and closing them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.workplans.enums import DecisionStatus, TaskStatus, Tier
from qingshan.workplans.models import Decision, DecisionMeeting, Task
from qingshan.workplans.services import decisions as services
from qingshan.workplans.tests.support import CHINESE, messages_of
from tests.factories import DepartmentFactory, GradeTeamFactory

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2013, 6, 30)


@pytest.fixture
def meeting(school: Any) -> DecisionMeeting:
    return DecisionMeeting.objects.create(school=school, held_on=dt.date(2013, 2, 26), title="会")


@pytest.fixture
def decision(meeting: DecisionMeeting) -> Decision:
    return services.record_decision(meeting=meeting, title="三同步", deadline=DEADLINE)


@pytest.fixture
def head_task(decision: Decision, department_head: tuple[Any, Any]) -> Task:
    _user, department = department_head
    return services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )


# --- the supervision board --------------------------------------------------------------------


def test_the_board_shows_open_decisions_unless_asked_otherwise(
    school: Any, meeting: DecisionMeeting, client_for: Any
) -> None:
    services.record_decision(meeting=meeting, title="未结", deadline=DEADLINE)
    closed = Decision.objects.create(
        school=school, meeting=meeting, title="已结", deadline=DEADLINE, status="closed"
    )
    client = client_for(Role.TEACHER, school)

    default = client.get(reverse("workplans:supervision"))
    only_closed = client.get(reverse("workplans:supervision"), {"status": "closed"})
    every = client.get(reverse("workplans:supervision"), {"status": "any"})

    assert [d.title for d in default.context["decisions"]] == ["未结"]
    assert [d.pk for d in only_closed.context["decisions"]] == [closed.pk]
    assert sorted(d.title for d in every.context["decisions"]) == ["已结", "未结"]


def test_the_board_lists_the_heads_own_tasks(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).get(reverse("workplans:supervision"))

    assert [task.pk for task in response.context["mine"]] == [head_task.pk]


@pytest.mark.parametrize(("role", "status"), [(Role.STUDENT, 403), (None, 302)])
def test_students_and_strangers_do_not_see_the_board(
    school: Any, client_for: Any, role: Any, status: int
) -> None:
    assert client_for(role, school).get(reverse("workplans:supervision")).status_code == status


# --- recording a decision ---------------------------------------------------------------------


def test_the_administrator_records_a_decision(
    school: Any, meeting: DecisionMeeting, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse("workplans:decision_create", args=[meeting.pk])

    page = client.get(url)
    response = client.post(url, {"title": "落实三同步", "text": "细则", "deadline": "2013-06-30"})

    decision = Decision.objects.get()
    assert (page.status_code, response.url) == (200, decision.get_absolute_url())
    assert (decision.meeting, decision.title, decision.deadline) == (
        meeting,
        "落实三同步",
        DEADLINE,
    )


def test_a_deadline_before_the_meeting_shows_the_translated_error(
    school: Any, meeting: DecisionMeeting, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_create", args=[meeting.pk]),
        {"title": "x", "deadline": "2013-02-01"},
        headers=CHINESE,
    )

    assert response.status_code == 400
    assert response.context["form"].errors["deadline"] == ["期限不能早于会议日期。"]
    assert Decision.objects.count() == 0


def test_a_decision_without_a_title_is_refused(
    school: Any, meeting: DecisionMeeting, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_create", args=[meeting.pk]), {"deadline": "2013-06-30"}
    )

    assert (response.status_code, list(response.context["form"].errors)) == (400, ["title"])
    assert Decision.objects.count() == 0


@pytest.mark.parametrize("role", [Role.DEPARTMENT_HEAD, Role.SECRETARY, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_records_decisions(
    school: Any, meeting: DecisionMeeting, client_for: Any, role: str
) -> None:
    response = client_for(role, school).post(
        reverse("workplans:decision_create", args=[meeting.pk]),
        {"title": "x", "deadline": "2013-06-30"},
    )

    assert (response.status_code, Decision.objects.count()) == (403, 0)


def test_a_meeting_of_another_school_is_not_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    meeting = DecisionMeeting.objects.create(
        school=other_school, held_on=dt.date(2013, 2, 26), title="别校"
    )

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("workplans:decision_create", args=[meeting.pk])
    )

    assert response.status_code == 404


# --- a decision's page ------------------------------------------------------------------------


def test_the_head_may_report_their_task_and_a_teacher_only_reads(
    school: Any,
    decision: Decision,
    head_task: Task,
    department_head: tuple[Any, Any],
    signed_in: Any,
    client_for: Any,
) -> None:
    user, _department = department_head

    head = signed_in(user).get(decision.get_absolute_url())
    teacher = client_for(Role.TEACHER, school).get(decision.get_absolute_url())

    assert [row["may_report"] for row in head.context["rows"]] == [True]
    assert head.context["hand_down_form"] is not None
    assert head.context["department_form"] is None
    assert [row["may_report"] for row in teacher.context["rows"]] == [False]
    assert teacher.context["hand_down_form"] is None


def test_a_closed_decision_offers_no_forms(
    school: Any, decision: Decision, head_task: Task, client_for: Any
) -> None:
    services.complete_task(task=head_task, done_on=dt.date(2013, 6, 1), evidence="x")
    services.close_decision(decision=decision)

    response = client_for(Role.SCHOOL_ADMIN, school).get(decision.get_absolute_url())

    assert response.context["is_open"] is False
    assert (response.context["department_form"], response.context["close_form"]) == (None, None)


def test_another_schools_decision_is_not_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    meeting = DecisionMeeting.objects.create(
        school=other_school, held_on=dt.date(2013, 2, 26), title="别校"
    )
    decision = services.record_decision(meeting=meeting, title="别校决定", deadline=DEADLINE)

    response = client_for(Role.SCHOOL_ADMIN, school).get(decision.get_absolute_url())

    assert response.status_code == 404


def test_a_student_cannot_read_a_decision(school: Any, decision: Decision, client_for: Any) -> None:
    assert client_for(Role.STUDENT, school).get(decision.get_absolute_url()).status_code == 403


# --- handing to departments and closing -------------------------------------------------------


def test_the_administrator_hands_a_decision_to_a_department(
    school: Any, decision: Decision, client_for: Any
) -> None:
    department = DepartmentFactory(school=school)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_hand", args=[decision.pk]),
        {"department": department.pk, "title": "落实", "deadline": "2013-06-20"},
    )

    task = Task.objects.get()
    assert response.url == decision.get_absolute_url()
    assert (task.tier, task.department, task.deadline) == (
        Tier.IMPLEMENTATION,
        department,
        dt.date(2013, 6, 20),
    )


def test_handing_without_a_department_changes_nothing(
    school: Any, decision: Decision, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_hand", args=[decision.pk]),
        {"title": "落实", "deadline": "2013-06-20"},
    )

    assert messages_of(response) == ["Name the department, the task and its deadline."]
    assert Task.objects.count() == 0


def test_a_task_due_after_the_decision_is_refused_with_a_message(
    school: Any, decision: Decision, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_hand", args=[decision.pk]),
        {
            "department": DepartmentFactory(school=school).pk,
            "title": "迟",
            "deadline": "2013-07-01",
        },
    )

    assert messages_of(response) == ["A task cannot be due after its decision (2013-06-30)."]
    assert Task.objects.count() == 0


def test_a_head_cannot_hand_a_decision_to_a_department(
    school: Any, decision: Decision, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, department = department_head

    response = signed_in(user).post(
        reverse("workplans:decision_hand", args=[decision.pk]),
        {"department": department.pk, "title": "落实", "deadline": "2013-06-20"},
    )

    assert (response.status_code, Task.objects.count()) == (403, 0)


def test_the_administrator_closes_a_decision_whose_tasks_are_closed(
    school: Any, decision: Decision, head_task: Task, client_for: Any
) -> None:
    services.complete_task(task=head_task, done_on=dt.date(2013, 6, 1), evidence="x")

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_close", args=[decision.pk]), {"note": "全部完成"}
    )

    decision.refresh_from_db()
    assert response.url == decision.get_absolute_url()
    assert (decision.status, decision.closing_note) == (DecisionStatus.CLOSED, "全部完成")


def test_a_decision_with_open_tasks_stays_open(
    school: Any, decision: Decision, head_task: Task, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:decision_close", args=[decision.pk])
    )

    decision.refresh_from_db()
    assert messages_of(response) == ["1 tasks are still open: close them or explain them first."]
    assert decision.status == DecisionStatus.OPEN


def test_a_head_cannot_close_a_decision(
    school: Any,
    decision: Decision,
    head_task: Task,
    department_head: tuple[Any, Any],
    signed_in: Any,
) -> None:
    services.complete_task(task=head_task, done_on=dt.date(2013, 6, 1), evidence="x")
    user, _department = department_head

    response = signed_in(user).post(reverse("workplans:decision_close", args=[decision.pk]))

    decision.refresh_from_db()
    assert (response.status_code, decision.status) == (403, DecisionStatus.OPEN)


# --- reporting tasks --------------------------------------------------------------------------


def test_the_head_hands_their_task_down_to_a_grade_team(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head
    team = GradeTeamFactory(school=school)

    response = signed_in(user).post(
        reverse("workplans:task_hand_down", args=[head_task.pk]),
        {"title": "执行", "grade_team": team.pk, "deadline": "2013-06-10"},
    )

    child = head_task.children.get()
    assert response.url == head_task.decision.get_absolute_url()
    assert (child.tier, child.grade_team, child.owner) == (Tier.EXECUTION, team, None)


def test_handing_down_to_nobody_shows_the_translated_refusal(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_hand_down", args=[head_task.pk]),
        {"title": "执行", "deadline": "2013-06-10"},
        headers=CHINESE,
    )

    assert messages_of(response) == ["请指定年级组或责任人。"]
    assert head_task.children.count() == 0


def test_handing_down_without_a_deadline_changes_nothing(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_hand_down", args=[head_task.pk]),
        {"title": "执行", "grade_team": GradeTeamFactory(school=school).pk},
    )

    assert messages_of(response) == ["Name the task, who carries it out and its deadline."]
    assert head_task.children.count() == 0


def test_the_head_of_another_department_cannot_hand_a_task_down(
    school: Any, head_task: Task, user_with_role: Any, signed_in: Any
) -> None:
    other = user_with_role(Role.DEPARTMENT_HEAD, school)

    response = signed_in(other).post(
        reverse("workplans:task_hand_down", args=[head_task.pk]),
        {
            "title": "执行",
            "grade_team": GradeTeamFactory(school=school).pk,
            "deadline": "2013-06-10",
        },
    )

    assert (response.status_code, head_task.children.count()) == (403, 0)


def test_the_head_reports_their_task_done(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_done", args=[head_task.pk]),
        {"done_on": "2013-06-01", "evidence": "总结材料"},
    )

    head_task.refresh_from_db()
    assert response.url == head_task.decision.get_absolute_url()
    assert (head_task.status, head_task.evidence) == (TaskStatus.DONE, "总结材料")


def test_a_task_with_open_children_is_not_done(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head
    services.hand_down(
        parent=head_task,
        title="执行",
        deadline=dt.date(2013, 6, 10),
        grade_team=GradeTeamFactory(school=school),
    )

    response = signed_in(user).post(
        reverse("workplans:task_done", args=[head_task.pk]),
        {"done_on": "2013-06-01", "evidence": "x"},
    )

    head_task.refresh_from_db()
    assert messages_of(response) == ["Tasks handed down from this one are still open."]
    assert head_task.status == TaskStatus.OPEN


def test_a_task_done_without_evidence_changes_nothing(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_done", args=[head_task.pk]), {"done_on": "2013-06-01"}
    )

    head_task.refresh_from_db()
    assert messages_of(response) == ["Give the date and the evidence."]
    assert head_task.status == TaskStatus.OPEN


def test_a_teacher_cannot_report_a_departments_task(
    school: Any, head_task: Task, client_for: Any
) -> None:
    response = client_for(Role.TEACHER, school).post(
        reverse("workplans:task_done", args=[head_task.pk]),
        {"done_on": "2013-06-01", "evidence": "x"},
    )

    head_task.refresh_from_db()
    assert (response.status_code, head_task.status) == (403, TaskStatus.OPEN)


def test_the_head_closes_their_task_with_an_explanation(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_explain", args=[head_task.pk]), {"explanation": "场地维修"}
    )

    head_task.refresh_from_db()
    assert response.url == head_task.decision.get_absolute_url()
    assert (head_task.status, head_task.explanation) == (TaskStatus.EXPLAINED, "场地维修")


def test_an_explanation_is_required(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head

    response = signed_in(user).post(
        reverse("workplans:task_explain", args=[head_task.pk]), {"explanation": ""}
    )

    head_task.refresh_from_db()
    assert messages_of(response) == ["Explain why the task is closed undone."]
    assert head_task.status == TaskStatus.OPEN


def test_a_done_task_is_not_explained(
    school: Any, head_task: Task, department_head: tuple[Any, Any], signed_in: Any
) -> None:
    user, _department = department_head
    services.complete_task(task=head_task, done_on=dt.date(2013, 6, 1), evidence="x")

    response = signed_in(user).post(
        reverse("workplans:task_explain", args=[head_task.pk]), {"explanation": "其实没做"}
    )

    head_task.refresh_from_db()
    assert messages_of(response) == ["This task is already closed."]
    assert (head_task.status, head_task.explanation) == (TaskStatus.DONE, "")


def test_the_county_cannot_explain_a_task(school: Any, head_task: Task, client_for: Any) -> None:
    response = client_for(Role.AUTHORITY_VIEWER, school).post(
        reverse("workplans:task_explain", args=[head_task.pk]), {"explanation": "x"}
    )

    head_task.refresh_from_db()
    assert (response.status_code, head_task.status) == (403, TaskStatus.OPEN)


def test_tasks_handed_down_are_shown_under_their_department_task(
    school: Any,
    decision: Decision,
    head_task: Task,
    department_head: tuple[Any, Any],
    signed_in: Any,
) -> None:
    user, _department = department_head
    child = services.hand_down(
        parent=head_task,
        title="执行",
        deadline=dt.date(2013, 6, 10),
        grade_team=GradeTeamFactory(school=school),
    )

    response = signed_in(user).get(decision.get_absolute_url())

    rows = response.context["rows"]
    assert [row["task"] for row in rows] == [head_task]
    assert [(entry["task"], entry["may_report"]) for entry in rows[0]["children"]] == [
        (child, True)
    ]
