"""Input no form, filter or API call should take: a clear refusal, never a 500, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.workplans.models import TimeSlot
from qingshan.workplans.tests.factories import grid_records

HUGE = 99999999999999999999999


@pytest.fixture
def grid(school: Any) -> dict[str, Any]:
    return grid_records(school)


def _api(user: Any) -> Client:
    _token, raw = create_api_token(user=user, name="probe")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_a_huge_id_in_a_multiple_choice_is_an_unknown_choice(
    school: Any, grid: dict[str, Any], client_for: Callable[..., Client]
) -> None:
    slot = grid["timeslot"]
    client = client_for(Role.SCHOOL_ADMIN, school)

    response = client.post(
        f"/work/timeslot/{slot.pk}/edit/",
        {
            "term": grid["term"].pk,
            "weekday": 0,
            "starts_at": "07:00",
            "ends_at": "08:00",
            "lines": [str(HUGE)],
        },
    )

    assert response.status_code == 422
    assert f"{HUGE} is not one of the available choices" in response.content.decode()
    assert list(TimeSlot.objects.get(pk=slot.pk).lines.all()) == []


def test_a_huge_id_in_the_api_is_a_json_error(
    school: Any, grid: dict[str, Any], user_with_role: Callable[..., Any]
) -> None:
    slot = grid["timeslot"]
    before = TimeSlot.objects.get(pk=slot.pk).updated_at

    response = _api(user_with_role(Role.SCHOOL_ADMIN, school)).patch(
        f"/api/v1/workplans/timeslot/{slot.pk}/",
        {"lines": [10**30]},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "lines" in response.json()["error"]["fields"]
    assert TimeSlot.objects.get(pk=slot.pk).updated_at == before


def test_a_huge_id_in_a_list_filter_finds_nothing(
    school: Any, grid: dict[str, Any], client_for: Callable[..., Client]
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get("/work/gridcell/", {"line": str(HUGE)})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ('"x"', "application/json", 400),
        ("[]", "application/json", 400),
        ('{"label": NaN}', "application/json", 400),
        ("{not json", "application/json", 400),
        ("{}", "text/plain", 415),
        ('{"label": "晚自习"}', "application/x-www-form-urlencoded", 415),
    ],
)
def test_an_api_write_takes_only_a_json_object(
    school: Any,
    grid: dict[str, Any],
    user_with_role: Callable[..., Any],
    body: str,
    content_type: str,
    status: int,
) -> None:
    slot = grid["timeslot"]
    before = TimeSlot.objects.get(pk=slot.pk).updated_at

    response = _api(user_with_role(Role.SCHOOL_ADMIN, school)).patch(
        f"/api/v1/workplans/timeslot/{slot.pk}/", body, content_type=content_type
    )

    assert response.status_code == status
    assert response.json()["error"]["message"]
    assert TimeSlot.objects.get(pk=slot.pk).updated_at == before


def test_an_api_update_that_changes_nothing_writes_nothing(
    school: Any, grid: dict[str, Any], user_with_role: Callable[..., Any]
) -> None:
    slot = grid["timeslot"]
    before = TimeSlot.objects.get(pk=slot.pk).updated_at

    response = _api(user_with_role(Role.SCHOOL_ADMIN, school)).patch(
        f"/api/v1/workplans/timeslot/{slot.pk}/", {}, content_type="application/json"
    )

    assert response.status_code == 200
    assert TimeSlot.objects.get(pk=slot.pk).updated_at == before


@pytest.mark.parametrize("path", ["/media/issued/summary.pdf", "/media/documents/a.pdf"])
def test_uploaded_files_have_no_public_address(path: str) -> None:
    with pytest.raises(Resolver404):
        resolve(path)
