"""Two schools: nothing of one school's students' paths, roll changes, choice windows, rules or
textbooks is reachable from the other, by page, export, action, file, search or API."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.organization.models import Student
from qingshan.students.enums import ChangeStatus, ChoiceStatus
from qingshan.students.models import ChoiceRequest, RollChange, Textbook
from tests.access.students import records
from tests.isolation import assert_record_pages_hide

MARK = "泄漏LEAK"
KEYS = ("textbook", "textbookuse", "choicewindow", "choiceoffer", "changerule")


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


def _foreign(other_school: Any) -> dict[str, Any]:
    found = records(other_school)
    Student.objects.filter(pk=found["students_student"].pk).update(name=MARK)
    Textbook.objects.filter(pk=found["textbook"].pk).update(title=MARK)
    found["choicewindow"].title = MARK
    found["choicewindow"].save()
    return found


@pytest.mark.parametrize("key", KEYS)
def test_record_pages_and_exports_show_nothing_of_another_school(
    key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = _foreign(other_school)[key]
    records(school)
    client = Client()
    client.force_login(admin)
    assert_record_pages_hide(client, "students", key, foreign, MARK)


def test_paths_changes_choices_and_the_register_touch_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    foreign = _foreign(other_school)
    records(school)
    client = Client()
    client.force_login(admin)
    change, asked = foreign["roll_change"], foreign["choice_request"]
    student = foreign["students_student"]
    responses = [
        client.get(reverse("students:path", args=[student.pk])),
        client.get(reverse("students:change_new", args=[student.pk])),
        client.get(reverse("students:change_detail", args=[change.pk])),
        client.get(reverse("students:change_evidence", args=[change.pk])),
        client.get(reverse("students:window_demand", args=[foreign["choicewindow"].pk])),
    ]
    assert [response.status_code for response in responses] == [404] * 5
    # actions answer the same and change nothing
    client.post(reverse("students:change_approve", args=[change.pk]))
    client.post(reverse("students:change_refuse", args=[change.pk]), {"reason": "x"})
    client.post(reverse("students:change_withdraw", args=[change.pk]))
    client.post(reverse("students:choice_assign", args=[asked.pk]))
    client.post(reverse("students:choice_decline", args=[asked.pk]))
    assert RollChange.objects.get(pk=change.pk).status == ChangeStatus.REQUESTED
    assert ChoiceRequest.objects.get(pk=asked.pk).status == ChoiceStatus.REQUESTED
    listing = client.get(reverse("students:change_list"))
    register = client.get(reverse("students:register_export"))
    search = client.get(reverse("search"), {"q": MARK})
    assert MARK not in listing.content.decode()
    book = openpyxl.load_workbook(io.BytesIO(register.content))
    assert MARK not in str([cell.value for row in book.active.iter_rows() for cell in row])
    found = search.content.decode()  # the query itself is echoed in the box
    assert change.get_absolute_url() not in found
    assert foreign["textbook"].get_absolute_url() not in found


def test_the_api_shows_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    foreign = _foreign(other_school)
    _token, raw = create_api_token(user=admin, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    student, change = foreign["students_student"], foreign["roll_change"]
    assert client.get(f"/api/v1/students/paths/{student.pk}/").status_code == 404
    assert client.get(f"/api/v1/students/changes/{change.pk}/").status_code == 404
    assert client.post(f"/api/v1/students/changes/{change.pk}/approve/").status_code == 404
    assert MARK not in client.get("/api/v1/students/changes/").content.decode()
    assert MARK not in client.get("/api/v1/students/textbook/").content.decode()
    assert client.get("/api/v1/students/changes/", {"school": other_school.slug}).status_code == 403
    assert RollChange.objects.get(pk=change.pk).status == ChangeStatus.REQUESTED
