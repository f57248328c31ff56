"""The inbox: each user sees what concerns them (and nothing of others), opens a notice to its
record (marking it read), marks notices read or unread; a notice leaves once its matter is done."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.core.models import NoticeRead, SchoolVersion
from qingshan.core.notices import NoticeKind
from qingshan.workplans.models import Decision, DecisionMeeting
from qingshan.workplans.services import decisions as decision_services
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("school_in_session")]


@pytest.fixture
def head(school: Any, user_with_role: Any) -> tuple[Any, Any]:
    user = user_with_role(Role.DEPARTMENT_HEAD, school)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    return user, department


def hand_tasks(school: Any, department: Any, titles: list[str]) -> None:
    meeting = DecisionMeeting.objects.create(school=school, held_on=dt.date(2013, 2, 1), title="会")
    decision = Decision.objects.create(
        school=school, meeting=meeting, title="决定", deadline=dt.date(2030, 6, 30)
    )
    for title in titles:
        decision_services.hand_to_department(
            decision=decision, department=department, title=title, deadline=dt.date(2030, 6, 1)
        )


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_head_is_told_of_the_task_handed_to_the_department(school: Any, head: Any) -> None:
    user, department = head
    hand_tasks(school, department, ["整理实训室台账"])

    notices = signed_in(user).get(reverse("inbox")).context["notices"]

    tasks = [notice for notice in notices if notice.kind == NoticeKind.TASK]
    assert [(str(notice.title), notice.read) for notice in tasks] == [("整理实训室台账", False)]


def test_opening_a_notice_marks_it_read_and_leads_to_its_record(school: Any, head: Any) -> None:
    user, department = head
    hand_tasks(school, department, ["整理实训室台账"])
    client = signed_in(user)
    notice = next(n for n in client.get(reverse("inbox")).context["notices"] if n.kind == "task")

    response = client.post(reverse("notice_open"), {"key": notice.key})

    assert response.status_code == 302 and response.url == notice.url
    again = next(n for n in client.get(reverse("inbox")).context["notices"] if n.kind == "task")
    assert again.read is True


def test_a_notice_no_longer_current_is_not_opened_nor_marked(school: Any, head: Any) -> None:
    user, _department = head

    response = signed_in(user).post(reverse("notice_open"), {"key": "workplans.task:999999"})

    assert response.status_code == 302 and response.url == reverse("inbox")
    assert not NoticeRead.objects.exists()


def test_mark_all_read_then_one_unread(school: Any, head: Any) -> None:
    user, department = head
    hand_tasks(school, department, ["一", "二"])
    client = signed_in(user)
    client.post(reverse("notices_mark"), {"all": "1"})
    first = client.get(reverse("inbox")).context["notices"][0]

    client.post(reverse("notices_mark"), {"key": first.key, "action": "unread"})
    unread = client.get(reverse("inbox"), {"show": "unread"}).context["notices"]

    assert [notice.key for notice in unread] == [first.key]


def test_marking_with_no_notice_chosen_changes_nothing(school: Any, head: Any) -> None:
    user, _department = head

    response = signed_in(user).post(reverse("notices_mark"), {"key": "made-up"}, follow=True)

    assert not NoticeRead.objects.exists()
    assert "Choose at least one notice." in response.content.decode()


def test_nobody_sees_the_notices_of_another_department_or_school(
    school: Any, other_school: Any, head: Any, user_with_role: Any
) -> None:
    _user, department = head
    hand_tasks(school, department, ["只给教务处的任务"])
    other_head = user_with_role(Role.DEPARTMENT_HEAD, school)
    DepartmentFactory(school=school, head=StaffFactory(school=school, user=other_head))
    stranger = user_with_role(Role.SCHOOL_ADMIN, other_school)

    seen = [
        str(notice.title)
        for user in (other_head, stranger)
        for notice in signed_in(user).get(reverse("inbox")).context["notices"]
    ]

    assert "只给教务处的任务" not in seen


def test_a_read_mark_leaves_the_schools_figures_fresh(school: Any, head: Any) -> None:
    user, department = head
    hand_tasks(school, department, ["一"])
    client = signed_in(user)
    before = SchoolVersion.objects.filter(school=school).values_list("version", flat=True).first()

    client.post(reverse("notices_mark"), {"all": "1"})

    after = SchoolVersion.objects.filter(school=school).values_list("version", flat=True).first()
    assert NoticeRead.objects.count() >= 1 and before == after


def queries_of_the_inbox(school: Any, head: Any, tasks: int) -> int:
    user, department = head
    hand_tasks(school, department, [f"任务{n}" for n in range(tasks)])
    client = signed_in(user)
    client.get(reverse("inbox"))  # session and caches warm

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("inbox"))

    assert len(response.context["notices"]) >= tasks
    return len(queries)


def test_the_inbox_reads_in_as_many_queries_for_three_tasks_as_for_one(
    school: Any, head: Any
) -> None:
    assert queries_of_the_inbox(school, head, 1) == queries_of_the_inbox(school, head, 3)


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Any) -> None:
    response = client.get(reverse("inbox"))

    assert response.status_code == 302 and "login" in response.url
