"""URL × role rows of the outreach app: every URL name of the app has a row here."""

from __future__ import annotations

from typing import Any

from tests.access.roles import ADMIN_ONLY, API_VIEW, ORG_VIEW, POST_ONLY

RESOURCES = ("visit", "handout", "problem", "practical", "base", "household", "served")

EXPECTED: dict[str, dict[Any, int]] = {
    "outreach:totals": ORG_VIEW,
    "outreach:import_start": ADMIN_ONLY,
    "outreach:import_template": ADMIN_ONLY,
    "api-v1:outreach_totals": API_VIEW,
}
for _key in RESOURCES:
    EXPECTED |= {
        f"outreach:{_key}_list": ORG_VIEW,
        f"outreach:{_key}_detail": ORG_VIEW,
        f"outreach:{_key}_export": ORG_VIEW,
        f"outreach:{_key}_create": ADMIN_ONLY,
        f"outreach:{_key}_edit": ADMIN_ONLY,
        f"outreach:{_key}_archive": POST_ONLY,
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        # create and update share their paths with list and detail: a GET there reads.
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }
# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {"outreach:import_template": lambda records: ["visits"]}
QUERY: dict[str, dict[str, Any]] = {
    "api-v1:outreach_totals": {"year": 2013},
    "outreach:totals": {"year": 2013},
}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.outreach.tests.factories import outreach_records

    return outreach_records(school)
