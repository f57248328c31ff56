"""Counseling's confidentiality and tenant isolation: nothing of another school's screening or
case file is reachable from a school; within a school, a case is read only by the counselors it
names — not by another counselor, the administrator, the secretary (but for a logged break-glass
read), a head teacher, a student or the county bureau — and the notes reach no audit text and no
Django admin page."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib import admin as django_admin
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.counseling import models
from qingshan.counseling.models import CaseRead
from qingshan.counseling.tests.access_records import access_records
from qingshan.organization.models import Staff
from tests.access.counseling import EXPECTED, EXTRA_ARGS

MARK = "泄漏LEAK"
OWN = "本校OWN"
SECRET = "机密咨询内容"


@pytest.fixture
def foreign(other_school: Any) -> dict[str, Any]:
    return access_records(other_school, MARK)


@pytest.fixture
def own(school: Any) -> dict[str, Any]:
    return access_records(school, OWN)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def counselor(school: Any, own: dict[str, Any], user_with_role: Any) -> Client:
    """The counselor of this school's case."""
    user = user_with_role(Role.COUNSELOR, school)
    Staff.objects.filter(school=school, name=f"{OWN}心理老师").update(user=user)
    return _client(user)


def _args(name: str, records: dict[str, Any]) -> list[Any]:
    if name in EXTRA_ARGS:
        return list(EXTRA_ARGS[name](records))
    if name.endswith(("_detail", "_edit", "_archive")):
        return [records[name.split(":")[1].rsplit("_", 1)[0]].pk]
    return []


def _get_pages(client: Client, records: dict[str, Any]) -> dict[str, Any]:
    pages = {}
    for name in EXPECTED:
        if name.startswith("api-v1:"):
            continue
        pages[name] = client.get(reverse(name, args=_args(name, records)))
    return pages


def test_another_schools_counseling_pages_are_not_found(
    foreign: dict[str, Any], counselor: Client
) -> None:
    for name, response in _get_pages(counselor, foreign).items():
        if name in ("counseling:import_template",):
            continue
        body = "" if response.streaming else response.content.decode(errors="replace")
        assert MARK not in body, name
        if _args(name, foreign) and "import" not in name:
            assert response.status_code in (403, 404, 405), (name, response.status_code)


def test_the_counselors_own_pages_show_their_school_only(
    foreign: dict[str, Any], own: dict[str, Any], counselor: Client
) -> None:
    for url in ("counseling:board", "counseling:alert_list", "counseling:case_list"):
        body = counselor.get(reverse(url)).content.decode()
        assert OWN in body and MARK not in body


def test_the_case_is_read_behind_the_gate_and_every_read_is_logged(
    own: dict[str, Any], counselor: Client
) -> None:
    case = own["counseling_case"]
    url = reverse("counseling:case_detail", args=[case.pk])
    gate = counselor.get(url)
    assert SECRET not in gate.content.decode()
    assert not CaseRead.objects.filter(case=case).exclude(reason="counseling").exists()
    before = CaseRead.objects.filter(case=case).count()
    opened = counselor.post(url, {"reason": "supervision"})
    assert f"{OWN}{SECRET}" in opened.content.decode()
    read = CaseRead.objects.filter(case=case).order_by("-read_at").first()
    assert CaseRead.objects.filter(case=case).count() == before + 1
    assert read is not None and read.reason == "supervision"


@pytest.mark.parametrize(
    "role",
    [
        Role.SCHOOL_ADMIN,
        Role.SECRETARY,
        Role.DEPARTMENT_HEAD,
        Role.TEACHER,
        Role.STUDENT,
        Role.AUTHORITY_VIEWER,
        Role.COUNSELOR,
    ],
)
def test_no_one_but_the_cases_counselors_reads_a_case(
    role: str, school: Any, own: dict[str, Any], user_with_role: Any
) -> None:
    """Another counselor of the same school included: linked to a staff record of their own."""
    user = user_with_role(role, school)
    if role == Role.COUNSELOR:
        Staff.objects.create(
            school=school, staff_no="C2", name="另一位心理老师", hired_on="2010-09-01", user=user
        )
    client = _client(user)
    case = own["counseling_case"]
    for name in [
        n for n in EXPECTED if n.startswith("counseling:case_") and n != "counseling:case_list"
    ]:
        if name == "counseling:case_open":
            continue
        url = reverse(name, args=[case.pk])
        for response in (client.get(url), client.post(url, {"reason": "counseling"})):
            assert response.status_code in (403, 404), (name, response.status_code)
            assert SECRET not in response.content.decode()
    assert not CaseRead.objects.filter(reader=user).exists()


def test_the_break_glass_read_is_logged_as_such(
    school: Any, own: dict[str, Any], user_with_role: Any
) -> None:
    secretary = _client(user_with_role(Role.SECRETARY, school))
    case = own["counseling_case"]
    url = reverse("counseling:break_glass")
    refused = secretary.post(url, {"number": case.number, "note": "急"})
    assert refused.status_code == 422 and SECRET not in refused.content.decode()
    read = secretary.post(url, {"number": case.number, "note": "学生失联，需立即联系家长"})
    assert f"{OWN}{SECRET}" in read.content.decode()
    log = CaseRead.objects.get(case=case, break_glass=True)
    assert log.reason == "break_glass" and "失联" in log.note


def test_the_break_glass_page_finds_no_case_of_another_school(
    school: Any, foreign: dict[str, Any], user_with_role: Any
) -> None:
    secretary = _client(user_with_role(Role.SECRETARY, school))
    response = secretary.post(
        reverse("counseling:break_glass"),
        {"number": foreign["counseling_case"].number, "note": "学生失联，需立即联系家长"},
    )
    assert response.status_code == 422
    assert MARK not in response.content.decode()


def test_the_audit_log_names_no_student_and_holds_no_note(
    school: Any, own: dict[str, Any], user_with_role: Any
) -> None:
    """Counseling's entries name the case by its number, and carry neither the student nor a
    note; the administrator's audit page shows them so."""
    entries = LogEntry.objects.filter(content_type__app_label="counseling")
    texts = [f"{entry.object_repr} {entry.changes}" for entry in entries]
    assert any(own["counseling_case"].number in text for text in texts)
    for text in texts:
        assert SECRET not in text
        assert f"{OWN}受访学生" not in text
        assert "student" not in text
    admin = _client(user_with_role(Role.SCHOOL_ADMIN, school))
    body = admin.get(reverse("accounts:audit_log")).content.decode()
    assert own["counseling_case"].number in body and SECRET not in body


def test_the_django_admin_registers_no_counseling_model() -> None:
    assert not [
        name for name in models.__all__ if django_admin.site.is_registered(getattr(models, name))
    ]


def test_the_head_teacher_sees_the_student_but_no_grade(
    school: Any, own: dict[str, Any], user_with_role: Any
) -> None:
    user = user_with_role(Role.TEACHER, school)
    student = own["counseling_student"]
    head = Staff.objects.create(
        school=school, staff_no="H1", name="班主任老师", hired_on="2010-09-01", user=user
    )
    student.school_class.head_teacher = head
    student.school_class.save()
    body = _client(user).get(reverse("counseling:attention")).content.decode()
    assert student.name in body and f"{OWN}心理老师" in body
    for word in ("grade-3", ">red<", "红色", "4.00", SECRET):
        assert word not in body


def test_the_break_glass_read_finds_the_case_by_the_students_number(
    school: Any, own: dict[str, Any], user_with_role: Any
) -> None:
    secretary = _client(user_with_role(Role.SECRETARY, school))
    student = own["counseling_student"]
    read = secretary.post(
        reverse("counseling:break_glass"),
        {"number": student.student_no, "note": "学生失联，需立即联系家长"},
    )
    assert f"{OWN}{SECRET}" in read.content.decode()
    assert CaseRead.objects.get(break_glass=True).case == own["counseling_case"]
