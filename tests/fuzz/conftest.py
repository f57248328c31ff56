"""A school with one record of every kind, and its keepers, for the fuzz suites.

``QS_FUZZ_EXAMPLES`` sets how many inputs Hypothesis tries per form or API operation: a few in
the test suite (CI), many in ``make fuzz``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token, grant_membership
from tests.access.apps import APP_ROWS
from tests.factories import one_of_each
from tests.party_factories import evaluation_records, party_records

FUZZ_EXAMPLES = int(os.environ.get("QS_FUZZ_EXAMPLES", "3"))
# Inputs sent and server errors met in this run, for the summary line (make fuzz).
TALLY = {"inputs": 0, "server errors": 0}


def count(status: int) -> None:
    TALLY["inputs"] += 1
    TALLY["server errors"] += int(status >= 500)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TALLY["inputs"]:
        terminalreporter.write_line(
            f"fuzz: {TALLY['inputs']} inputs sent, {TALLY['server errors']} server errors "
            f"({FUZZ_EXAMPLES} examples per form or operation)"
        )


KEEPER_ROLES = (Role.SCHOOL_ADMIN, Role.SECRETARY)


@dataclass
class World:
    school: Any
    records: dict[str, Any]
    keeper: Any  # holds the school administrator's and the branch secretary's roles
    client: Client  # signed in as the keeper
    api_headers: dict[str, str]


@pytest.fixture
def world(school: Any, user_with_role: Callable[..., Any]) -> World:
    records = {**one_of_each(school), **party_records(school), **evaluation_records(school)}
    for module in APP_ROWS:
        records |= module.records(school)
    keeper = user_with_role(KEEPER_ROLES[0], school)
    for role in KEEPER_ROLES[1:]:
        grant_membership(user=keeper, role=role, school=school)
    client = Client()
    client.force_login(keeper)
    _token, raw = create_api_token(user=keeper, name="fuzz")
    return World(school, records, keeper, client, {"Authorization": f"Bearer {raw}"})
