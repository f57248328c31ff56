"""Outreach pages: a visit recorded through its page, refused for those who only read, list
pages whose query count does not grow with their rows, the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.outreach.models import Visit
from qingshan.outreach.resources import RESOURCES
from qingshan.outreach.tests import factories as f

pytestmark = pytest.mark.django_db

VISIT = {
    "date": "2013-05-06",
    "township": "民胜镇",
    "village": "",
    "team": "服务队",
    "topic": "果树",
}


def test_the_administrator_records_a_visit_and_a_teacher_may_not(
    school: Any, client_for: Any
) -> None:
    admin, teacher = client_for(Role.SCHOOL_ADMIN, school), client_for(Role.TEACHER, school)

    refused = teacher.post(reverse("outreach:visit_create"), VISIT)
    bad = admin.post(reverse("outreach:visit_create"), {**VISIT, "date": "not a date"})
    made = admin.post(reverse("outreach:visit_create"), VISIT)

    assert (refused.status_code, bad.status_code, made.status_code) == (403, 422, 302)
    assert Visit.objects.get().topic == "果树"


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", [resource.key for resource in RESOURCES])
def test_list_pages_take_as_many_queries_for_one_row_as_for_three(
    key: str, school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    f.outreach_records(school)
    _count(client, reverse(f"outreach:{key}_list"))
    one = _count(client, reverse(f"outreach:{key}_list"))
    f.outreach_records(school)
    f.outreach_records(school)

    assert _count(client, reverse(f"outreach:{key}_list")) == one


def test_the_api_lists_and_creates_visits(school: Any, user_with_role: Any) -> None:
    _token, raw = create_api_token(user=user_with_role(Role.SCHOOL_ADMIN, school), name="t")
    _token, teacher_raw = create_api_token(user=user_with_role(Role.TEACHER, school), name="t")
    admin = {"Authorization": f"Bearer {raw}"}
    teacher = {"Authorization": f"Bearer {teacher_raw}"}
    from django.test import Client

    client = Client()
    made = client.post(
        "/api/v1/outreach/visit/", VISIT, content_type="application/json", headers=admin
    )
    refused = client.post(
        "/api/v1/outreach/visit/", VISIT, content_type="application/json", headers=teacher
    )
    bad = client.post(
        "/api/v1/outreach/visit/",
        {**VISIT, "topic": ""},
        content_type="application/json",
        headers=admin,
    )
    listing = client.get("/api/v1/outreach/visit/", headers=teacher)
    totals = client.get("/api/v1/outreach/totals/", {"year": 2013}, headers=teacher)

    assert (made.status_code, refused.status_code, bad.status_code) == (201, 403, 422)
    assert listing.json()["count"] == 1
    assert totals.json()[0]["township"] == "民胜镇"
