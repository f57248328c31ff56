"""URL × role rows of the annual summary, the evidence pages and the county roll-up."""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ANON,
    FIGURES,
    POST_ONLY,
    SECRETARY,
    VIEWER,
)

VIEW = FIGURES  # the administrator, the secretary and the county bureau
EDIT = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200}
COUNTY = {ANON: 302, **dict.fromkeys(Role.values, 403), VIEWER: 200}
API_VIEW = {ANON: 401, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200, VIEWER: 200}

EXPECTED: dict[str, dict[Any, int]] = {
    "reports:evidence": VIEW,
    "reports:summary": VIEW,
    "reports:summary_download": VIEW,
    "reports:summary_issue": POST_ONLY,
    "reports:block_add": POST_ONLY,
    "reports:block_edit": EDIT,
    "reports:block_remove": POST_ONLY,
    "reports:default_block_edit": POST_ONLY,
    "reports:issued_list": VIEW,
    "reports:issued_detail": VIEW,
    "reports:issued_file": VIEW,
    "reports:issued_compare": VIEW,
    "reports:county": COUNTY,
    "reports:county_export": COUNTY,
    "api-v1:figure_values": API_VIEW,
    "api-v1:figure_records": API_VIEW,
    "api-v1:record_lists": API_VIEW,
}
EXTRA_ARGS: dict[str, Any] = {
    "reports:evidence": lambda r: ["organization.students"],
    "reports:summary_download": lambda r: ["docx"],
    "reports:block_edit": lambda r: [r["block"].pk],
    "reports:block_remove": lambda r: [r["block"].pk],
    "reports:default_block_edit": lambda r: [10],
    "reports:issued_detail": lambda r: [r["issued"].pk],
    "reports:issued_file": lambda r: [r["issued"].pk, "docx"],
    "reports:issued_compare": lambda r: [r["issued"].pk, r["issued_again"].pk],
    "api-v1:figure_records": lambda r: {"key": "organization.students"},
}
QUERY: dict[str, dict[str, Any]] = {
    "reports:evidence": {"year": 2013},
    "reports:summary": {"year": 2013},
    "reports:summary_download": {"year": 2013},
    "reports:county": {"year": 2013},
    "reports:county_export": {"year": 2013},
    "api-v1:figure_values": {"year": 2013},
    "api-v1:figure_records": {"year": 2013},
    "api-v1:record_lists": {"year": 2013},
}


def records(school: Any) -> dict[str, Any]:
    from qingshan.reports.tests.factories import issued_report

    first = issued_report(school)
    again = issued_report(school)
    return {"block": first.template_block, "issued": first, "issued_again": again}
