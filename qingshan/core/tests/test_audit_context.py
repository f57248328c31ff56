"""The audit context of a request: who and from where, set for every page but the rater's."""

from __future__ import annotations

from typing import Any

from auditlog.context import auditlog_value
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from qingshan.core.middleware import AuditContextMiddleware


def _context_seen(path: str) -> Any:
    seen: list[Any] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(auditlog_value.get(None))
        return HttpResponse()

    request = RequestFactory().post(path, REMOTE_ADDR="203.0.113.7")
    request.user = AnonymousUser()
    token = auditlog_value.set(None)
    try:
        AuditContextMiddleware(view)(request)
    finally:
        auditlog_value.reset(token)
    return seen[0]


def test_a_page_changing_records_gets_the_address_for_the_audit_log() -> None:
    context = _context_seen("/accounts/login/")

    assert context is not None and context["remote_addr"] == "203.0.113.7"


def test_the_raters_pages_get_no_audit_context() -> None:
    assert _context_seen("/r/submit/") is None
    assert _context_seen("/r/") is None


def test_the_rater_prefix_is_a_path_prefix_not_a_substring() -> None:
    assert _context_seen("/reports/") is not None
