"""Pages, exports, the API and figures of the work system."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.services import create_api_token
from qingshan.core.figures import Period, Scope, registry
from qingshan.workplans.enums import Line
from qingshan.workplans.models import MonthlyPlan, PlanItem
from qingshan.workplans.services import cycle as services
from qingshan.workplans.tests.factories import at, plan_with_items, work_records
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(school: Any, user_with_role: Any) -> tuple[Any, Any]:
    user = user_with_role("department_head", school)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    return user, department


def test_a_head_files_a_plan_for_their_department_only(
    client: Any, school: Any, head: tuple[Any, Any]
) -> None:
    user, department = head
    other = DepartmentFactory(school=school)
    client.force_login(user)
    mine = client.post(reverse("workplans:plan_open"), {"unit": department.pk, "month": "2013-03"})
    theirs = client.post(reverse("workplans:plan_open"), {"unit": other.pk, "month": "2013-03"})
    plan = MonthlyPlan.objects.get()
    added = client.post(
        reverse("workplans:item_add", args=[plan.pk]), {"line": Line.PARTY, "title": "党课"}
    )
    filed = client.post(reverse("workplans:plan_file", args=[plan.pk]))
    plan.refresh_from_db()
    assert (mine.status_code, theirs.status_code, added.status_code, filed.status_code) == (
        302,
        302,
        302,
        302,
    )
    assert (plan.department_id, plan.is_plan_filed, plan.items.count()) == (department.pk, True, 1)


def test_another_departments_plan_is_refused_to_a_head(
    client: Any, school: Any, head: tuple[Any, Any]
) -> None:
    user, _department = head
    plan = plan_with_items(school, department=DepartmentFactory(school=school))
    client.force_login(user)
    response = client.post(
        reverse("workplans:item_add", args=[plan.pk]), {"line": Line.PARTY, "title": "x"}
    )
    assert (response.status_code, plan.items.count()) == (403, 2)


def test_marking_done_without_evidence_shows_the_error_and_changes_nothing(
    client: Any, school: Any, head: tuple[Any, Any]
) -> None:
    user, department = head
    item = plan_with_items(school, department=department).items.first()
    client.force_login(user)
    response = client.post(
        reverse("workplans:item_done", args=[item.pk]), {"done_on": "2013-03-05", "evidence": ""}
    )
    item.refresh_from_db()
    assert (response.status_code, item.done_on) == (400, None)


def test_the_summary_exports_as_word_with_both_lines(
    client: Any, school: Any, user_with_role: Any
) -> None:
    from docx import Document

    plan = plan_with_items(school)
    services.mark_item_done(item=plan.items.first(), done_on=dt.date(2013, 3, 9), evidence="签到表")
    client.force_login(user_with_role("teacher", school))
    response = client.get(reverse("workplans:summary_export", args=[plan.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    cells = [
        cell.text
        for table in Document(io.BytesIO(response.content)).tables
        for row in table.rows
        for cell in row.cells
    ]
    assert response.status_code == 200
    assert ("party work" in text, "teaching and management" in text, "签到表" in cells) == (
        True,
        True,
        True,
    )


def test_roster_pdf_is_a_pdf(client: Any, school: Any, user_with_role: Any) -> None:
    records = work_records(school)
    client.force_login(user_with_role("teacher", school))
    response = client.get(
        reverse("workplans:grid_roster", args=["pdf"]), {"term": records["term"].pk}
    )
    assert (response.status_code, response.content[:4]) == (200, b"%PDF")


LIST_PAGES = (
    "workplans:month",
    "workplans:weekly",
    "workplans:supervision",
    "workplans:grid",
    "workplans:gridcell_list",
    "workplans:leave_list",
    "workplans:decisionmeeting_list",
)


def _query_counts(client: Any) -> list[tuple[str, int, int]]:
    client.get(reverse("workplans:month"))  # the session's first-seen mark is written once
    counts = []
    for name in LIST_PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name), {"month": "2013-03"})
        counts.append((name, response.status_code, len(queries)))
    return counts


def test_list_pages_run_the_same_queries_for_one_and_three_rows(
    client: Any, school: Any, user_with_role: Any
) -> None:
    client.force_login(user_with_role("school_admin", school))
    work_records(school, mark="0")
    with_one = _query_counts(client)
    work_records(school, mark="1")
    work_records(school, mark="2")
    with_three = _query_counts(client)
    assert with_one == with_three
    assert {status for _name, status, _count in with_three} == {200}


def test_the_api_files_a_plan_and_marks_an_item_done(
    school: Any, head: tuple[Any, Any], client: Any
) -> None:
    user, department = head
    _token, raw = create_api_token(user=user, name="t")
    auth = {"Authorization": f"Bearer {raw}"}
    opened = client.post(
        "/api/v1/workplans/plans/",
        {"department_id": department.pk, "month": "2013-03-01"},
        content_type="application/json",
        headers=auth,
    )
    plan_id = opened.json()["id"]
    item = client.post(
        f"/api/v1/workplans/plans/{plan_id}/items/",
        {"line": "party", "title": "党课"},
        content_type="application/json",
        headers=auth,
    )
    bad = client.post(
        f"/api/v1/workplans/items/{item.json()['id']}/done/",
        {"done_on": "2013-03-05", "evidence": " "},
        content_type="application/json",
        headers=auth,
    )
    done = client.post(
        f"/api/v1/workplans/items/{item.json()['id']}/done/",
        {"done_on": "2013-03-05", "evidence": "记录"},
        content_type="application/json",
        headers=auth,
    )
    read = client.get(f"/api/v1/workplans/plans/{plan_id}/", headers=auth)
    assert (opened.status_code, item.status_code, bad.status_code, done.status_code) == (
        201,
        201,
        422,
        200,
    )
    assert [entry["stage"] for entry in read.json()["items"]] == ["done"]
    assert [flag["line"] for flag in read.json()["flags"]] == ["teaching"]


def test_figures_agree_with_the_rows(school: Any) -> None:
    plan = plan_with_items(school, party=2, teaching=2)
    services.file_plan(plan=plan, by=None, at=at(dt.date(2013, 3, 2)))
    services.mark_item_done(item=plan.items.first(), done_on=dt.date(2013, 3, 9), evidence="x")
    scope, period = Scope.of_school(school), Period.year(2013)
    items = registry.get("workplans.items").evaluate(scope, period)
    implemented = registry.get("workplans.items_implemented").evaluate(scope, period)
    on_time = registry.get("workplans.filed_on_time").evaluate(scope, period)
    rows = PlanItem.objects.filter(school=school)
    assert (items.value, implemented.value) == (rows.count(), 1 / rows.count())
    # one unit (the branch): 12 plans and 12 summaries due, 52 weeks; one plan on time
    assert (on_time.breakdown["plans_on_time"], on_time.breakdown["plans_due"]) == (1, 12)
    assert on_time.breakdown["weekly_due"] == 52


def test_the_api_keeps_the_timetable_with_the_lines_of_a_slot(
    client: Any, school: Any, user_with_role: Any
) -> None:
    from qingshan.workplans.models import TimeSlot, WorkLine
    from tests.factories import TermFactory

    term = TermFactory(school=school)
    canteen = WorkLine.objects.create(school=school, name="食堂")
    _token, raw = create_api_token(user=user_with_role("school_admin", school), name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    body = {"term": term.pk, "weekday": 0, "starts_at": "12:00", "ends_at": "13:00", "label": "午"}
    created = client.post(
        "/api/v1/workplans/timeslot/",
        {**body, "lines": [canteen.pk]},
        content_type="application/json",
        headers=headers,
    )
    wrong = client.post(
        "/api/v1/workplans/timeslot/",
        {**body, "starts_at": "14:00", "ends_at": "13:00"},
        content_type="application/json",
        headers=headers,
    )
    renamed = client.patch(
        f"/api/v1/workplans/timeslot/{created.json()['id']}/",
        {"label": "午餐"},
        content_type="application/json",
        headers=headers,
    )
    slot = TimeSlot.objects.get()
    assert (created.status_code, wrong.status_code, renamed.status_code) == (201, 422, 200)
    assert (created.json()["lines"], slot.label, list(slot.lines.all())) == (
        [canteen.pk],
        "午餐",
        [canteen],
    )


def test_a_decisions_page_runs_the_same_queries_for_one_and_three_tasks(
    client: Any, school: Any, user_with_role: Any
) -> None:
    from qingshan.workplans.services import decisions as decision_services

    user = user_with_role("department_head", school)
    records = work_records(school)
    decision = records["decision"]
    client.force_login(user)
    url = reverse("workplans:decision_detail", args=[decision.pk])
    client.get(url)  # the session's first-seen mark is written once

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with_one = queries()
    for index in range(2):
        department = DepartmentFactory(school=school, head=StaffFactory(school=school))
        decision_services.hand_to_department(
            decision=decision,
            department=department,
            title=f"任务{index}",
            deadline=dt.date(2013, 6, 1),
        )
    assert queries() == with_one
