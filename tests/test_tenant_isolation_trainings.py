"""Two schools: nothing of the trainings, the outreach or the honours of one is reachable from
the other, by page, by API or by export."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.honours.tests.factories import honours_records
from qingshan.outreach.tests.factories import outreach_records
from qingshan.trainings.tests.factories import training_records
from tests.isolation import assert_record_pages_hide

MARK = "泄漏LEAK"
APPS = {
    "trainings": (
        training_records,
        ("course", "cohort", "trainee", "enrolment", "certificate", "followup"),
    ),
    "outreach": (
        outreach_records,
        ("visit", "handout", "problem", "practical", "base", "household", "served"),
    ),
    "honours": (honours_records, ("honour", "branchhonour", "commendation", "story")),
}
CASES = [(app, key) for app, (_make, keys) in APPS.items() for key in keys]


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


@pytest.mark.parametrize(("app", "key"), CASES)
def test_pages_and_exports_show_nothing_of_another_school(
    app: str, key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = APPS[app][0](other_school, MARK)[key]
    APPS[app][0](school)
    client = Client()
    client.force_login(admin)

    assert_record_pages_hide(client, app, key, foreign, MARK)


@pytest.mark.parametrize(("app", "key"), CASES)
def test_api_shows_nothing_of_another_school(
    app: str, key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = APPS[app][0](other_school, MARK)[key]
    _token, raw = create_api_token(user=admin, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    listing = client.get(f"/api/v1/{app}/{key}/")
    named = client.get(f"/api/v1/{app}/{key}/", {"school": other_school.slug})
    detail = client.get(f"/api/v1/{app}/{key}/{foreign.pk}/")
    patch = client.patch(f"/api/v1/{app}/{key}/{foreign.pk}/", {}, content_type="application/json")

    assert (listing.status_code, named.status_code, detail.status_code, patch.status_code) == (
        200,
        403,
        404,
        404,
    )
    assert MARK not in listing.content.decode()


def test_rates_totals_pages_and_files_show_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    foreign = {
        **training_records(other_school, MARK),
        **outreach_records(other_school, MARK),
        **honours_records(other_school, MARK),
    }
    client = Client()
    client.force_login(admin)
    _token, raw = create_api_token(user=admin, name="isolation")
    api = Client(headers={"Authorization": f"Bearer {raw}"})

    pages = [
        client.get(reverse("trainings:rates"), {"by": "course"}),
        client.get(reverse("outreach:totals"), {"year": 2013}),
        api.get("/api/v1/trainings/rates/", {"by": "course"}),
        api.get("/api/v1/outreach/totals/", {"year": 2013}),
    ]
    group = client.post(reverse("trainings:cohort_group", args=[foreign["cohort"].pk]))
    scan = client.get(reverse("honours:honour_scan", args=[foreign["honour"].pk]))
    photo = client.get(reverse("honours:story_photo", args=[foreign["story"].pk]))

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert not [page for page in pages if MARK in page.content.decode()]
    assert (pages[2].json(), pages[3].json()) == ([], [])
    assert (group.status_code, scan.status_code, photo.status_code) == (404, 404, 404)
