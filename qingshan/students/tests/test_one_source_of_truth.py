"""The roll in ``organization`` follows the open enrolment: once a student is on the rolls,
neither the student form nor a student sheet moves their class, status or dates; roll changes
do."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.importers import STUDENT_SHEET, StudentImporter
from qingshan.students.models import Enrolment
from qingshan.students.tests.factories import World, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def test_the_student_form_keeps_the_class_of_a_student_on_the_rolls(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.fruit)
    admin = Client()
    admin.force_login(user_with_role(Role.SCHOOL_ADMIN, place.school))
    url = reverse("organization:student_edit", args=[student.pk])
    form = admin.get(url).context["form"]
    data = {
        name: form[name].value() or "" for name in form.fields if not form.fields[name].disabled
    }
    data.update(name="新名字", school_class=place.electronics.pk, status="graduated")
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    student.refresh_from_db()
    assert (student.name, student.school_class, student.status) == (
        "新名字",
        place.fruit,
        "studying",
    )
    assert Enrolment.objects.get(student=student, ends_on__isnull=True).school_class == place.fruit


def test_a_sheet_updates_a_students_details_but_not_their_class(place: World) -> None:
    student = place.admit(place.fruit)
    keys = ("student_no", "name", "gender", "id_number", "school_class", "enrolled_on", "status")
    header = [
        column.header_zh for key in keys for column in STUDENT_SHEET.columns if column.key == key
    ]
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append(
        [
            student.student_no,
            "改名",
            "男",
            student.id_number,
            place.electronics.name,
            "2013-09-01",
            "毕业",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    report = StudentImporter(place.school).run(buffer.getvalue(), "s.xlsx", dry_run=False)
    assert report.ok, report.errors
    student.refresh_from_db()
    assert (student.name, student.school_class, student.status) == ("改名", place.fruit, "studying")
