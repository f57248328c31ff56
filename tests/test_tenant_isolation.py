"""Two schools: nothing of one is reachable from the other, by page, by API or by export."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.organization.resources import BY_KEY
from tests.factories import one_of_each

RESOURCE_KEYS = list(BY_KEY)
MARK = "泄漏LEAK"


@pytest.fixture
def foreign(other_school: Any) -> dict[str, Any]:
    return one_of_each(other_school, MARK)


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


@pytest.mark.parametrize("key", RESOURCE_KEYS)
def test_pages_and_exports_show_nothing_of_another_school(
    key: str, school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    client = Client()
    client.force_login(admin)

    listing = client.get(reverse(f"organization:{key}_list"), {"archive": "all"})
    detail = client.get(reverse(f"organization:{key}_detail", args=[foreign[key].pk]))
    edit = client.get(reverse(f"organization:{key}_edit", args=[foreign[key].pk]))
    archive = client.post(reverse(f"organization:{key}_archive", args=[foreign[key].pk]))
    export = client.get(reverse(f"organization:{key}_export"), {"format": "xlsx"})
    csv_export = client.get(reverse(f"organization:{key}_export"), {"format": "csv"})

    assert (listing.status_code, detail.status_code, edit.status_code, archive.status_code) == (
        200,
        404,
        404,
        404,
    )
    assert MARK not in listing.content.decode()
    workbook = openpyxl.load_workbook(io.BytesIO(export.content))
    cells = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if MARK in cell]
    assert MARK not in csv_export.content.decode("utf-8-sig")
    foreign[key].refresh_from_db()
    assert foreign[key].archived_at is None


@pytest.mark.parametrize("key", RESOURCE_KEYS)
def test_api_shows_nothing_of_another_school(
    key: str, school: Any, other_school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    _token, raw = create_api_token(user=admin, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    listing = client.get(f"/api/v1/organization/{key}/", {"archived": "false"})
    named = client.get(f"/api/v1/organization/{key}/", {"school": other_school.slug})
    detail = client.get(f"/api/v1/organization/{key}/{foreign[key].pk}/")
    patch = client.patch(
        f"/api/v1/organization/{key}/{foreign[key].pk}/", {}, content_type="application/json"
    )

    assert (listing.status_code, named.status_code, detail.status_code, patch.status_code) == (
        200,
        403,
        404,
        404,
    )
    assert MARK not in listing.content.decode()


def test_forms_offer_no_choice_from_another_school(
    school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    client = Client()
    client.force_login(admin)

    pages = [
        client.get(reverse(f"organization:{key}_create")).content.decode()
        for key in ("schoolclass", "teachingassignment", "staff", "student")
    ]
    filters = [
        client.get(reverse(f"organization:{key}_list")).content.decode()
        for key in ("schoolclass", "teachingassignment", "student")
    ]

    assert [page for page in pages + filters if MARK in page] == []


def test_api_refuses_a_reference_to_another_schools_record(
    school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    _token, raw = create_api_token(user=admin, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    payload = {
        "name": "新班",
        "grade_team": foreign["gradeteam"].pk,
        "entry_year": 2013,
        "track": "general",
        "length_years": 3,
    }

    response = client.post(
        "/api/v1/organization/schoolclass/", payload, content_type="application/json"
    )

    assert response.status_code == 422
    assert "grade_team" in response.json()["error"]["fields"]


def test_audit_log_shows_only_the_own_school(school: Any, other_school: Any, admin: Any) -> None:
    from qingshan.organization.models import Department
    from qingshan.organization.services import create_record

    create_record(school=other_school, model=Department, values={"name": f"{MARK}部门"})
    create_record(school=school, model=Department, values={"name": "本校部门"})
    client = Client()
    client.force_login(admin)

    page = client.get(reverse("accounts:audit_log")).content.decode()

    assert "本校部门" in page
    assert MARK not in page


PARTY_KEYS = ["member", "group", "meeting", "mentoring"]


@pytest.fixture
def foreign_party(other_school: Any) -> dict[str, Any]:
    from tests.party_factories import party_records

    records = party_records(other_school)
    for key in ("member", "group", "recruit"):
        type(records[key]).objects.filter(pk=records[key].pk).update(name=f"{MARK}{key}")
    type(records["meeting"]).objects.filter(pk=records["meeting"].pk).update(topic=f"{MARK}会议")
    return records


@pytest.fixture
def secretary(school: Any, user_with_role: Any) -> Any:
    from tests.party_factories import BranchFactory

    BranchFactory(school=school)
    return user_with_role(Role.SECRETARY, school)


@pytest.mark.parametrize("key", PARTY_KEYS)
def test_party_pages_show_nothing_of_another_school(
    key: str, foreign_party: dict[str, Any], secretary: Any
) -> None:
    client = Client()
    client.force_login(secretary)

    listing = client.get(reverse(f"party:{key}_list"), {"archive": "all"})
    detail = client.get(reverse(f"party:{key}_detail", args=[foreign_party[key].pk]))
    edit = client.get(reverse(f"party:{key}_edit", args=[foreign_party[key].pk]))

    assert (listing.status_code, detail.status_code, edit.status_code) == (200, 404, 404)
    assert MARK not in listing.content.decode()


def test_party_workflow_pages_refuse_another_schools_records(
    foreign_party: dict[str, Any], secretary: Any
) -> None:
    client = Client()
    client.force_login(secretary)
    recruit, appraisal = foreign_party["recruit"], foreign_party["appraisal"]

    statuses = [
        client.get(reverse("party:recruit_detail", args=[recruit.pk])).status_code,
        client.post(
            reverse("party:recruit_step", args=[recruit.pk]), {"step": 2, "date": "2013-03-10"}
        ).status_code,
        client.get(
            reverse("party:recruit_paperwork", args=[recruit.pk, "application_talk"])
        ).status_code,
        client.get(reverse("party:appraisal_detail", args=[appraisal.pk])).status_code,
        client.post(
            reverse("party:meeting_attendance", args=[foreign_party["meeting"].pk]), {}
        ).status_code,
        client.post(
            reverse("party:member_departure", args=[foreign_party["member"].pk, "transfer_out"]),
            {"date": "2013-01-01"},
        ).status_code,
    ]
    board = client.get(reverse("party:recruit_board")).content.decode()

    assert statuses == [404] * 6
    assert MARK not in board
    assert recruit.steps.count() == 1


def test_party_api_shows_nothing_of_another_school(
    foreign_party: dict[str, Any], secretary: Any
) -> None:
    _token, raw = create_api_token(user=secretary, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    bodies = [
        client.get(f"/api/v1/party/{key}/").content.decode() for key in [*PARTY_KEYS, "recruits"]
    ]
    detail = client.get(f"/api/v1/party/recruits/{foreign_party['recruit'].pk}/")

    assert [body for body in bodies if MARK in body] == []
    assert detail.status_code == 404


def test_evaluation_pages_and_api_show_nothing_of_another_school(
    other_school: Any, school: Any, user_with_role: Any
) -> None:
    from tests.party_factories import evaluation_records

    foreign = evaluation_records(other_school)
    type(foreign["campaign"]).objects.filter(pk=foreign["campaign"].pk).update(name=f"{MARK}活动")
    admin = user_with_role(Role.SCHOOL_ADMIN, school)
    client = Client()
    client.force_login(admin)
    _token, raw = create_api_token(user=admin, name="isolation")
    api = Client(headers={"Authorization": f"Bearer {raw}"})

    statuses = [
        client.get(
            reverse("evaluations:campaign_detail", args=[foreign["campaign"].pk])
        ).status_code,
        client.get(
            reverse("evaluations:instrument_detail", args=[foreign["instrument"].pk])
        ).status_code,
        client.post(
            reverse("evaluations:campaign_action", args=[foreign["campaign"].pk, "prepare"])
        ).status_code,
        client.post(reverse("evaluations:token_export", args=[foreign["campaign"].pk])).status_code,
        api.get(f"/api/v1/evaluations/campaigns/{foreign['campaign'].pk}/").status_code,
    ]
    listing = client.get(reverse("evaluations:campaign_list")).content.decode()
    api_listing = api.get("/api/v1/evaluations/campaigns/").content.decode()

    assert statuses == [404] * 5
    assert MARK not in listing and MARK not in api_listing
    foreign["campaign"].refresh_from_db()
    assert foreign["campaign"].status == 1
