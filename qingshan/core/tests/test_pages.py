"""The shared layout: security headers, error pages, languages, the health check."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role


def test_pages_carry_a_strict_content_security_policy(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_have_no_inline_script_or_style(school: Any, client_for: Any) -> None:
    import re

    body = client_for(Role.SCHOOL_ADMIN, school).get("/").content.decode()

    inline_scripts = [
        tag
        for tag in re.findall(r"<script[^>]*>", body)
        if "src=" not in tag and "application/json" not in tag
    ]
    assert inline_scripts == []
    assert " style=" not in body
    assert "<style" not in body


def test_unknown_page_gets_a_translated_404(db: None) -> None:
    english = Client().get("/nowhere/")
    chinese = Client(headers={"Accept-Language": "zh-hans"}).get("/nowhere/")

    assert english.status_code == chinese.status_code == 404
    assert "This page does not exist" in english.content.decode()
    assert "This page does not exist" not in chinese.content.decode()


def test_an_unreachable_database_gives_a_503_please_retry_page(
    school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    client.raise_request_exception = False

    with mock.patch(
        "qingshan.reports.views.dashboard.dashboard_for",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Please try again" in response.content.decode()
    assert "connection refused" not in response.content.decode()


def test_another_error_gives_the_500_page_without_details(school: Any, client_for: Any) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    client.raise_request_exception = False

    with mock.patch(
        "qingshan.reports.views.dashboard.dashboard_for", side_effect=RuntimeError("secret detail")
    ):
        response = client.get("/")

    assert response.status_code == 500
    assert "secret detail" not in response.content.decode()


def test_language_switch_changes_the_page_language(school: Any, client_for: Any) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)

    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    chinese = client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get("/").content.decode()

    assert '<html lang="zh-hans">' in chinese
    assert '<html lang="en">' in english
    assert "Dashboard" in english


def test_health_answers_ok(db: None) -> None:
    assert Client().get("/health/").json() == {"status": "ok"}


def test_navigation_follows_the_role(school: Any, client_for: Any) -> None:
    admin_page = client_for(Role.SCHOOL_ADMIN, school).get("/").content.decode()
    student_page = client_for(Role.STUDENT, school).get("/").content.decode()

    assert reverse("accounts:audit_log") in admin_page
    assert reverse("organization:student_list") not in student_page


def test_authority_viewer_switches_between_its_schools(school: Any, user_with_role: Any) -> None:
    from tests.factories import DepartmentFactory, SchoolFactory

    sibling = SchoolFactory(authority=school.authority, name="Sibling School")
    DepartmentFactory(school=sibling, name="兄弟学校部门")
    client = Client()
    client.force_login(user_with_role(Role.AUTHORITY_VIEWER, school))

    client.post(
        reverse("accounts:switch_school"),
        {"school": sibling.pk, "next": reverse("organization:department_list")},
    )
    page = client.get(reverse("organization:department_list")).content.decode()

    assert "兄弟学校部门" in page
    assert "read only" in page


def test_switching_to_a_school_out_of_reach_is_refused(
    school: Any, other_school: Any, client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("accounts:switch_school"), {"school": other_school.pk}
    )

    assert response.status_code == 403
