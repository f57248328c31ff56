"""URL × role rows of the honours app: every URL name of the app has a row here."""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ADMIN_ONLY,
    ANON,
    API_VIEW,
    ORG_VIEW,
    POST_ONLY,
    SECRETARY,
    STUDENT,
)

# The secretary keeps the branch's honours, the commendations and the stories.
BRANCH_MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200}
# The records named have no file: those who may read them get 404.
NO_FILE = {**dict.fromkeys(ORG_VIEW, 404), ANON: 302, STUDENT: 403}

EXPECTED: dict[str, dict[Any, int]] = {
    "honours:honour_scan": NO_FILE,
    "honours:story_photo": NO_FILE,
    "honours:import_start": ADMIN_ONLY,
    "honours:import_template": ADMIN_ONLY,
}
for _key, _manage in (
    ("honour", ADMIN_ONLY),
    ("branchhonour", BRANCH_MANAGE),
    ("commendation", BRANCH_MANAGE),
    ("story", BRANCH_MANAGE),
):
    EXPECTED |= {
        f"honours:{_key}_list": ORG_VIEW,
        f"honours:{_key}_detail": ORG_VIEW,
        f"honours:{_key}_export": ORG_VIEW,
        f"honours:{_key}_create": _manage,
        f"honours:{_key}_edit": _manage,
        f"honours:{_key}_archive": POST_ONLY,
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        # create and update share their paths with list and detail: a GET there reads.
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }
# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {
    "honours:honour_scan": lambda records: [records["honour"].pk],
    "honours:story_photo": lambda records: [records["story"].pk],
    "honours:import_template": lambda records: ["honours"],
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.honours.tests.factories import honours_records

    return honours_records(school)
