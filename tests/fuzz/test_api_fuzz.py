"""Every operation of /api/v1/ with inputs generated from its own OpenAPI schema (Schemathesis):
no answer is a server error, every answer matches the schema, and a refused request writes
nothing (every write leaves an audit entry, so the count of entries must not move)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from auditlog.models import LogEntry
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error, response_schema_conformance

from config.wsgi import application
from tests.fuzz.conftest import FUZZ_EXAMPLES, World, count

SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The requests go straight to the WSGI application, whose end of request would close the
    test's database connection (as Django's test client prevents, so does this)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_the_api_answers_any_input_without_a_server_error(
    operation: Any, data: st.DataObject, world: World
) -> None:
    case = data.draw(operation.as_strategy())
    before = LogEntry.objects.count()

    response = case.call(headers=world.api_headers)
    count(response.status_code)

    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
    if response.status_code >= 400:
        assert LogEntry.objects.count() == before, response.text
