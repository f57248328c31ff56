from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.organization.models import Department
from tests import factories


@pytest.fixture
def api_for(user_with_role: Any) -> Any:
    def make(role: str, school: Any) -> Client:
        _token, raw = create_api_token(user=user_with_role(role, school), name="test")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make


def test_list_is_paginated_with_count(school: Any, api_for: Any, settings: Any) -> None:
    for number in range(3):
        factories.DepartmentFactory(school=school, name=f"部门{number}")

    body = api_for(Role.TEACHER, school).get("/api/v1/organization/department/").json()

    assert body["count"] == 3
    assert [item["name"] for item in body["items"]] == ["部门0", "部门1", "部门2"]


def test_read_returns_the_record_with_foreign_keys_as_ids(school: Any, api_for: Any) -> None:
    school_class = factories.SchoolClassFactory(school=school)

    body = (
        api_for(Role.TEACHER, school)
        .get(f"/api/v1/organization/schoolclass/{school_class.pk}/")
        .json()
    )

    assert (body["id"], body["grade_team"], body["major"]) == (
        school_class.pk,
        school_class.grade_team_id,
        school_class.major_id,
    )


def test_admin_creates_and_updates_through_the_api(school: Any, api_for: Any) -> None:
    client = api_for(Role.SCHOOL_ADMIN, school)

    created = client.post(
        "/api/v1/organization/department/",
        {"name": "教务处", "sort_order": 2},
        content_type="application/json",
    )
    department_id = created.json()["id"]
    updated = client.patch(
        f"/api/v1/organization/department/{department_id}/",
        {"description": "教学"},
        content_type="application/json",
    )

    assert (created.status_code, updated.status_code) == (201, 200)
    assert Department.objects.filter(pk=department_id).values_list(
        "name", "description", "sort_order"
    ).get() == ("教务处", "教学", 2)


def test_invalid_data_gets_one_error_shape_and_changes_nothing(school: Any, api_for: Any) -> None:
    factories.DepartmentFactory(school=school, name="教务处")
    client = api_for(Role.SCHOOL_ADMIN, school)

    duplicate = client.post(
        "/api/v1/organization/department/", {"name": "教务处"}, content_type="application/json"
    )
    missing = client.post("/api/v1/organization/department/", {}, content_type="application/json")

    assert duplicate.status_code == missing.status_code == 422
    assert (
        set(duplicate.json()["error"])
        == set(missing.json()["error"])
        == {"code", "message", "fields"}
    )
    assert duplicate.json()["error"]["fields"] == {
        "__all__": ["A department with this name exists already."]
    }
    assert "name" in str(missing.json()["error"]["fields"])
    assert Department.objects.count() == 1


def test_without_a_token_the_answer_is_401_in_the_same_shape(db: None) -> None:
    response = Client().get("/api/v1/organization/department/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_a_revoked_token_no_longer_works(school: Any, user_with_role: Any) -> None:
    from qingshan.accounts.services import revoke_api_token

    token, raw = create_api_token(user=user_with_role(Role.TEACHER, school), name="old")
    revoke_api_token(token=token)

    assert (
        Client()
        .get("/api/v1/organization/schools/", headers={"Authorization": f"Bearer {raw}"})
        .status_code
        == 401
    )


@pytest.mark.parametrize("role", [Role.TEACHER, Role.AUTHORITY_VIEWER, Role.STUDENT])
def test_roles_without_manage_rights_cannot_write(school: Any, api_for: Any, role: str) -> None:
    response = api_for(role, school).post(
        "/api/v1/organization/department/", {"name": "新"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert Department.objects.count() == 0


def test_a_user_of_several_schools_must_name_one(
    school: Any, other_school: Any, user_with_role: Any
) -> None:
    from qingshan.accounts.services import grant_membership

    user = user_with_role(Role.SCHOOL_ADMIN, school)
    grant_membership(user=user, role=Role.SCHOOL_ADMIN, school=other_school)
    _token, raw = create_api_token(user=user, name="two")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    factories.DepartmentFactory(school=other_school, name="那边")

    unnamed = client.get("/api/v1/organization/department/")
    named = client.get("/api/v1/organization/department/", {"school": other_school.slug})

    assert unnamed.status_code == 400
    assert [item["name"] for item in named.json()["items"]] == ["那边"]


def test_schools_lists_the_callers_schools_and_roles(school: Any, api_for: Any) -> None:
    body = api_for(Role.SECRETARY, school).get("/api/v1/organization/schools/").json()

    assert [(item["slug"], item["roles"]) for item in body] == [(school.slug, ["secretary"])]


def test_openapi_schema_documents_every_resource(db: None) -> None:
    paths = Client().get("/api/v1/openapi.json").json()["paths"]

    for key in (
        "department",
        "gradeteam",
        "term",
        "major",
        "schoolclass",
        "teachingassignment",
        "staff",
        "student",
        "guardian",
    ):
        assert f"/api/v1/organization/{key}/" in paths
        assert set(paths[f"/api/v1/organization/{key}/{{pk}}/"]) == {"get", "patch"}
