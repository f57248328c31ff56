"""/api/v1/students/: paths and changes read under the pages' rule; a change requested and
decided through the same services, bad input refused with nothing saved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.students.models import RollChange
from qingshan.students.tests.factories import World, world
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def api(user: Any) -> Client:
    _token, raw = create_api_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_head_requests_approves_and_the_bureaus_reply_carries_out_a_track_transfer(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.general)
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    created = _post(
        client,
        "/api/v1/students/changes/",
        {
            "student_id": student.pk,
            "kind": "track",
            "effective_on": "2013-09-03",
            "reason": "愿学果树",
            "to_class_id": place.fruit.pk,
        },
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert _post(client, f"/api/v1/students/changes/{pk}/approve/", {}).json()["status"] == (
        "awaiting_bureau"
    )
    done = _post(
        client,
        f"/api/v1/students/changes/{pk}/bureau/",
        {"reference": "通教〔2013〕12号", "approved_on": "2030-01-01"},
    )
    assert done.json()["status"] == "done"
    path = client.get(f"/api/v1/students/paths/{student.pk}/").json()
    assert [row["school_class_id"] for row in path["enrolments"]] == [
        place.general.pk,
        place.fruit.pk,
    ]
    assert path["school_class_id"] == place.fruit.pk
    assert "*" in path["roll_number"]  # a department head reads the number masked


def test_a_change_outside_its_window_is_refused_and_saves_nothing(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.general)
    client = api(user_with_role(Role.SCHOOL_ADMIN, place.school))
    response = _post(
        client,
        "/api/v1/students/changes/",
        {
            "student_id": student.pk,
            "kind": "track",
            "effective_on": "2013-11-03",
            "reason": "x",
            "to_class_id": place.fruit.pk,
        },
    )
    assert response.status_code in (400, 422)
    assert "effective_on" in json.dumps(response.json())
    assert not RollChange.objects.exists()


def test_a_head_teacher_reads_their_class_only_and_cannot_write(
    place: World, user_with_role: Any
) -> None:
    user = user_with_role(Role.TEACHER, place.school)
    place.fruit.head_teacher = StaffFactory(school=place.school, user=user)
    place.fruit.save()
    mine, theirs = place.admit(place.fruit), place.admit(place.general)
    client = api(user)
    assert client.get(f"/api/v1/students/paths/{mine.pk}/").status_code == 200
    assert client.get(f"/api/v1/students/paths/{theirs.pk}/").status_code == 404
    response = _post(
        client,
        "/api/v1/students/changes/",
        {"student_id": mine.pk, "kind": "suspend", "effective_on": "2013-09-03", "reason": "病"},
    )
    assert response.status_code == 403
    assert not RollChange.objects.exists()
