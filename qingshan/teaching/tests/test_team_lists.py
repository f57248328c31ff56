"""The lists of the team's records cost the same number of queries for one row as for three."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.resources import TEAM_RESOURCES
from qingshan.teaching.tests.factories import team_records

pytestmark = pytest.mark.django_db


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", [resource.key for resource in TEAM_RESOURCES])
def test_a_list_costs_the_same_queries_for_one_row_and_three(
    key: str, school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse(f"teaching:{key}_list")
    client.get(url)  # the session's first request loads the user's memberships once
    team_records(school)
    one = _queries(client, url)
    team_records(school)
    team_records(school)

    three = _queries(client, url)

    assert one == three
