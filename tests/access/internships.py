"""URL × role rows of the internships app: every URL name of the app has a row here.

Staff and the county bureau read internships; the administrator and department heads keep them;
a placement's visits and end are for its school supervisor and the keepers (the matrix's
teacher account supervises nothing); students log their
own internship. A unit supervisor's pages open without an account: with no link exchanged they
show nothing, and their posts are refused for everyone.
"""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ANON,
    API_VIEW,
    HEAD,
    ORG_VIEW,
    POST_ONLY,
    PUBLIC,
    ROLES,
    STUDENT,
)

MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, HEAD: 200}
# A student's own pages: the matrix's student account is linked to no student record, so it
# sees the page saying so, and no placement or week of anyone.
STUDENT_ONLY = {ANON: 302, **dict.fromkeys(Role.values, 403), STUDENT: 200}
NOBODY = {ANON: 302, **dict.fromkeys(Role.values, 403)}
RESOURCE_KEYS = ("unit", "production", "works", "placement", "visit")
# The records' keys where they differ from the resource's (outreach's visits hold "visit").
RECORD_KEYS = {"visit": "internships_visit"}

EXPECTED: dict[str, dict[Any, int]] = {
    "internships:compliance": ORG_VIEW,
    "internships:compliance_export": ORG_VIEW,
    "internships:placement_exception": POST_ONLY,
    "internships:placement_end": MANAGE,
    "internships:placement_visit": MANAGE,
    "internships:week_list": ORG_VIEW,
    "internships:week_detail": ORG_VIEW,
    "internships:week_sheet": POST_ONLY,
    "internships:my": STUDENT_ONLY,
    "internships:my_day": NOBODY,
    "internships:my_week": NOBODY,
    "internships:confirm_home": PUBLIC,
    "internships:confirm_exchange": dict.fromkeys(ROLES, 405),
    "internships:confirm": dict.fromkeys(ROLES, 405),
    "internships:import_start": MANAGE,
    "internships:import_template": MANAGE,
}
for _key in RESOURCE_KEYS:
    EXPECTED |= {
        f"internships:{_key}_list": ORG_VIEW,
        f"internships:{_key}_detail": ORG_VIEW,
        f"internships:{_key}_export": ORG_VIEW,
        f"internships:{_key}_create": MANAGE,
        f"internships:{_key}_edit": MANAGE,
        f"internships:{_key}_archive": POST_ONLY,
    }


def _pk_of(key: str) -> Any:
    return lambda records: [records[key].pk]


EXTRA_ARGS: dict[str, Any] = {
    "internships:placement_exception": _pk_of("placement"),
    "internships:placement_end": _pk_of("placement"),
    "internships:placement_visit": _pk_of("placement"),
    "internships:week_detail": _pk_of("internships_week"),
    "internships:week_sheet": _pk_of("internships_week"),
    "internships:my_day": _pk_of("placement"),
    "internships:my_week": _pk_of("internships_week"),
    "internships:import_template": lambda records: ["placements"],
    **{
        f"internships:visit_{action}": _pk_of("internships_visit")
        for action in ("detail", "edit", "archive")
    },
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.internships.tests.access_records import access_records

    return access_records(school)


# /api/v1/internships/: every read is internships.view's; create and update share their paths
# with the list and the detail, so a GET there reads.
_API_ENDS = {
    "unit": ("list", "detail", "create", "update"),
    "production": ("list", "detail", "create"),
    "works": ("list", "detail"),
    "placement": ("list", "detail", "create", "update"),
}
EXPECTED |= {
    f"api-v1:{_name}": API_VIEW
    for _name in (
        *(f"internship_{_key}_{_end}" for _key, _ends in _API_ENDS.items() for _end in _ends),
        "internship_compliance",
    )
}
EXTRA_ARGS |= {
    f"api-v1:internship_{_key}_{_end}": (lambda key: lambda records: {"pk": records[key].pk})(_key)
    for _key, _ends in _API_ENDS.items()
    for _end in _ends
    if _end in ("detail", "update")
}
