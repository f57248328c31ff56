"""Fixtures of the work system's tests: a department with its head, messages, API tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from tests.factories import DepartmentFactory, StaffFactory


@pytest.fixture
def department_head(school: Any, user_with_role: Any) -> tuple[Any, Any]:
    """A department head's user and the department they head."""
    user = user_with_role(Role.DEPARTMENT_HEAD, school)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    return user, department


@pytest.fixture
def signed_in() -> Callable[[Any], Client]:
    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def bearer() -> Callable[[Any], dict[str, str]]:
    """The Authorization header of a fresh API token of the user."""

    def make(user: Any) -> dict[str, str]:
        _token, raw = create_api_token(user=user, name="tests")
        return {"Authorization": f"Bearer {raw}"}

    return make
