from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.models import ApiToken, Membership
from qingshan.organization.models import Department
from qingshan.organization.services import create_record
from tests.factories import MembershipFactory


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_user_list_query_count_does_not_grow(school: Any, admin_client_for_school: Client) -> None:
    url = reverse("accounts:user_list")
    MembershipFactory(school=school)
    _count(admin_client_for_school, url)
    one = _count(admin_client_for_school, url)

    MembershipFactory(school=school)
    MembershipFactory(school=school)

    assert _count(admin_client_for_school, url) == one


def test_audit_log_query_count_does_not_grow(school: Any, admin_client_for_school: Client) -> None:
    url = reverse("accounts:audit_log")
    create_record(school=school, model=Department, values={"name": "一"})
    _count(admin_client_for_school, url)
    one = _count(admin_client_for_school, url)

    create_record(school=school, model=Department, values={"name": "二"})
    create_record(school=school, model=Department, values={"name": "三"})

    assert _count(admin_client_for_school, url) == one


def test_admin_grants_a_role_to_a_new_user(school: Any, admin_client_for_school: Client) -> None:
    response = admin_client_for_school.post(
        reverse("accounts:user_list"),
        {
            "username": "newteacher",
            "full_name": "新老师",
            "role": Role.TEACHER,
            "password": "green mountain river",
        },
    )

    assert response.status_code == 302
    assert Membership.objects.filter(
        user__username="newteacher", school=school, role=Role.TEACHER
    ).exists()


def test_a_weak_initial_password_is_refused_with_the_reason(
    school: Any, admin_client_for_school: Client
) -> None:
    response = admin_client_for_school.post(
        reverse("accounts:user_list"), {"username": "weak", "role": Role.TEACHER, "password": "123"}
    )

    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not Membership.objects.filter(user__username="weak").exists()


def test_an_admin_cannot_remove_their_own_role(school: Any, user_with_role: Any) -> None:
    admin = user_with_role(Role.SCHOOL_ADMIN, school)
    client = Client()
    client.force_login(admin)
    own = Membership.objects.get(user=admin)

    client.post(reverse("accounts:membership_revoke", args=[own.pk]))

    assert Membership.objects.filter(pk=own.pk).exists()


def test_a_role_at_another_school_cannot_be_removed(
    school: Any, other_school: Any, admin_client_for_school: Client
) -> None:
    foreign = MembershipFactory(school=other_school)

    response = admin_client_for_school.post(
        reverse("accounts:membership_revoke", args=[foreign.pk])
    )

    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_a_token_is_shown_once_and_can_be_revoked(school: Any, client_for: Any) -> None:
    client = client_for(Role.TEACHER, school)

    created = client.post(reverse("accounts:api_tokens"), {"name": "sync"})
    token = ApiToken.objects.get()
    listing = client.get(reverse("accounts:api_tokens"))
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))

    assert 'id="new-token"' in created.content.decode()
    assert created["Cache-Control"] == "no-store"
    assert 'id="new-token"' not in listing.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
