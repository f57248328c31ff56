"""Fixtures shared by every test: two schools, and a signed-in client per role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.core.models import School
from tests.factories import (
    AuthorityFactory,
    MembershipFactory,
    SchoolFactory,
    UserFactory,
    open_every_term,
)

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _english_by_default(settings: pytest.FixtureRequest) -> None:
    """Tests read English messages unless they switch the language themselves."""
    settings.LANGUAGE_CODE = "en"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path: Any) -> None:
    """Uploaded files of a test go to a folder of its own, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def school(db: None) -> School:
    return SchoolFactory(name="Green Mountain Vocational School", slug="green-mountain")


@pytest.fixture
def other_school(db: None) -> School:
    return SchoolFactory(
        name="Other School", slug="other-school", authority=AuthorityFactory(slug="other-county")
    )


@pytest.fixture
def user_with_role(db: None) -> Callable[..., object]:
    def make(role: str, school: School, **user_fields: object) -> object:
        user = UserFactory(**user_fields)
        if role == Role.AUTHORITY_VIEWER:
            MembershipFactory(user=user, role=role, school=None, authority=school.authority)
        else:
            MembershipFactory(user=user, role=role, school=school)
        return user

    return make


@pytest.fixture
def client_for(user_with_role: Callable[..., object]) -> Callable[..., Client]:
    """A test client signed in with one role at the given school (None: anonymous)."""

    def make(role: str | None, school: School) -> Client:
        client = Client()
        if role is not None:
            client.force_login(user_with_role(role, school))
        return client

    return make


@pytest.fixture
def admin_client_for_school(school: School, client_for: Callable[..., Client]) -> Client:
    return client_for(Role.SCHOOL_ADMIN, school)


@pytest.fixture
def school_in_session(request: pytest.FixtureRequest) -> None:
    """The tests' school has opened every term from 2010 to 2027: its filings are owed whatever
    month a test uses. Tests of the filing cycle use it; tests of filings outside the opened
    terms make their own terms."""
    if "school" not in request.fixturenames:
        return
    school = request.getfixturevalue("school")
    open_every_term(school)
