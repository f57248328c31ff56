"""The path and roll-change pages: who reads which student's path, the request and the decision
on a phone-sized form, the change register, and query counts with one row or three."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student
from qingshan.students.enums import ChangeStatus
from qingshan.students.models import RollChange
from qingshan.students.services import changes
from qingshan.students.tests.factories import AUTUMN_START, World, world
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
DAY = "2013-09-04"


@pytest.fixture
def place(school: Any) -> World:
    school.code = "5119210001"
    school.save()
    return world(school)


def _client(user_with_role: Any, role: str, school: Any, **fields: Any) -> Client:
    client = Client()
    user = user_with_role(role, school, **fields)
    client.force_login(user)
    return client


def _suspension(student: Student) -> RollChange:
    return changes.request_change(
        student=student,
        values={"kind": "suspend", "effective_on": AUTUMN_START, "reason": "病"},
        user=None,
    )


def test_a_head_requests_a_track_transfer_approves_it_and_records_the_bureaus_reply(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.general)
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    response = head.post(
        reverse("students:change_new", args=[student.pk]),
        {"kind": "track", "effective_on": DAY, "reason": "愿学果树", "to_class": place.fruit.pk},
    )
    change = RollChange.objects.get(student=student)
    assert response.url == reverse("students:change_detail", args=[change.pk])
    head.post(reverse("students:change_approve", args=[change.pk]))
    change.refresh_from_db()
    assert change.status == ChangeStatus.AWAITING_BUREAU
    head.post(
        reverse("students:change_bureau", args=[change.pk]),
        {"reference": "通教〔2013〕12号", "approved_on": "2030-01-01"},
    )
    change.refresh_from_db()
    student.refresh_from_db()
    assert change.status == ChangeStatus.DONE
    assert student.school_class == place.fruit
    page = head.get(reverse("students:path", args=[student.pk])).content.decode()
    assert place.fruit.name in page and place.general.name in page


def test_a_request_with_bad_input_is_shown_again_and_saves_nothing(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.general)
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    response = head.post(
        reverse("students:change_new", args=[student.pk]),
        {"kind": "track", "effective_on": "2013-12-01", "reason": "x", "to_class": place.fruit.pk},
    )
    assert response.status_code == 422
    assert "first 14 days of a term" in response.content.decode()
    assert not RollChange.objects.exists()


def test_a_student_reads_their_own_path_and_no_other(place: World, user_with_role: Any) -> None:
    own = place.admit(place.fruit)
    other = place.admit(place.fruit)
    client = Client()
    user = user_with_role(Role.STUDENT, place.school)
    Student.objects.filter(pk=own.pk).update(user=user)
    client.force_login(user)
    page = client.get(reverse("students:path_mine")).content.decode()
    assert own.name in page
    assert f"G{own.id_number}" in page  # their own roll number, in full
    assert client.get(reverse("students:path", args=[own.pk])).status_code == 200
    assert client.get(reverse("students:path", args=[other.pk])).status_code == 404
    assert client.get(reverse("students:change_list")).status_code == 403


def test_a_head_teacher_reads_the_paths_of_their_class_only(
    place: World, user_with_role: Any
) -> None:
    user = user_with_role(Role.TEACHER, place.school)
    teacher = StaffFactory(school=place.school, user=user)
    place.fruit.head_teacher = teacher
    place.fruit.save()
    mine, theirs = place.admit(place.fruit), place.admit(place.electronics)
    _suspension(mine)
    _suspension(theirs)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("students:path", args=[mine.pk])).status_code == 200
    assert client.get(reverse("students:path", args=[theirs.pk])).status_code == 404
    listed = client.get(reverse("students:change_list")).content.decode()
    assert mine.name in listed and theirs.name not in listed
    other_change = RollChange.objects.get(student=theirs)
    assert client.get(reverse("students:change_detail", args=[other_change.pk])).status_code == 404
    # a teacher neither decides nor downloads the register
    assert (
        client.post(reverse("students:change_approve", args=[other_change.pk])).status_code == 403
    )
    assert client.get(reverse("students:register_export")).status_code == 403


def test_a_plain_teacher_sees_no_path(place: World, user_with_role: Any) -> None:
    student = place.admit(place.fruit)
    teacher = _client(user_with_role, Role.TEACHER, place.school)
    assert teacher.get(reverse("students:path", args=[student.pk])).status_code == 403
    assert student.name not in teacher.get(reverse("students:change_list")).content.decode()


def test_another_schools_changes_never_show(
    place: World, other_school: Any, user_with_role: Any
) -> None:
    elsewhere = world(other_school)
    foreign = elsewhere.admit(elsewhere.fruit)
    change = _suspension(foreign)
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    assert foreign.name not in head.get(reverse("students:change_list")).content.decode()
    assert head.get(reverse("students:change_detail", args=[change.pk])).status_code == 404
    assert head.get(reverse("students:path", args=[foreign.pk])).status_code == 404


def test_the_register_lists_changes_carried_out_with_identifiers_masked_for_heads(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.fruit)
    change = _suspension(student)
    changes.approve_change(change=change, user=None)
    _suspension(place.admit(place.fruit))  # requested only: not in the register
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    book = openpyxl.load_workbook(io.BytesIO(head.get(reverse("students:register_export")).content))
    rows = list(book.active.iter_rows(values_only=True))
    body = [row for row in rows[1:] if row[3]]
    assert len(body) == 1
    assert body[0][3] == student.name
    assert student.id_number not in [str(cell) for cell in body[0]]
    admin = _client(user_with_role, Role.SCHOOL_ADMIN, place.school)
    book = openpyxl.load_workbook(
        io.BytesIO(admin.get(reverse("students:register_export")).content)
    )
    assert student.id_number in [
        str(cell) for row in book.active.iter_rows(values_only=True) for cell in row
    ]


def test_open_paths_admits_students_entered_on_the_roll(place: World, user_with_role: Any) -> None:
    from tests.factories import StudentFactory

    StudentFactory(school=place.school, school_class=place.fruit, status=StudentStatus.STUDYING)
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    assert "has no path yet" in head.get(reverse("students:change_list")).content.decode()
    head.post(reverse("students:paths_open"))
    assert "no path yet" not in head.get(reverse("students:change_list")).content.decode()


def _queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_change_list_and_a_path_read_one_row_or_three_alike(
    place: World, user_with_role: Any
) -> None:
    head = _client(user_with_role, Role.DEPARTMENT_HEAD, place.school)
    student = place.admit(place.fruit)
    first = _suspension(student)
    one_list = _queries(head, reverse("students:change_list"))
    one_path = _queries(head, reverse("students:path", args=[student.pk]))
    _suspension(place.admit(place.fruit))
    _suspension(place.admit(place.fruit))
    changes.approve_change(change=first, user=None)
    changes.request_change(
        student=student,
        values={"kind": "return", "effective_on": AUTUMN_START, "reason": "x"},
        user=None,
    )
    assert _queries(head, reverse("students:change_list")) == one_list
    assert _queries(head, reverse("students:path", args=[student.pk])) == one_path
