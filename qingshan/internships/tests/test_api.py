"""/api/v1/internships/: units, production, works and placements read through the app's
selectors and written through its services; a placement breaking a refusing rule refused with its
article and nothing written; a placement read with its open findings and their rules; pay and the
unit supervisor's phone masked for readers without personal-data rights; the compliance board;
nothing of another school; every list's queries the same for one row as for three."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.careers.services.enterprises import create_enterprise
from qingshan.core.validators import make_credit_code
from qingshan.internships.models import Finding, Placement, Production, Unit
from qingshan.internships.services import placements as placement_services
from qingshan.internships.services import units as unit_services
from qingshan.internships.tests.access_records import access_records
from qingshan.internships.tests.factories import Site, site
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/internships"


def api(user: Any) -> Client:
    _token, raw = create_api_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def records(school: Any) -> dict[str, Any]:
    return access_records(school)


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def _patch(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.patch(url, json.dumps(body), content_type="application/json")


def _placement_body(records: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """A post internship at the records' farm, after the records' own, that breaks no rule."""
    placement = records["placement"]
    body = {
        "student_id": placement.student_id,
        "unit_id": records["unit"].pk,
        "kind": "post",
        "starts_on": "2013-09-02",
        "ends_on": "2014-02-28",
        "post": "果树管理",
        "school_supervisor_id": placement.school_supervisor_id,
        "unit_supervisor": "王师傅",
        "agreement_signed_on": "2013-08-20",
        "consent_signed_on": "2013-08-20",
        "insurer": "人保财险",
        "policy_no": "PZ2013002",
        "insured_from": "2013-09-01",
        "insured_until": "2014-03-31",
        "premium_payer": "school",
        "monthly_pay": "1600.00",
        "pay_basis": "same_post",
        "reference_wage": "2000.00",
        "post_staff": 10,
    }
    return body | overrides


# --- Units, production, works -------------------------------------------------------------------


def test_a_keeper_registers_units_and_updates_one(school: Any, user_with_role: Any) -> None:
    company = create_enterprise(
        school=school,
        values={
            "name": "青山果业公司",
            "credit_code": make_credit_code("370000", 7),
            "sector": "A",
        },
    )
    client = api(user_with_role(Role.DEPARTMENT_HEAD, school))

    farm = _post(
        client,
        f"{API}/units/",
        {
            "name": "学校农场",
            "kind": "farm",
            "legal_status": "legal",
            "registration_no": "12370000MB0000001X",
            "area_mu": "300",
        },
    )
    outside = _post(client, f"{API}/units/", {"enterprise_id": company.pk, "staff_count": 120})
    unregistered_number = _post(
        client, f"{API}/units/", {"name": "校办工厂", "kind": "factory", "legal_status": "legal"}
    )

    assert farm.status_code == 201, farm.content
    assert (farm.json()["kind"], farm.json()["running"], farm.json()["staff_count"]) == (
        "farm",
        0,
        0,
    )
    assert outside.status_code == 201, outside.content
    # an outside company takes its kind and its name from the register
    assert (outside.json()["kind"], outside.json()["name"]) == ("company", "青山果业公司")
    assert unregistered_number.status_code == 422
    assert Unit.objects.count() == 2

    pk = farm.json()["id"]
    updated = _patch(client, f"{API}/units/{pk}/", {"staff_count": 45, "note": "新建温室"})
    blanked = _patch(client, f"{API}/units/{pk}/", {"registration_no": None})
    farms = client.get(f"{API}/units/", {"kind": "farm"}).json()["items"]

    assert (updated.status_code, updated.json()["staff_count"]) == (200, 45)
    assert blanked.status_code == 422  # a registered unit keeps its number
    assert Unit.objects.get(pk=pk).registration_no == "12370000MB0000001X"
    assert [row["id"] for row in farms] == [pk]
    assert client.get(f"{API}/units/{pk}/").json()["note"] == "新建温室"
    assert client.get(f"{API}/units/", {"kind": "castle"}).status_code == 422


def test_production_is_recorded_for_an_own_unit_and_refused_for_an_outside_company(
    records: dict[str, Any], user_with_role: Any
) -> None:
    school = records["unit"].school
    company = Unit.objects.get(kind="company")
    client = api(user_with_role(Role.SCHOOL_ADMIN, school))
    body = {
        "period_start": "2013-10-01",
        "period_end": "2013-12-31",
        "output": "苗木",
        "quantity": "5000",
        "quantity_unit": "株",
        "revenue": "40000",
        "cost": "25000",
        "teaching_use": "8000",
    }

    recorded = _post(client, f"{API}/production/", {**body, "unit_id": records["unit"].pk})
    refused = _post(client, f"{API}/production/", {**body, "unit_id": company.pk})
    too_much_for_teaching = _post(
        client,
        f"{API}/production/",
        {**body, "unit_id": records["unit"].pk, "teaching_use": "50000"},
    )

    assert recorded.status_code == 201, recorded.content
    assert Decimal(recorded.json()["teaching_use"]) == 8000
    assert refused.status_code == 422
    assert "own units" in refused.json()["error"]["fields"]["unit"][0]
    assert too_much_for_teaching.status_code == 422
    assert Production.objects.count() == 2  # the records' own and the one recorded
    listed = client.get(f"{API}/production/", {"unit": records["unit"].pk}).json()["items"]
    assert [row["output"] for row in listed] == ["苗木", "苹果"]  # latest period first
    assert client.get(f"{API}/production/", {"unit": company.pk}).json()["items"] == []
    read = client.get(f"{API}/production/{records['production'].pk}/").json()
    assert (read["output"], Decimal(read["revenue"])) == ("苹果", 126000)


def test_works_are_read_with_the_classes_that_built_them(
    records: dict[str, Any], user_with_role: Any
) -> None:
    works = records["works"]
    client = api(user_with_role(Role.TEACHER, works.school))

    (row,) = client.get(f"{API}/works/").json()["items"]
    read = client.get(f"{API}/works/{works.pk}/").json()

    assert row == read
    assert (read["title"], read["kind"], read["unit_id"]) == ("校园道路", "road", works.unit_id)
    assert read["class_ids"] == [records["placement"].student.school_class_id]


# --- Placements ---------------------------------------------------------------------------------


def test_a_placement_is_recorded_read_with_its_open_findings_and_mended(
    records: dict[str, Any], user_with_role: Any
) -> None:
    school = records["unit"].school
    client = api(user_with_role(Role.DEPARTMENT_HEAD, school))

    created = _post(
        client, f"{API}/placements/", _placement_body(records, agreement_signed_on=None)
    )

    assert created.status_code == 201, created.content
    found = created.json()
    assert (found["ruleset_key"], found["open_findings"]) == ("2021", 1)
    (finding,) = found["findings"]
    assert (finding["rule"], finding["article"]) == ("agreement", "article 14, paragraph 2")
    assert "three-party agreement" in finding["requirement"]
    assert finding["detail"] is not None and finding["found_on"]
    pk = found["id"]
    assert client.get(f"{API}/placements/{pk}/").json() == found
    flagged = client.get(f"{API}/placements/", {"open_findings": True}).json()["items"]
    assert [row["id"] for row in flagged] == [pk]

    mended = _patch(client, f"{API}/placements/{pk}/", {"agreement_signed_on": "2013-08-25"})

    assert mended.status_code == 200, mended.content
    assert (mended.json()["open_findings"], mended.json()["findings"]) == (0, [])
    assert client.get(f"{API}/placements/", {"open_findings": True}).json()["items"] == []
    assert Finding.objects.get(placement_id=pk).mended_on is not None  # closed, never deleted
    everyone = client.get(f"{API}/placements/").json()["items"]
    assert [row["id"] for row in everyone] == [pk, records["placement"].pk]  # latest first
    cognitive = client.get(f"{API}/placements/", {"kind": "cognitive"}).json()["items"]
    assert cognitive == []
    at_farm = client.get(f"{API}/placements/", {"unit": records["unit"].pk}).json()["items"]
    assert len(at_farm) == 2


def test_a_post_internship_for_a_15_year_old_is_refused_and_nothing_is_written(
    records: dict[str, Any], user_with_role: Any
) -> None:
    school = records["unit"].school
    fifteen: Any = StudentFactory(
        school=school,
        school_class=records["placement"].student.school_class,
        birth_date=dt.date(1998, 6, 1),  # 15 on 2 September 2013
    )
    client = api(user_with_role(Role.DEPARTMENT_HEAD, school))
    placements, findings = Placement.objects.count(), Finding.objects.count()

    refused = _post(client, f"{API}/placements/", _placement_body(records, student_id=fifteen.pk))

    assert refused.status_code == 422, refused.content
    (message,) = refused.json()["error"]["fields"]["__all__"]
    assert "article 16 (2)" in message
    assert "No post internship for students under 16." in message
    assert (Placement.objects.count(), Finding.objects.count()) == (placements, findings)
    # and changing the records' placement to that student is refused the same way
    pk = records["placement"].pk
    changed = _patch(client, f"{API}/placements/{pk}/", {"student_id": fifteen.pk})
    assert changed.status_code == 422
    assert Placement.objects.get(pk=pk).student_id == records["placement"].student_id


def test_an_ended_placement_is_not_changed_and_a_placement_keeps_its_student(
    records: dict[str, Any], user_with_role: Any
) -> None:
    placement = records["placement"]
    user = user_with_role(Role.SCHOOL_ADMIN, placement.school)
    client = api(user)

    unnamed = _patch(client, f"{API}/placements/{placement.pk}/", {"student_id": None})
    placement_services.end_placement(
        placement=placement, on=dt.date(2013, 8, 31), note="期满", user=user
    )
    ended = _patch(client, f"{API}/placements/{placement.pk}/", {"post": "果园管理"})

    assert unnamed.status_code == 422
    assert unnamed.json()["error"]["fields"] == {"student_id": ["This field cannot be null."]}
    assert ended.status_code == 422
    assert "not changed any more" in ended.json()["error"]["fields"]["__all__"][0]
    assert Placement.objects.get(pk=placement.pk).post == "果树管理"


def test_a_teacher_reads_pay_and_the_supervisors_phone_masked_and_a_keeper_in_full(
    records: dict[str, Any], user_with_role: Any
) -> None:
    placement = placement_services.update_placement(
        record=records["placement"], values={"unit_supervisor_phone": "13912345678"}
    )
    teacher = api(user_with_role(Role.TEACHER, placement.school))
    keeper = api(user_with_role(Role.DEPARTMENT_HEAD, placement.school))
    personal = ("unit_supervisor_phone", "monthly_pay", "reference_wage")

    for client, full in ((teacher, False), (keeper, True)):
        (row,) = client.get(f"{API}/placements/").json()["items"]
        detail = client.get(f"{API}/placements/{placement.pk}/").json()
        shown = tuple(row[name] for name in personal)
        assert tuple(detail[name] for name in personal) == shown
        if full:
            assert shown == ("13912345678", "1600.00", "2000.00")
        else:
            assert shown == (
                "1391*****78",
                "****",
                "****",
            )
            assert "1600.00" not in shown
        assert (row["unit_supervisor"], row["post"]) == ("王师傅", "果树管理")


def test_the_compliance_board_counts_placements_and_open_findings_by_rule(
    records: dict[str, Any], user_with_role: Any
) -> None:
    school = records["unit"].school
    client = api(user_with_role(Role.DEPARTMENT_HEAD, school))
    body = _placement_body(records, agreement_signed_on=None)
    assert _post(client, f"{API}/placements/", body).status_code == 201

    board = client.get(f"{API}/compliance/")
    at_company = client.get(f"{API}/compliance/", {"unit": Unit.objects.get(kind="company").pk})

    assert board.status_code == 200, board.content
    found = board.json()
    assert (found["placements"], found["compliant"], found["compliant_share"]) == (2, 1, 0.5)
    assert found["by_rule"] == [
        {
            "rule": "agreement",
            "article": "article 14, paragraph 2",
            "requirement": "No three-party agreement signed, no post internship.",
            "open_findings": 1,
        }
    ]
    assert at_company.json() == {
        "placements": 0,
        "compliant": 0,
        "compliant_share": None,
        "by_rule": [],
    }


# --- Who reaches what ---------------------------------------------------------------------------


def test_nothing_of_another_school_is_reachable(
    records: dict[str, Any], other_school: Any, user_with_role: Any
) -> None:
    school = records["unit"].school
    theirs = access_records(other_school, "他校")
    client = api(user_with_role(Role.DEPARTMENT_HEAD, school))

    for plural, key in (
        ("units", "unit"),
        ("production", "production"),
        ("works", "works"),
        ("placements", "placement"),
    ):
        listed = client.get(f"{API}/{plural}/").json()["items"]
        assert theirs[key].pk not in [row["id"] for row in listed]
        assert client.get(f"{API}/{plural}/{theirs[key].pk}/").status_code == 404
    assert _patch(client, f"{API}/units/{theirs['unit'].pk}/", {"note": "x"}).status_code == 404
    patched = _patch(client, f"{API}/placements/{theirs['placement'].pk}/", {"note": "x"})
    assert patched.status_code == 404
    # their unit, student or staff cannot be named in a write of ours
    for name, record in (
        ("unit_id", theirs["unit"]),
        ("student_id", theirs["placement"].student),
        ("school_supervisor_id", theirs["placement"].school_supervisor),
    ):
        named = _post(client, f"{API}/placements/", _placement_body(records, **{name: record.pk}))
        assert named.status_code == 404, name
    production = _post(
        client,
        f"{API}/production/",
        {
            "unit_id": theirs["unit"].pk,
            "period_start": "2013-10-01",
            "period_end": "2013-12-31",
            "output": "苗木",
            "quantity": "1",
            "quantity_unit": "株",
            "revenue": "1",
            "cost": "1",
        },
    )
    assert production.status_code == 404
    assert client.get(f"{API}/compliance/", {"unit": theirs["unit"].pk}).status_code == 404
    assert client.get(f"{API}/units/", {"school": other_school.slug}).status_code == 403
    assert client.get(f"{API}/compliance/").json()["placements"] == 1
    assert Placement.objects.filter(school=school).count() == 1
    assert Placement.objects.get(pk=theirs["placement"].pk).note == ""


def test_a_student_may_neither_read_nor_write_internships(
    records: dict[str, Any], user_with_role: Any
) -> None:
    school = records["unit"].school
    client = api(user_with_role(Role.STUDENT, school))

    assert client.get(f"{API}/placements/").status_code == 403
    assert client.get(f"{API}/placements/{records['placement'].pk}/").status_code == 403
    assert client.get(f"{API}/compliance/").status_code == 403
    assert _post(client, f"{API}/units/", {"name": "某农场", "kind": "farm"}).status_code == 403
    assert Unit.objects.count() == 2


def test_a_teacher_reads_but_may_not_write(records: dict[str, Any], user_with_role: Any) -> None:
    school = records["unit"].school
    client = api(user_with_role(Role.TEACHER, school))
    placement = records["placement"]

    assert client.get(f"{API}/units/{records['unit'].pk}/").status_code == 200
    assert client.get(f"{API}/placements/{placement.pk}/").status_code == 200
    assert _patch(client, f"{API}/units/{records['unit'].pk}/", {"note": "x"}).status_code == 403
    assert _patch(client, f"{API}/placements/{placement.pk}/", {"note": "x"}).status_code == 403
    assert _post(client, f"{API}/placements/", _placement_body(records)).status_code == 403
    assert Placement.objects.count() == 1
    assert Unit.objects.get(pk=records["unit"].pk).note == ""


# --- Queries ------------------------------------------------------------------------------------


def _unit(place: Site, n: int) -> None:
    place.unit(f"果园{n}号")


def _production(place: Site, n: int) -> None:
    unit_services.record_production(
        school=place.school,
        values={
            "unit": place.farm,
            "period_start": dt.date(2023, n, 1),
            "period_end": dt.date(2023, n, 28),
            "output": f"苹果{n}",
            "quantity": Decimal(100),
            "quantity_unit": "公斤",
            "revenue": Decimal(1000),
            "cost": Decimal(500),
        },
    )


def _works(place: Site, n: int) -> None:
    unit_services.record_works(
        school=place.school,
        values={
            "unit": place.farm,
            "title": f"道路{n}",
            "kind": "road",
            "started_on": dt.date(2023, n, 1),
            "classes": [place.second_years, place.first_years],
        },
    )


def _placement(place: Site, n: int) -> None:
    place.place(unit_supervisor_phone=f"1391234567{n}")


LISTS: dict[str, Callable[[Site, int], None]] = {
    "units": _unit,
    "production": _production,
    "works": _works,
    "placements": _placement,
}


@pytest.mark.parametrize("plural", LISTS)
@pytest.mark.parametrize("role", [Role.TEACHER, Role.DEPARTMENT_HEAD])
def test_a_list_takes_as_many_queries_for_three_rows_as_for_one(
    school: Any, user_with_role: Any, plural: str, role: str
) -> None:
    place = site(school)
    add = LISTS[plural]
    client = api(user_with_role(role, school))
    url = f"{API}/{plural}/"
    if plural != "units":  # the site's farm is the units' first row
        add(place, 1)
    assert client.get(url).status_code == 200  # the token's first use is recorded once

    def queries(rows: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.content
        assert response.json()["count"] == rows
        return len(captured)

    one = queries(1)
    add(place, 2)
    add(place, 3)
    assert queries(3) == one
