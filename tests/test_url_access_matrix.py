"""Every URL name × every role → the expected status. A URL without a row here fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.organization.resources import BY_KEY
from tests.access.apps import APP_ROWS
from tests.access.roles import (
    ADMIN,
    ADMIN_ONLY,
    ANON,
    API_SIGNED_IN,
    API_VIEW,
    COUNSELOR,
    FIGURES,
    HEAD,
    ORG_VIEW,
    POST_ONLY,
    PUBLIC,
    ROLES,
    SECRETARY,
    SIGNED_IN,
    SIGNED_IN_POST_ONLY,
    STUDENT,
    TEACHER,
    VIEWER,
)
from tests.factories import one_of_each
from tests.party_factories import evaluation_records, party_records

RESOURCE_KEYS = list(BY_KEY)

EXPECTED: dict[str, dict[Any, int]] = {
    "set_language": {**dict.fromkeys(ROLES, 302)},
    "health": PUBLIC,
    "favicon": dict.fromkeys(ROLES, 301),
    "reports:dashboard": SIGNED_IN,
    "inbox": SIGNED_IN,
    "search": SIGNED_IN,
    "notice_open": POST_ONLY,
    "notices_mark": POST_ONLY,
    "reports:figures": FIGURES,
    "accounts:login": {ANON: 200, **dict.fromkeys(Role.values, 302)},
    "accounts:logout": SIGNED_IN_POST_ONLY,
    "accounts:switch_school": POST_ONLY,
    "accounts:otp_setup": SIGNED_IN,
    "accounts:password_change": SIGNED_IN,
    "accounts:password_reset": PUBLIC,
    # Only where e-mail resets are on (an EMAIL_HOST); the tests run without one.
    "accounts:password_reset_done": dict.fromkeys(ROLES, 404),
    # A made-up link: its page says the link is used or expired.
    "accounts:password_reset_confirm": PUBLIC,
    "accounts:password_reset_complete": PUBLIC,
    "accounts:password_reset_issue": POST_ONLY,
    "accounts:otp_verify": SIGNED_IN,
    "accounts:api_tokens": SIGNED_IN,
    "accounts:api_token_revoke": POST_ONLY,
    "accounts:user_list": ADMIN_ONLY,
    "accounts:membership_revoke": POST_ONLY,
    "accounts:audit_log": ADMIN_ONLY,
    "organization:guardian_link": POST_ONLY,
    "organization:term_open": POST_ONLY,
    "organization:term_close": POST_ONLY,
    "organization:term_current": POST_ONLY,
    "organization:import_start": ADMIN_ONLY,
    "organization:import_template": ADMIN_ONLY,
    "api-v1:openapi-json": PUBLIC,
    # The API's root answers nothing itself (a GET there is not an operation).
    "api-v1:api-root": dict.fromkeys(ROLES, 404),
    "api-v1:school_list": API_SIGNED_IN,
}
for _key in RESOURCE_KEYS:
    EXPECTED |= {
        f"organization:{_key}_list": ORG_VIEW,
        f"organization:{_key}_detail": ORG_VIEW,
        f"organization:{_key}_export": ORG_VIEW,
        f"organization:{_key}_create": ADMIN_ONLY,
        f"organization:{_key}_edit": ADMIN_ONLY,
        f"organization:{_key}_archive": POST_ONLY,
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        # create and update share their paths with list and detail: a GET there reads.
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }

PARTY_VIEW = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200, VIEWER: 200}
PARTY_MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), SECRETARY: 200}
API_PARTY_VIEW = {
    ANON: 401,
    **dict.fromkeys(Role.values, 403),
    ADMIN: 200,
    SECRETARY: 200,
    VIEWER: 200,
}
PARTY_RESOURCES = ["member", "group", "meeting", "mentoring"]
EXPECTED |= {
    "party:branch": PARTY_VIEW,
    "party:branch_form": PARTY_MANAGE,
    "party:committee_seat": POST_ONLY,
    "party:transfer_in": PARTY_MANAGE,
    "party:member_departure": POST_ONLY,
    "party:import_start": PARTY_MANAGE,
    "party:import_template": PARTY_MANAGE,
    "party:recruit_board": PARTY_VIEW,
    "party:recruit_create": PARTY_MANAGE,
    "party:recruit_detail": PARTY_VIEW,
    "party:recruit_step": POST_ONLY,
    "party:recruit_event": POST_ONLY,
    "party:recruit_cultivation": POST_ONLY,
    "party:recruit_document": POST_ONLY,
    # the document named does not exist: those who may read the recruit get 404, others 403
    "party:recruit_document_file": {**PARTY_VIEW, ADMIN: 404, SECRETARY: 404, VIEWER: 404},
    "party:recruit_paperwork": PARTY_VIEW,
    "party:meeting_attendance": POST_ONLY,
    "party:meeting_roll_call": POST_ONLY,
    "party:compliance": PARTY_VIEW,
    "party:mentoring_log": POST_ONLY,
    "party:mentoring_close": POST_ONLY,
    "party:appraisal_list": PARTY_VIEW,
    "party:appraisal_detail": PARTY_VIEW,
    "party:appraisal_action": POST_ONLY,
    "party:dues": PARTY_VIEW,
    "api-v1:recruit_list": API_PARTY_VIEW,
    "api-v1:recruit_create": API_PARTY_VIEW,
    "api-v1:recruit_detail": API_PARTY_VIEW,
    # POST only; the method is refused before the token is read.
    "api-v1:recruit_step_create": dict.fromkeys(ROLES, 405),
    "api-v1:recruit_board": API_PARTY_VIEW,
    "api-v1:compliance": API_PARTY_VIEW,
    "api-v1:appraisal_list": API_PARTY_VIEW,
    "api-v1:dues_arrears": API_PARTY_VIEW,
}
for _key in PARTY_RESOURCES:
    EXPECTED |= {
        f"party:{_key}_list": PARTY_VIEW,
        f"party:{_key}_detail": PARTY_VIEW,
        f"party:{_key}_create": PARTY_MANAGE,
        f"party:{_key}_edit": PARTY_MANAGE,
        f"party:{_key}_archive": POST_ONLY,
        f"api-v1:{_key}_list": API_PARTY_VIEW,
        f"api-v1:{_key}_detail": API_PARTY_VIEW,
        f"api-v1:{_key}_create": API_PARTY_VIEW,
        f"api-v1:{_key}_update": API_PARTY_VIEW,
    }

EVAL_VIEW = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200, VIEWER: 200}
EVAL_MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200}
OWN_RESULTS = {ANON: 302, **dict.fromkeys(Role.values, 200), STUDENT: 403, VIEWER: 403}
MISSING_FOR_MANAGERS = {**EVAL_MANAGE, ADMIN: 404, SECRETARY: 404}
API_EVAL_VIEW = {
    ANON: 401,
    **dict.fromkeys(Role.values, 403),
    ADMIN: 200,
    SECRETARY: 200,
    VIEWER: 200,
}
API_EVAL_MANAGE = {ANON: 401, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200}
EXPECTED |= {
    "evaluations:rate_home": PUBLIC,
    # The rater's pages carry no key or due in their address: choosing and giving are posts.
    "evaluations:exchange": SIGNED_IN_POST_ONLY,
    "evaluations:rate": SIGNED_IN_POST_ONLY,
    "evaluations:submit": SIGNED_IN_POST_ONLY,
    "evaluations:rate_thanks": PUBLIC,
    "evaluations:instrument_list": EVAL_VIEW,
    "evaluations:instrument_detail": EVAL_VIEW,
    "evaluations:question_create": EVAL_MANAGE,
    "evaluations:question_edit": EVAL_MANAGE,
    "evaluations:campaign_list": EVAL_VIEW,
    "evaluations:campaign_create": EVAL_MANAGE,
    "evaluations:campaign_detail": EVAL_VIEW,
    "evaluations:campaign_action": POST_ONLY,
    "evaluations:participation": EVAL_MANAGE,
    "evaluations:token_export": POST_ONLY,
    "evaluations:qr_sheets": EVAL_MANAGE,
    "evaluations:slips_all": POST_ONLY,
    "evaluations:slip_batch": MISSING_FOR_MANAGERS,
    "evaluations:slip_batch_download": POST_ONLY,
    "evaluations:review": EVAL_MANAGE,
    "evaluations:results": {
        **EVAL_MANAGE,
        ADMIN: 302,
        SECRETARY: 302,
    },  # a draft has no results yet
    "evaluations:results_export": EVAL_MANAGE | {ADMIN: 403, SECRETARY: 403},
    "evaluations:target_result": {
        **OWN_RESULTS,
        ADMIN: 404,
        SECRETARY: 404,
        HEAD: 404,
        TEACHER: 404,
        COUNSELOR: 404,
    },
    "evaluations:followup_open": POST_ONLY,
    "evaluations:my_results": OWN_RESULTS,
    "evaluations:followup_list": EVAL_MANAGE,
    "evaluations:followup_detail": MISSING_FOR_MANAGERS,
    "api-v1:instrument_list": API_EVAL_VIEW,
    "api-v1:campaign_list": API_EVAL_VIEW,
    "api-v1:campaign_create": API_EVAL_VIEW,
    "api-v1:campaign_detail": API_EVAL_VIEW,
    "api-v1:campaign_action": dict.fromkeys(ROLES, 405),
    "api-v1:campaign_tokens": API_EVAL_MANAGE,
    "api-v1:campaign_participation": API_EVAL_MANAGE,
    "api-v1:campaign_results": {**API_EVAL_MANAGE, ADMIN: 403, SECRETARY: 403},
}

for _module in APP_ROWS:
    EXPECTED |= _module.EXPECTED

# Django's own admin is for the operator's superuser only; every role is sent to its login.
SKIPPED_NAMESPACES = {"admin"}


def url_names(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace in SKIPPED_NAMESPACES:
                continue
            yield from url_names(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def test_every_url_name_has_a_row() -> None:
    assert sorted(set(url_names()) - set(EXPECTED)) == []
    assert sorted(set(EXPECTED) - set(url_names())) == []


@pytest.fixture
def records(school: Any) -> dict[str, Any]:
    found = {**one_of_each(school), **party_records(school), **evaluation_records(school)}
    for module in APP_ROWS:
        found |= module.records(school)
    return found


# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {
    "organization:import_template": lambda records: ["staff"],
    "party:import_template": lambda records: ["party_members"],
    "accounts:api_token_revoke": lambda records: [1],
    "accounts:password_reset_issue": lambda records: [1],
    "accounts:password_reset_confirm": lambda records: ["MQ", "made-up-token"],
    "accounts:membership_revoke": lambda records: [1],
    "organization:guardian_link": lambda records: [records["guardian"].pk],
    "organization:term_open": lambda records: [records["term"].pk],
    "organization:term_close": lambda records: [records["term"].pk],
    "organization:term_current": lambda records: [records["term"].pk],
    "party:member_departure": lambda records: [records["member"].pk, "transfer_out"],
    "party:recruit_event": lambda records: [records["recruit"].pk, "revoked"],
    "party:recruit_paperwork": lambda records: [records["recruit"].pk, "application_talk"],
    "party:appraisal_action": lambda records: [records["appraisal"].pk, "advance"],
    "party:recruit_step": lambda records: [records["recruit"].pk],
    "party:recruit_cultivation": lambda records: [records["recruit"].pk],
    "party:recruit_document": lambda records: [records["recruit"].pk],
    "party:recruit_document_file": lambda records: [records["recruit"].pk, 999],
    "party:meeting_attendance": lambda records: [records["meeting"].pk],
    "party:meeting_roll_call": lambda records: [records["meeting"].pk],
    "party:mentoring_log": lambda records: [records["mentoring"].pk],
    "party:mentoring_close": lambda records: [records["mentoring"].pk],
    "api-v1:recruit_step_create": lambda records: {"pk": records["recruit"].pk},
    "evaluations:question_create": lambda records: [records["instrument"].pk],
    "evaluations:question_edit": lambda records: [records["instrument"].pk, records["question"].pk],
    "evaluations:campaign_action": lambda records: [records["campaign"].pk, "prepare"],
    "evaluations:participation": lambda records: [records["campaign"].pk],
    "evaluations:token_export": lambda records: [records["campaign"].pk],
    "evaluations:qr_sheets": lambda records: [records["campaign"].pk],
    "evaluations:slips_all": lambda records: [records["campaign"].pk],
    "evaluations:slip_batch": lambda records: [records["campaign"].pk, 999999],
    "evaluations:slip_batch_download": lambda records: [records["campaign"].pk, 999999],
    "evaluations:review": lambda records: [records["campaign"].pk],
    "evaluations:results": lambda records: [records["campaign"].pk],
    "evaluations:results_export": lambda records: [records["campaign"].pk, "xlsx"],
    "evaluations:target_result": lambda records: [999999],
    "evaluations:followup_open": lambda records: [999999],
    "evaluations:followup_detail": lambda records: [999999],
    "api-v1:campaign_action": lambda records: {"pk": records["campaign"].pk, "action": "prepare"},
    "api-v1:campaign_tokens": lambda records: {"pk": records["campaign"].pk},
    "api-v1:campaign_participation": lambda records: {"pk": records["campaign"].pk},
    "api-v1:campaign_results": lambda records: {"pk": records["campaign"].pk},
}
QUERY = {"api-v1:compliance": {"year": 2013}, "party:compliance": {"year": 2013}}
for _module in APP_ROWS:
    EXTRA_ARGS |= _module.EXTRA_ARGS
    QUERY |= _module.QUERY


def _url_for(name: str, records: dict[str, Any]) -> str:
    if name in EXTRA_ARGS:
        args = EXTRA_ARGS[name](records)
        return reverse(name, kwargs=args) if isinstance(args, dict) else reverse(name, args=args)
    key = name.split(":")[-1].rsplit("_", 1)[0]
    if name.endswith(("_detail", "_edit", "_archive", "_update")) and key in records:
        pk = records[key].pk
        return (
            reverse(name, kwargs={"pk": pk})
            if name.startswith("api-v1:")
            else reverse(name, args=[pk])
        )
    return reverse(name)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_access_matrix(
    role: str | None, school: Any, records: dict[str, Any], user_with_role: Any
) -> None:
    client = Client()
    headers: dict[str, str] = {}
    user = None
    if role is not None:
        user = user_with_role(role, school)
        client.force_login(user)
        _token, raw = create_api_token(user=user, name="matrix")
        headers = {"Authorization": f"Bearer {raw}"}
    mismatches = []
    for name in sorted(EXPECTED):
        url = _url_for(name, records)
        response = client.get(
            url, QUERY.get(name, {}), headers=headers if name.startswith("api-v1:") else {}
        )
        if response.status_code != EXPECTED[name][role]:
            mismatches.append((name, url, response.status_code, EXPECTED[name][role]))
    assert mismatches == []
