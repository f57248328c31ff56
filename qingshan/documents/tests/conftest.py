"""Fixtures of the documents tests: a way to issue documents, and clients per role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.documents import services
from qingshan.documents.enums import AUDIENCE_FIELDS, Audience, DocumentKind, Issuer
from qingshan.documents.models import Document


def values(**overrides: Any) -> dict[str, Any]:
    """The values of a document, as a form or the API hands them to the services."""
    audiences = overrides.pop("audience", [Audience.STAFF])
    data: dict[str, Any] = {
        "issuer": Issuer.SCHOOL,
        "prefix": "通职中发",
        "title": "教职工考勤管理办法",
        "kind": DocumentKind.MEASURES,
        "issued_on": dt.date(2013, 3, 1),
        "body": "第一条 为加强管理，制定本办法。",
        **{name: audience in audiences for audience, name in AUDIENCE_FIELDS.items()},
    }
    data.update(overrides)
    return data


@pytest.fixture
def issue(school: Any) -> Callable[..., Document]:
    """Issue a document at ``school`` (or ``at=``) through the service."""

    def make(at: Any = None, **overrides: Any) -> Document:
        return services.issue_document(school=at or school, values=values(**overrides))

    return make


@pytest.fixture
def client_as(school: Any, user_with_role: Any) -> Callable[[str], Client]:
    def make(role: str) -> Client:
        client = Client()
        client.force_login(user_with_role(role, school))
        return client

    return make


@pytest.fixture
def api_as(school: Any, user_with_role: Any) -> Callable[..., Client]:
    def make(role: str, user: Any = None) -> Client:
        user = user or user_with_role(role, school)
        _token, raw = create_api_token(user=user, name="tests")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make


@pytest.fixture
def admin(client_as: Callable[[str], Client]) -> Client:
    return client_as(Role.SCHOOL_ADMIN)


@pytest.fixture
def secretary(client_as: Callable[[str], Client]) -> Client:
    return client_as(Role.SECRETARY)
