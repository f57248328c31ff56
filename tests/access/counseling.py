"""URL × role rows of the counseling app: every URL name of the app has a row here.

Counselors screen and keep cases; within the case file a case is read only by the counselors it
names, so the matrix's counselor (linked to no staff record) gets 404 on the case pages and an
empty list; no other role reaches a case page (403). Staff see the students of the classes they
head who need attention; students answer; the branch secretary may break the glass.
"""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ANON,
    COUNSELOR,
    POST_ONLY,
    PUBLIC,
    ROLES,
    SECRETARY,
    STUDENT,
    VIEWER,
)

COUNSELORS = {ANON: 302, **dict.fromkeys(Role.values, 403), COUNSELOR: 200}
CASE_PAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), COUNSELOR: 404}
NOBODY = {ANON: 302, **dict.fromkeys(Role.values, 403)}
KEEPERS = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, COUNSELOR: 200}
STAFF = {ANON: 302, **dict.fromkeys(Role.values, 200), STUDENT: 403, VIEWER: 403}

EXPECTED: dict[str, dict[Any, int]] = {
    "counseling:board": COUNSELORS,
    "counseling:scale_list": COUNSELORS,
    "counseling:scale_create": COUNSELORS,
    "counseling:scale_detail": COUNSELORS,
    "counseling:scale_edit": COUNSELORS,
    "counseling:scale_version": POST_ONLY,
    "counseling:threshold_remove": POST_ONLY,
    "counseling:campaign_list": COUNSELORS,
    "counseling:campaign_create": COUNSELORS,
    "counseling:campaign_detail": COUNSELORS,
    "counseling:campaign_edit": COUNSELORS,
    "counseling:campaign_open": POST_ONLY,
    "counseling:campaign_close": POST_ONLY,
    "counseling:campaign_links": POST_ONLY,
    "counseling:alert_list": COUNSELORS,
    "counseling:alert_detail": COUNSELORS,
    "counseling:attention": STAFF,
    "counseling:my": {ANON: 302, **dict.fromkeys(Role.values, 403), STUDENT: 200},
    "counseling:answer": NOBODY,
    "counseling:answer_home": PUBLIC,
    "counseling:answer_exchange": dict.fromkeys(ROLES, 405),
    "counseling:case_list": COUNSELORS,
    "counseling:case_open": NOBODY,
    "counseling:case_detail": CASE_PAGE,
    "counseling:case_session": CASE_PAGE,
    "counseling:case_referral": CASE_PAGE,
    "counseling:case_referral_follow_up": CASE_PAGE,
    "counseling:case_crisis": CASE_PAGE,
    "counseling:case_close": CASE_PAGE,
    "counseling:case_add_counselor": CASE_PAGE,
    "counseling:break_glass": {ANON: 302, **dict.fromkeys(Role.values, 403), SECRETARY: 200},
    "counseling:import_start": COUNSELORS,
    "counseling:compliance": KEEPERS,
    "counseling:compliance_pack": {ANON: 302, **dict.fromkeys(Role.values, 405)},
    "counseling:guardian_export": KEEPERS,
    "counseling:incident_list": KEEPERS,
    "counseling:incident_create": KEEPERS,
    "counseling:incident_detail": KEEPERS,
    "counseling:incident_edit": KEEPERS,
    "counseling:incident_export": KEEPERS,
    "counseling:incident_archive": POST_ONLY,
    "counseling:import_template": COUNSELORS,
}


def _pk_of(key: str) -> Any:
    return lambda records: [records[key].pk]


EXTRA_ARGS: dict[str, Any] = {
    "counseling:scale_detail": _pk_of("counseling_scale"),
    "counseling:scale_edit": _pk_of("counseling_scale"),
    "counseling:scale_version": _pk_of("counseling_scale"),
    "counseling:threshold_remove": _pk_of("threshold"),
    "counseling:campaign_detail": _pk_of("counseling_campaign"),
    "counseling:campaign_edit": _pk_of("counseling_campaign"),
    "counseling:campaign_open": _pk_of("counseling_campaign"),
    "counseling:campaign_close": _pk_of("counseling_campaign"),
    "counseling:campaign_links": _pk_of("counseling_campaign"),
    "counseling:alert_detail": _pk_of("counseling_alert"),
    "counseling:answer": _pk_of("counseling_campaign"),
    "counseling:import_template": lambda records: ["screening_results"],
    **{
        f"counseling:{name}": _pk_of("counseling_case")
        for name in (
            "case_detail",
            "case_session",
            "case_referral",
            "case_referral_follow_up",
            "case_crisis",
            "case_close",
            "case_add_counselor",
        )
    },
}
QUERY: dict[str, dict[str, Any]] = {}

# /api/v1/counseling/: counselors only; the matrix's counselor has no staff record, so a case is
# not theirs (404). Actions are POST only; create shares its path with the list (a GET reads).
API_COUNSELORS = {ANON: 401, **dict.fromkeys(Role.values, 403), COUNSELOR: 200}
_API_PK = {
    "counseling_scale_detail": "counseling_scale",
    "counseling_campaign_detail": "counseling_campaign",
    "counseling_alert_detail": "counseling_alert",
    "counseling_case_detail": "counseling_case",
    "counseling_campaign_open": "counseling_campaign",
    "counseling_campaign_close": "counseling_campaign",
    "counseling_alert_follow_up": "counseling_alert",
    "counseling_session_create": "counseling_case",
}
EXPECTED |= {
    f"api-v1:{name}": API_COUNSELORS
    for name in (
        "counseling_scale_list",
        "counseling_scale_detail",
        "counseling_campaign_list",
        "counseling_campaign_detail",
        "counseling_campaign_create",
        "counseling_alert_list",
        "counseling_alert_detail",
        "counseling_case_list",
    )
}
EXPECTED["api-v1:counseling_case_detail"] = {**API_COUNSELORS, COUNSELOR: 404}
EXPECTED |= {
    f"api-v1:{name}": dict.fromkeys(ROLES, 405)
    for name in (
        "counseling_campaign_open",
        "counseling_campaign_close",
        "counseling_alert_follow_up",
        "counseling_session_create",
    )
}


def _pk_kwarg(key: str) -> Any:
    return lambda records: {"pk": records[key].pk}


EXTRA_ARGS |= {f"api-v1:{name}": _pk_kwarg(key) for name, key in _API_PK.items()}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.counseling.tests.access_records import access_records

    return access_records(school)
