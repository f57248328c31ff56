"""/api/v1/reports/: the figures of a school and year and the records behind one, allowed, refused
and with bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.core.figures import registry
from qingshan.honours.tests.factories import honour
from tests.factories import MembershipFactory, SchoolClassFactory, StudentFactory

pytestmark = pytest.mark.django_db

FIGURES = "/api/v1/reports/figures/"
STUDENTS = "/api/v1/reports/figures/organization.students/records/"


def get_token(user: Any) -> str:
    _token, raw = create_api_token(user=user, name="tests")
    return f"Bearer {raw}"


def get(user: Any, url: str, **query: Any) -> Any:
    headers = {"Authorization": get_token(user)} if user is not None else {}
    return Client().get(url, query, headers=headers)


def test_the_county_reads_every_figure_of_this_year_by_default(
    school: Any, user_with_role: Any
) -> None:
    response = get(user_with_role(Role.AUTHORITY_VIEWER, school), FIGURES)

    rows = {row["key"]: row for row in response.json()}
    year = timezone.localdate().year
    assert (response.status_code, len(rows)) == (200, len(registry.keys()))
    assert rows["organization.students"]["records_url"] == (
        f"{STUDENTS}?year={year}&school={school.slug}"
    )


def test_a_figures_records_url_gives_its_records(school: Any, user_with_role: Any) -> None:
    user = user_with_role(Role.SECRETARY, school)
    students = StudentFactory.create_batch(2, school=school)
    url = next(
        row["records_url"]
        for row in get(user, FIGURES, year=2013).json()
        if row["key"] == "organization.students"
    )

    records = Client().get(url, headers={"Authorization": get_token(user)}).json()

    assert records["count"] == 2
    assert [item["id"] for item in records["items"]] == sorted(s.pk for s in students)


def test_records_are_paged_by_a_hundred(school: Any, user_with_role: Any) -> None:
    school_class = SchoolClassFactory(school=school)
    StudentFactory.create_batch(101, school=school, school_class=school_class)
    user = user_with_role(Role.SCHOOL_ADMIN, school)

    first = get(user, STUDENTS, year=2013).json()
    second = get(user, STUDENTS, year=2013, page=2).json()

    assert (first["count"], len(first["items"]), len(second["items"])) == (101, 100, 1)


def test_the_records_of_an_unknown_figure_are_not_found(school: Any, user_with_role: Any) -> None:
    response = get(
        user_with_role(Role.SCHOOL_ADMIN, school), "/api/v1/reports/figures/nothing/records/"
    )

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_a_year_that_is_no_number_is_not_valid(school: Any, user_with_role: Any) -> None:
    response = get(user_with_role(Role.SCHOOL_ADMIN, school), FIGURES, year="last")

    assert (response.status_code, list(response.json()["error"]["fields"])) == (422, ["year"])


@pytest.mark.parametrize("url", [FIGURES, STUDENTS])
@pytest.mark.parametrize(("role", "status"), [(Role.TEACHER, 403), (None, 401)])
def test_teachers_and_callers_without_a_token_read_no_figures(
    school: Any, user_with_role: Any, url: str, role: Any, status: int
) -> None:
    user = user_with_role(role, school) if role else None

    assert get(user, url).status_code == status


def test_a_caller_of_two_schools_reads_the_one_named(
    school: Any, other_school: Any, user_with_role: Any
) -> None:
    user = user_with_role(Role.SCHOOL_ADMIN, school)
    MembershipFactory(user=user, role=Role.SCHOOL_ADMIN, school=other_school)
    StudentFactory(school=other_school)

    unnamed = get(user, FIGURES, year=2013)
    named = get(user, STUDENTS, year=2013, school=other_school.slug)

    assert unnamed.status_code == 400
    assert named.json()["count"] == 1


def test_the_figures_of_a_school_the_caller_has_no_right_at_are_refused(
    school: Any, other_school: Any, user_with_role: Any
) -> None:
    user = user_with_role(Role.SCHOOL_ADMIN, school)
    MembershipFactory(user=user, role=Role.TEACHER, school=other_school)

    response = get(user, FIGURES, school=other_school.slug)

    assert response.status_code == 403


LISTS = "/api/v1/reports/lists/"


def test_the_lists_name_the_years_records_in_the_callers_language(
    school: Any, user_with_role: Any
) -> None:
    named = honour(school, title="市文明单位", level="city")
    user = user_with_role(Role.SECRETARY, school)

    token = {"Authorization": get_token(user)}
    chinese = Client().get(LISTS, {"year": 2013}, headers=token, HTTP_ACCEPT_LANGUAGE="zh-hans")
    english = Client().get(LISTS, {"year": 2013}, headers=token, HTTP_ACCEPT_LANGUAGE="en")

    rows = {row["key"]: row for row in chinese.json()}
    assert chinese.status_code == 200
    assert rows["honours.titles"]["items"] == [
        {"text": "市文明单位", "detail": "", "model": "honours.Honour", "id": named.pk}
    ]
    assert rows["honours.levels"]["items"][0]["text"] == "市"
    assert {row["key"]: row for row in english.json()}["honours.levels"]["items"][0]["text"] == (
        "city"
    )


@pytest.mark.parametrize(("role", "status"), [(Role.TEACHER, 403), (None, 401)])
def test_teachers_and_callers_without_a_token_read_no_lists(
    school: Any, user_with_role: Any, role: str | None, status: int
) -> None:
    honour(school, title="市文明单位")
    user = user_with_role(role, school) if role else None

    response = get(user, LISTS, year=2013)

    assert response.status_code == status and "市文明单位" not in response.content.decode()
