"""/api/v1/workplans/: allowed, refused and bad input for plans, statuses, decisions, tasks and the
grid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.workplans.enums import DecisionStatus, TaskStatus
from qingshan.workplans.models import (
    Decision,
    DecisionMeeting,
    GridCell,
    MonthlyPlan,
    Place,
    Task,
    TimeSlot,
    WeeklyStatus,
    WorkLine,
)
from qingshan.workplans.services import cycle as cycle_services
from qingshan.workplans.services import decisions as decision_services
from qingshan.workplans.tests.factories import plan_with_items
from tests.factories import (
    DepartmentFactory,
    GradeTeamFactory,
    MembershipFactory,
    StaffFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/workplans"
Call = Callable[..., Any]


@pytest.fixture
def call(bearer: Any) -> Call:
    """``call(user, "post", "/plans/", {...}, school="slug")``: the response of one API request."""

    def make(user: Any, method: str, path: str, body: Any = None, **query: Any) -> Any:
        client = Client()
        headers = bearer(user) if user is not None else {}
        url = f"{API}{path}"
        if method == "get":
            return client.get(url, query, headers=headers)
        if query:
            url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
        return getattr(client, method)(
            url, body or {}, content_type="application/json", headers=headers
        )

    return make


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


@pytest.fixture
def decision(school: Any) -> Decision:
    meeting = DecisionMeeting.objects.create(
        school=school, held_on=dt.date(2013, 2, 26), title="会"
    )
    return decision_services.record_decision(
        meeting=meeting, title="三同步", deadline=dt.date(2013, 6, 30)
    )


def fields_of(response: Any) -> list[str]:
    return sorted(response.json()["error"]["fields"])


# --- reading plans, and the school a call works on --------------------------------------------


def test_staff_read_the_plans_of_one_month(school: Any, user_with_role: Any, call: Call) -> None:
    march = plan_with_items(school)
    plan_with_items(school, month=dt.date(2013, 4, 1))

    response = call(user_with_role(Role.TEACHER, school), "get", "/plans/", month="2013-03-15")

    assert response.status_code == 200
    assert [(plan["id"], plan["unit"], len(plan["items"])) for plan in response.json()] == [
        (march.pk, "party branch", 2)
    ]


@pytest.mark.parametrize(("role", "status"), [(Role.STUDENT, 403), (None, 401)])
def test_students_and_callers_without_a_token_read_no_plans(
    school: Any, user_with_role: Any, call: Call, role: Any, status: int
) -> None:
    user = user_with_role(role, school) if role else None

    assert call(user, "get", "/plans/").status_code == status


def test_a_caller_of_two_schools_names_the_school(
    school: Any, other_school: Any, user_with_role: Any, call: Call
) -> None:
    teacher = user_with_role(Role.TEACHER, school)
    MembershipFactory(user=teacher, role=Role.TEACHER, school=other_school)
    plan_with_items(other_school)

    unnamed = call(teacher, "get", "/plans/")
    named = call(teacher, "get", "/plans/", school=other_school.slug)

    assert (unnamed.status_code, unnamed.json()["error"]["code"]) == (400, "error")
    assert (named.status_code, len(named.json())) == (200, 1)


def test_a_school_the_caller_does_not_belong_to_is_refused(
    school: Any, other_school: Any, admin: Any, call: Call
) -> None:
    response = call(admin, "get", "/plans/", school=other_school.slug)

    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")


def test_another_schools_plan_is_not_found(other_school: Any, admin: Any, call: Call) -> None:
    plan = plan_with_items(other_school)

    assert call(admin, "get", f"/plans/{plan.pk}/").status_code == 404


# --- opening, filling and filing plans --------------------------------------------------------


def test_the_administrator_opens_the_branchs_plan(school: Any, admin: Any, call: Call) -> None:
    response = call(admin, "post", "/plans/", {"month": "2013-03-01"})

    plan = MonthlyPlan.objects.get()
    assert (response.status_code, response.json()["id"], response.json()["unit"]) == (
        201,
        plan.pk,
        "party branch",
    )
    assert (plan.department, plan.month) == (None, dt.date(2013, 3, 1))


def test_a_month_given_by_another_day_is_refused(school: Any, admin: Any, call: Call) -> None:
    response = call(admin, "post", "/plans/", {"month": "2013-03-02"})

    assert (response.status_code, fields_of(response)) == (422, ["month"])
    assert MonthlyPlan.objects.count() == 0


def test_a_plan_without_a_month_is_not_valid(school: Any, admin: Any, call: Call) -> None:
    response = call(admin, "post", "/plans/", {"department_id": None})

    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid")
    assert MonthlyPlan.objects.count() == 0


def test_a_department_of_another_school_is_not_found(
    school: Any, other_school: Any, admin: Any, call: Call
) -> None:
    elsewhere = DepartmentFactory(school=other_school)

    response = call(
        admin, "post", "/plans/", {"department_id": elsewhere.pk, "month": "2013-03-01"}
    )

    assert (response.status_code, MonthlyPlan.objects.count()) == (404, 0)


@pytest.mark.parametrize("role", [Role.TEACHER, Role.AUTHORITY_VIEWER, Role.DEPARTMENT_HEAD])
def test_those_who_do_not_file_for_the_branch_cannot_open_its_plan(
    school: Any, user_with_role: Any, call: Call, role: str
) -> None:
    response = call(user_with_role(role, school), "post", "/plans/", {"month": "2013-03-01"})

    assert (response.status_code, MonthlyPlan.objects.count()) == (403, 0)


def test_an_item_of_no_known_line_is_refused(school: Any, admin: Any, call: Call) -> None:
    plan = plan_with_items(school)

    response = call(admin, "post", f"/plans/{plan.pk}/items/", {"line": "sports", "title": "x"})

    assert (response.status_code, fields_of(response), plan.items.count()) == (422, ["line"], 2)


def test_an_owner_from_another_school_is_not_found(
    school: Any, other_school: Any, admin: Any, call: Call
) -> None:
    plan = plan_with_items(school)
    stranger = StaffFactory(school=other_school)

    response = call(
        admin,
        "post",
        f"/plans/{plan.pk}/items/",
        {"line": "party", "title": "x", "owner_id": stranger.pk},
    )

    assert (response.status_code, plan.items.count()) == (404, 2)


def test_an_item_is_added_serving_one_of_the_other_line(
    school: Any, admin: Any, call: Call
) -> None:
    plan = plan_with_items(school)
    party = plan.items.get(line="party")
    owner = StaffFactory(school=school)

    response = call(
        admin,
        "post",
        f"/plans/{plan.pk}/items/",
        {
            "line": "teaching",
            "title": "配合",
            "owner_id": owner.pk,
            "due_on": "2013-03-20",
            "serves_id": party.pk,
        },
    )

    assert response.status_code == 201
    assert {key: response.json()[key] for key in ("stage", "owner_id", "serves_id")} == {
        "stage": "arranged",
        "owner_id": owner.pk,
        "serves_id": party.pk,
    }


def test_the_head_of_another_department_cannot_mark_an_item_done(
    school: Any, department_head: tuple[Any, Any], call: Call
) -> None:
    user, _department = department_head
    item = plan_with_items(school, department=DepartmentFactory(school=school)).items.first()

    response = call(
        user, "post", f"/items/{item.pk}/done/", {"done_on": "2013-03-05", "evidence": "x"}
    )

    item.refresh_from_db()
    assert (response.status_code, item.done_on) == (403, None)


def test_an_empty_plan_is_not_filed(school: Any, admin: Any, call: Call) -> None:
    plan = plan_with_items(school, party=0, teaching=0)

    response = call(admin, "post", f"/plans/{plan.pk}/file/")

    plan.refresh_from_db()
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"__all__": ["A plan needs at least one item."]}
    assert plan.plan_filed_at is None


def test_the_plan_then_its_summary_are_filed(school: Any, admin: Any, call: Call) -> None:
    plan = plan_with_items(school)

    early = call(admin, "post", f"/plans/{plan.pk}/summary/", {"text": "先总结"})
    filed = call(admin, "post", f"/plans/{plan.pk}/file/")
    summary = call(admin, "post", f"/plans/{plan.pk}/summary/", {"text": " 总结 "})

    assert (early.status_code, filed.status_code, summary.status_code) == (422, 200, 200)
    assert filed.json()["plan_filed_at"] is not None
    assert summary.json()["summary_text"] == "总结"


def test_the_county_cannot_file_a_plan(school: Any, user_with_role: Any, call: Call) -> None:
    plan = plan_with_items(school)

    response = call(
        user_with_role(Role.AUTHORITY_VIEWER, school), "post", f"/plans/{plan.pk}/file/"
    )

    plan.refresh_from_db()
    assert (response.status_code, plan.plan_filed_at) == (403, None)


# --- weekly statuses --------------------------------------------------------------------------


def test_weekly_statuses_are_listed_since_a_day(
    school: Any, user_with_role: Any, call: Call
) -> None:
    for monday in (dt.date(2013, 3, 4), dt.date(2013, 3, 11)):
        cycle_services.file_weekly_status(
            school=school, department=None, week_start=monday, text="x", by=None
        )

    response = call(user_with_role(Role.TEACHER, school), "get", "/weekly/", since="2013-03-11")

    assert [row["week_start"] for row in response.json()] == ["2013-03-11"]


def test_the_secretary_files_the_branchs_weekly_status(
    school: Any, user_with_role: Any, call: Call
) -> None:
    response = call(
        user_with_role(Role.SECRETARY, school),
        "post",
        "/weekly/",
        {"week_start": "2013-03-04", "text": "平稳"},
    )

    assert (response.status_code, response.json()["department_id"]) == (201, None)
    assert WeeklyStatus.objects.get().text == "平稳"


def test_a_weekly_status_named_by_a_tuesday_is_refused(
    school: Any, user_with_role: Any, call: Call
) -> None:
    response = call(
        user_with_role(Role.SECRETARY, school),
        "post",
        "/weekly/",
        {"week_start": "2013-03-05", "text": "平稳"},
    )

    assert (response.status_code, fields_of(response)) == (422, ["week_start"])
    assert WeeklyStatus.objects.count() == 0


def test_a_teacher_files_no_weekly_status(school: Any, user_with_role: Any, call: Call) -> None:
    response = call(
        user_with_role(Role.TEACHER, school),
        "post",
        "/weekly/",
        {"week_start": "2013-03-04", "text": "x"},
    )

    assert (response.status_code, WeeklyStatus.objects.count()) == (403, 0)


# --- decisions and tasks ----------------------------------------------------------------------


def test_decisions_are_read_with_their_tasks(
    school: Any, decision: Decision, user_with_role: Any, call: Call
) -> None:
    decision_services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 6, 1),
    )
    teacher = user_with_role(Role.TEACHER, school)

    listed = call(teacher, "get", "/decisions/")
    read = call(teacher, "get", f"/decisions/{decision.pk}/")

    assert [row["id"] for row in listed.json()] == [decision.pk]
    assert [task["title"] for task in read.json()["tasks"]] == ["落实"]


def test_the_administrator_records_a_decision(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    response = call(
        admin,
        "post",
        f"/decisionmeetings/{decision.meeting_id}/decisions/",
        {"title": "新决定", "deadline": "2013-05-01"},
    )

    assert (response.status_code, response.json()["status"], response.json()["tasks"]) == (
        201,
        "open",
        [],
    )
    assert Decision.objects.count() == 2


def test_a_decision_due_before_its_meeting_is_refused(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    response = call(
        admin,
        "post",
        f"/decisionmeetings/{decision.meeting_id}/decisions/",
        {"title": "x", "deadline": "2013-01-01"},
    )

    assert (response.status_code, fields_of(response), Decision.objects.count()) == (
        422,
        ["deadline"],
        1,
    )


@pytest.mark.parametrize("role", [Role.DEPARTMENT_HEAD, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_records_decisions(
    school: Any, decision: Decision, user_with_role: Any, call: Call, role: str
) -> None:
    response = call(
        user_with_role(role, school),
        "post",
        f"/decisionmeetings/{decision.meeting_id}/decisions/",
        {"title": "x", "deadline": "2013-05-01"},
    )

    assert (response.status_code, Decision.objects.count()) == (403, 1)


def test_the_administrator_hands_a_decision_to_a_department(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    department = DepartmentFactory(school=school)

    response = call(
        admin,
        "post",
        f"/decisions/{decision.pk}/tasks/",
        {"department_id": department.pk, "title": "落实", "deadline": "2013-06-01"},
    )

    assert (response.status_code, response.json()["tier"], response.json()["department_id"]) == (
        201,
        "implementation",
        department.pk,
    )


def test_a_decision_is_not_handed_to_another_schools_department(
    school: Any, other_school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    response = call(
        admin,
        "post",
        f"/decisions/{decision.pk}/tasks/",
        {
            "department_id": DepartmentFactory(school=other_school).pk,
            "title": "x",
            "deadline": "2013-06-01",
        },
    )

    assert (response.status_code, Task.objects.count()) == (404, 0)


def test_a_decision_without_tasks_is_not_closed(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    response = call(admin, "post", f"/decisions/{decision.pk}/close/", {"note": "x"})

    decision.refresh_from_db()
    assert (response.status_code, decision.status) == (422, DecisionStatus.OPEN)


def test_a_decision_whose_tasks_are_done_is_closed(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    task = decision_services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 6, 1),
    )
    decision_services.complete_task(task=task, done_on=dt.date(2013, 5, 1), evidence="x")

    response = call(admin, "post", f"/decisions/{decision.pk}/close/", {"note": "完成"})

    assert (response.status_code, response.json()["status"]) == (200, "closed")


def test_the_head_hands_down_reports_and_explains_tasks(
    school: Any, decision: Decision, department_head: tuple[Any, Any], call: Call
) -> None:
    user, department = department_head
    task = decision_services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )
    owner = StaffFactory(school=school)

    child = call(
        user,
        "post",
        f"/tasks/{task.pk}/children/",
        {"title": "执行", "deadline": "2013-06-10", "owner_id": owner.pk},
    )
    nobody = call(
        user, "post", f"/tasks/{task.pk}/children/", {"title": "x", "deadline": "2013-06-10"}
    )
    explained = call(user, "post", f"/tasks/{child.json()['id']}/explain/", {"explanation": "取消"})
    done = call(user, "post", f"/tasks/{task.pk}/done/", {"done_on": "2013-06-01", "evidence": "x"})

    assert (child.status_code, nobody.status_code, explained.status_code, done.status_code) == (
        201,
        422,
        200,
        200,
    )
    assert (child.json()["owner_id"], explained.json()["status"], done.json()["status"]) == (
        owner.pk,
        TaskStatus.EXPLAINED,
        TaskStatus.DONE,
    )


def test_a_grade_team_of_another_school_is_not_found(
    school: Any,
    other_school: Any,
    decision: Decision,
    department_head: tuple[Any, Any],
    call: Call,
) -> None:
    user, department = department_head
    task = decision_services.hand_to_department(
        decision=decision, department=department, title="落实", deadline=dt.date(2013, 6, 20)
    )

    response = call(
        user,
        "post",
        f"/tasks/{task.pk}/children/",
        {
            "title": "x",
            "deadline": "2013-06-10",
            "grade_team_id": GradeTeamFactory(school=other_school).pk,
        },
    )

    assert (response.status_code, task.children.count()) == (404, 0)


def test_the_head_of_another_department_reports_no_task(
    school: Any, decision: Decision, user_with_role: Any, call: Call
) -> None:
    task = decision_services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 6, 20),
    )

    response = call(
        user_with_role(Role.DEPARTMENT_HEAD, school),
        "post",
        f"/tasks/{task.pk}/done/",
        {"done_on": "2013-06-01", "evidence": "x"},
    )

    task.refresh_from_db()
    assert (response.status_code, task.status) == (403, TaskStatus.OPEN)


def test_a_task_done_without_evidence_is_refused(
    school: Any, decision: Decision, admin: Any, call: Call
) -> None:
    task = decision_services.hand_to_department(
        decision=decision,
        department=DepartmentFactory(school=school),
        title="落实",
        deadline=dt.date(2013, 6, 20),
    )

    response = call(
        admin, "post", f"/tasks/{task.pk}/done/", {"done_on": "2013-06-01", "evidence": ""}
    )

    task.refresh_from_db()
    assert (response.status_code, fields_of(response), task.status) == (
        422,
        ["evidence"],
        TaskStatus.OPEN,
    )


# --- the grid ---------------------------------------------------------------------------------


def test_the_grid_check_of_a_term(school: Any, user_with_role: Any, call: Call) -> None:
    term = TermFactory(school=school, school_year=2013)
    line = WorkLine.objects.create(school=school, name="安全")
    place = Place.objects.create(school=school, name="楼", kind="building")
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    GridCell.objects.create(school=school, term=term, line=line, place=place, slot=slot)

    response = call(user_with_role(Role.TEACHER, school), "get", "/grid/check/", term=term.pk)

    body = response.json()
    assert (body["term_id"], body["required"], body["covered"], body["counts"]["blank"]) == (
        term.pk,
        1,
        0,
        1,
    )


def test_without_a_term_the_grid_check_is_not_found(
    school: Any, user_with_role: Any, call: Call
) -> None:
    response = call(user_with_role(Role.TEACHER, school), "get", "/grid/check/")

    assert (response.status_code, response.json()["error"]["message"]) == (
        404,
        "The school has no term yet.",
    )


def test_the_grid_check_of_another_schools_term_is_not_found(
    school: Any, other_school: Any, admin: Any, call: Call
) -> None:
    response = call(admin, "get", "/grid/check/", term=TermFactory(school=other_school).pk)

    assert response.status_code == 404


def test_a_head_cannot_write_the_grids_records(
    school: Any, user_with_role: Any, call: Call
) -> None:
    response = call(
        user_with_role(Role.DEPARTMENT_HEAD, school), "post", "/workline/", {"name": "安全"}
    )

    assert (response.status_code, WorkLine.objects.count()) == (403, 0)


def test_a_cell_in_another_terms_slot_is_refused_by_the_api(
    school: Any, admin: Any, call: Call
) -> None:
    term, following = TermFactory(school=school), TermFactory(school=school)
    line = WorkLine.objects.create(school=school, name="安全")
    place = Place.objects.create(school=school, name="楼", kind="building")
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )

    response = call(
        admin,
        "post",
        "/gridcell/",
        {"term": following.pk, "line": line.pk, "place": place.pk, "slot": slot.pk},
    )

    assert (response.status_code, fields_of(response), GridCell.objects.count()) == (
        422,
        ["slot"],
        0,
    )


def test_a_head_files_neither_the_branchs_plan_nor_its_weekly_status(
    school: Any, department_head: tuple[Any, Any], call: Call
) -> None:
    user, _department = department_head
    plan = plan_with_items(school)

    filed = call(user, "post", f"/plans/{plan.pk}/file/")
    weekly = call(user, "post", "/weekly/", {"week_start": "2013-03-04", "text": "x"})

    plan.refresh_from_db()
    assert (filed.status_code, weekly.status_code) == (403, 403)
    assert (plan.plan_filed_at, WeeklyStatus.objects.count()) == (None, 0)
