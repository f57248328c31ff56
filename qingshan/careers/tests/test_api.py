"""/api/v1/careers/: the register, destinations and alumni read through the app's selectors and
written through its services; pay and phones masked for readers without personal-data rights;
the rates at their definitions' edges; the alumni opt-out held; nothing of another school."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.careers.enums import DestinationKind
from qingshan.careers.models import Agreement, Destination, Enterprise
from qingshan.careers.services import alumni, enterprises
from qingshan.careers.tests.factories import GRADUATION, Careers, careers
from qingshan.core.validators import make_credit_code

pytestmark = pytest.mark.django_db

API = "/api/v1/careers"


def api(user: Any) -> Client:
    _token, raw = create_api_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def place(school: Any) -> Careers:
    return careers(school)


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def _patch(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.patch(url, json.dumps(body), content_type="application/json")


def _further_study(place: Careers, student: Any) -> Destination:
    return place.employ(
        student,
        kind=DestinationKind.FURTHER_STUDY,
        employer="某职业技术学院",
        starting_salary=None,
        channel="",
        matches_major=None,
    )


def test_a_keeper_registers_an_enterprise_in_canonical_form_and_a_bad_code_saves_nothing(
    place: Careers, user_with_role: Any
) -> None:
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    code = make_credit_code("440300", 5)
    mistyped = code[:17] + ("0" if code[17] != "0" else "1")  # a wrong check character

    created = _post(
        client,
        f"{API}/enterprises/",
        {"name": "苏州华硕", "sector": "C", "credit_code": f" {code[:9]} {code[9:].lower()}"},
    )
    refused = _post(
        client,
        f"{API}/enterprises/",
        {"name": "某公司", "sector": "C", "credit_code": mistyped},
    )

    assert created.status_code == 201, created.content
    assert created.json()["credit_code"] == code
    assert refused.status_code == 422
    (message,) = refused.json()["error"]["fields"]["credit_code"]
    assert "unified social credit code" in message
    assert list(Enterprise.objects.values_list("name", flat=True)) == ["苏州华硕"]


def test_an_enterprise_is_found_by_name_or_credit_code_and_updated(
    place: Careers, user_with_role: Any
) -> None:
    first, second = place.enterprise("深圳富士康", serial=1), place.enterprise("苏州华硕", serial=2)
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))

    by_name = client.get(f"{API}/enterprises/", {"q": "华硕"}).json()["items"]
    by_code = client.get(f"{API}/enterprises/", {"q": first.credit_code.lower()}).json()["items"]
    updated = _patch(client, f"{API}/enterprises/{second.pk}/", {"city": "苏州", "size": "large"})
    blanked = _patch(client, f"{API}/enterprises/{second.pk}/", {"name": None})

    assert [row["id"] for row in by_name] == [second.pk]
    assert [row["id"] for row in by_code] == [first.pk]
    assert (updated.status_code, updated.json()["size"]) == (200, "large")
    assert blanked.status_code == 422
    assert Enterprise.objects.get(pk=second.pk).name == "苏州华硕"


def test_an_agreement_covers_the_majors_named_by_id_and_order_classes_count_their_trainees(
    place: Careers, user_with_role: Any
) -> None:
    company = place.enterprise()
    major = place.fruit.major
    trained = place.graduate(2)
    client = api(user_with_role(Role.SCHOOL_ADMIN, place.school))

    created = _post(
        client,
        f"{API}/agreements/",
        {
            "enterprise_id": company.pk,
            "title": "长期合作协议",
            "signed_on": "2015-01-01",
            "starts_on": "2015-01-01",
            "ends_on": "2018-01-01",
            "major_ids": [major.pk],
        },
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    unknown_major = _patch(client, f"{API}/agreements/{pk}/", {"major_ids": [major.pk, 10**30]})
    renamed = _patch(client, f"{API}/agreements/{pk}/", {"title": "补充协议"})
    order_class = enterprises.create_order_class(
        school=place.school,
        values={
            "enterprise": company,
            "agreement": Agreement.objects.get(pk=pk),
            "name": "富士康订单班",
            "starts_on": dt.date(2014, 9, 1),
            "ends_on": GRADUATION,
            "students": trained,
        },
    )

    assert created.json()["major_ids"] == [major.pk]
    assert unknown_major.status_code == 404
    assert renamed.json()["major_ids"] == [major.pk]
    assert renamed.json()["title"] == "补充协议"
    listed = client.get(f"{API}/order-classes/").json()["items"]
    assert [(row["id"], row["trained"]) for row in listed] == [(order_class.pk, 2)]
    assert client.get(f"{API}/order-classes/{order_class.pk}/").json()["agreement_id"] == pk


def test_a_destination_is_recorded_for_a_graduate_and_refused_for_a_student_still_studying(
    place: Careers, user_with_role: Any
) -> None:
    (graduate,) = place.graduate(1)
    studying = place.place.admit(place.fruit)
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    body = {
        "kind": "enterprise",
        "employer": "深圳富士康",
        "region": "other_province",
        "matches_major": True,
        "starting_salary": 2600,
    }

    recorded = _post(client, f"{API}/destinations/", {**body, "student_id": graduate.pk})
    refused = _post(client, f"{API}/destinations/", {**body, "student_id": studying.pk})

    assert recorded.status_code == 201, recorded.content
    assert recorded.json()["graduated_on"] == GRADUATION.isoformat()
    assert recorded.json()["starting_salary"] == 2600
    assert refused.status_code == 422
    assert "has not graduated" in refused.json()["error"]["fields"]["student"][0]
    assert list(Destination.objects.values_list("student", flat=True)) == [graduate.pk]


def test_a_destination_is_corrected_and_a_correction_against_its_kind_changes_nothing(
    place: Careers, user_with_role: Any
) -> None:
    (graduate,) = place.graduate(1)
    destination = place.employ(graduate, salary=3000)
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))

    corrected = _patch(client, f"{API}/destinations/{destination.pk}/", {"salary": 3400})
    refused = _patch(client, f"{API}/destinations/{destination.pk}/", {"kind": "unemployed"})

    assert (corrected.status_code, corrected.json()["salary"]) == (200, 3400)
    assert refused.status_code == 422
    destination.refresh_from_db()
    assert (destination.kind, destination.salary) == (DestinationKind.ENTERPRISE, 3400)


def test_a_teacher_reads_pay_and_phones_masked_and_a_department_head_in_full(
    place: Careers, user_with_role: Any
) -> None:
    (graduate,) = place.graduate(1)
    destination = place.employ(graduate, starting_salary=2731, salary=31500)
    alumni.give_consent(student=graduate, on=GRADUATION, values={"phone": "13912345678"})
    teacher = api(user_with_role(Role.TEACHER, place.school))
    head = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))

    for client, full in ((teacher, False), (head, True)):
        (row,) = client.get(f"{API}/destinations/").json()["items"]
        detail = client.get(f"{API}/destinations/{destination.pk}/").json()
        (alumnus,) = client.get(f"{API}/alumni/").json()["items"]
        shown = (row["starting_salary"], detail["salary"], alumnus["phone"])
        if full:
            assert shown == (2731, 31500, "13912345678")
        else:
            assert shown == ("****", "****", "1391*****78")
        assert row["employer"] == "深圳富士康"


def test_destinations_are_narrowed_by_graduation_year_and_kind(
    place: Careers, user_with_role: Any
) -> None:
    (earlier,) = place.graduate(1)
    (later,) = place.graduate(1, electronics=True, on=dt.date(2017, 7, 1))
    place.employ(earlier)
    _further_study(place, later)
    client = api(user_with_role(Role.TEACHER, place.school))

    def students(**query: Any) -> list[int]:
        response = client.get(f"{API}/destinations/", query)
        assert response.status_code == 200, response.content
        return [row["student_id"] for row in response.json()["items"]]

    assert students(year=2016) == [earlier.pk]
    assert students(kind="further_study") == [later.pk]
    assert sorted(students(year=99999)) == sorted([earlier.pk, later.pk])  # no year narrows
    assert client.get(f"{API}/destinations/", {"kind": "retired"}).status_code == 422


def test_the_rates_count_an_unrecorded_graduate_and_further_study_as_their_definitions_say(
    place: Careers, user_with_role: Any
) -> None:
    working, studying, _unrecorded = place.graduate(3)
    place.employ(working, matches_major=True)
    _further_study(place, studying)
    client = api(user_with_role(Role.TEACHER, place.school))

    response = client.get(f"{API}/rates/", {"year": GRADUATION.year})
    by_default = client.get(f"{API}/rates/").json()

    assert response.status_code == 200, response.content
    found = response.json()
    total = found["total"]
    # the unrecorded graduate counts in the denominator; further study is employed
    assert (total["graduates"], total["employed"], total["unknown"]) == (3, 2, 1)
    assert total["employment_rate"] == pytest.approx(2 / 3)
    # further study is not direct employment: the matching base is the one working graduate
    assert (total["working"], total["matching"], total["matching_rate"]) == (1, 1, 1.0)
    assert [row["major"] for row in found["majors"]] == [place.fruit.major.name]
    assert "further study" in found["employment_definition"]
    assert "direct employment" in found["matching_definition"]
    assert by_default["year"] == GRADUATION.year and by_default["total"] == total
    empty = client.get(f"{API}/rates/", {"year": 2030}).json()["total"]
    assert (empty["graduates"], empty["employment_rate"], empty["matching_rate"]) == (0, None, None)


def test_an_alumnus_who_withdrew_consent_is_not_listed(place: Careers, user_with_role: Any) -> None:
    listed, withdrawn = place.graduate(2)
    alumni.give_consent(student=listed, on=GRADUATION)
    entry = alumni.give_consent(student=withdrawn, on=GRADUATION, values={"city": "深圳"})
    alumni.withdraw_consent(alumnus=entry, on=dt.date(2017, 1, 1))
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))

    everyone = client.get(f"{API}/alumni/").json()["items"]
    searched = client.get(f"{API}/alumni/", {"q": withdrawn.name}).json()["items"]
    by_city = client.get(f"{API}/alumni/", {"q": "深圳"}).json()["items"]

    assert [row["student_id"] for row in everyone] == [listed.pk]
    assert searched == [] and by_city == []


def test_league_branches_count_their_current_members(place: Careers, user_with_role: Any) -> None:
    staying, leaving = place.graduate(2)
    branch = alumni.create_branch(
        school=place.school,
        values={"name": "深圳团支部", "region": "深圳", "founded_on": GRADUATION},
    )
    alumni.add_member(
        school=place.school, values={"branch": branch, "student": staying, "joined_on": GRADUATION}
    )
    alumni.add_member(
        school=place.school,
        values={
            "branch": branch,
            "student": leaving,
            "joined_on": GRADUATION,
            "left_on": dt.date(2017, 1, 1),
        },
    )
    client = api(user_with_role(Role.TEACHER, place.school))

    (row,) = client.get(f"{API}/league-branches/").json()["items"]

    assert (row["name"], row["member_count"]) == ("深圳团支部", 1)


def test_nothing_of_another_school_is_reachable(
    place: Careers, other_school: Any, user_with_role: Any
) -> None:
    theirs = careers(other_school)
    (graduate,) = theirs.graduate(1)
    company = theirs.enterprise("他校合作企业", serial=9)
    destination = theirs.employ(graduate)
    agreement = enterprises.create_agreement(
        school=other_school,
        values={
            "enterprise": company,
            "title": "他校协议",
            "signed_on": dt.date(2015, 1, 1),
            "starts_on": dt.date(2015, 1, 1),
            "ends_on": dt.date(2018, 1, 1),
        },
    )
    order_class = enterprises.create_order_class(
        school=other_school,
        values={
            "enterprise": company,
            "name": "他校订单班",
            "starts_on": dt.date(2014, 9, 1),
            "ends_on": GRADUATION,
            "students": [graduate],
        },
    )
    alumni.give_consent(student=graduate, on=GRADUATION)
    (ours,) = place.graduate(1)
    client = api(user_with_role(Role.DEPARTMENT_HEAD, place.school))

    for plural in ("enterprises", "agreements", "order-classes", "destinations", "alumni"):
        assert client.get(f"{API}/{plural}/").json()["items"] == []
    for plural, record in (
        ("enterprises", company),
        ("agreements", agreement),
        ("order-classes", order_class),
        ("destinations", destination),
    ):
        assert client.get(f"{API}/{plural}/{record.pk}/").status_code == 404
    assert _patch(client, f"{API}/destinations/{destination.pk}/", {"salary": 1}).status_code == (
        404
    )
    # their enterprise, or their graduate, cannot be named in a write of ours
    named = _post(
        client,
        f"{API}/destinations/",
        {"student_id": ours.pk, "kind": "enterprise", "enterprise_id": company.pk},
    )
    theirs_named = _post(
        client,
        f"{API}/destinations/",
        {"student_id": graduate.pk, "kind": "enterprise", "employer": "x"},
    )
    assert (named.status_code, theirs_named.status_code) == (404, 404)
    assert client.get(f"{API}/enterprises/", {"school": other_school.slug}).status_code == 403
    assert client.get(f"{API}/rates/", {"year": 2016}).json()["total"]["graduates"] == 1
    assert Destination.objects.filter(school=place.school).count() == 0


def test_a_student_may_neither_read_nor_write_careers(place: Careers, user_with_role: Any) -> None:
    company = place.enterprise()
    client = api(user_with_role(Role.STUDENT, place.school))

    assert client.get(f"{API}/enterprises/").status_code == 403
    assert client.get(f"{API}/enterprises/{company.pk}/").status_code == 403
    assert client.get(f"{API}/rates/").status_code == 403
    assert client.get(f"{API}/alumni/").status_code == 403
    refused = _post(client, f"{API}/enterprises/", {"name": "某公司", "sector": "C"})
    assert refused.status_code == 403
    assert Enterprise.objects.count() == 1


def test_a_teacher_reads_but_may_not_write(place: Careers, user_with_role: Any) -> None:
    company = place.enterprise()
    client = api(user_with_role(Role.TEACHER, place.school))

    assert client.get(f"{API}/enterprises/{company.pk}/").status_code == 200
    assert _patch(client, f"{API}/enterprises/{company.pk}/", {"city": "x"}).status_code == 403
    assert Enterprise.objects.get().city == "深圳"


def test_an_agreement_is_never_left_without_its_enterprise(
    place: Careers, user_with_role: Any
) -> None:
    agreement = enterprises.create_agreement(
        school=place.school,
        values={
            "enterprise": place.enterprise(),
            "title": "长期合作协议",
            "signed_on": dt.date(2015, 1, 1),
            "starts_on": dt.date(2015, 1, 1),
            "ends_on": dt.date(2018, 1, 1),
        },
    )
    client = api(user_with_role(Role.SCHOOL_ADMIN, place.school))

    response = _patch(client, f"{API}/agreements/{agreement.pk}/", {"enterprise_id": None})

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"enterprise_id": ["This field cannot be null."]}
    assert Agreement.objects.get().enterprise_id == agreement.enterprise_id
