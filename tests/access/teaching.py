"""URL × role rows of the teacher-development app: every URL name of the app has a row here."""

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
    STUDENT,
    VIEWER,
)

# The administrator and department heads keep the team's records and the policy.
MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, HEAD: 200}
# Every member of staff asks for trainings of their own; the county bureau only reads.
STAFF_WRITE = {**ORG_VIEW, STUDENT: 403, VIEWER: 403}
# The training named has no evidence file: those who may read it get 404.
NO_FILE = {**dict.fromkeys(ORG_VIEW, 404), ANON: 302, STUDENT: 403}

EXPECTED: dict[str, dict[Any, int]] = {
    "teaching:practice": ORG_VIEW,
    "teaching:policy": MANAGE,
    "teaching:lesson_file": POST_ONLY,
    "teaching:training_request": STAFF_WRITE,
    "teaching:training_approve": POST_ONLY,
    "teaching:training_refuse": POST_ONLY,
    "teaching:training_done": POST_ONLY,
    "teaching:training_evidence": NO_FILE,
    "teaching:import_start": MANAGE,
    "teaching:import_template": MANAGE,
}
for _key in ("group", "profile", "lesson", "training", "mentorship", "meeting"):
    EXPECTED |= {
        f"teaching:{_key}_list": ORG_VIEW,
        f"teaching:{_key}_detail": ORG_VIEW,
        f"teaching:{_key}_export": ORG_VIEW,
        f"teaching:{_key}_create": MANAGE,
        f"teaching:{_key}_edit": MANAGE,
        f"teaching:{_key}_archive": POST_ONLY,
    }
for _key in ("researchgroup", "profile", "lesson", "training", "mentorship"):
    EXPECTED |= {
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        # create and update share their paths with list and detail: a GET there reads.
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }


def _pk_of(key: str) -> Any:
    return lambda records: [records[key].pk]


# URL names whose arguments are not just the pk of the record named by their prefix: the
# party's records hold the keys "group" and "meeting", so this app's are kept apart.
EXTRA_ARGS: dict[str, Any] = {
    "teaching:lesson_file": _pk_of("lesson"),
    "teaching:training_approve": _pk_of("training"),
    "teaching:training_refuse": _pk_of("training"),
    "teaching:training_done": _pk_of("training"),
    "teaching:training_evidence": _pk_of("training"),
    "teaching:import_template": lambda records: ["trainings"],
}
for _key in ("group", "meeting"):
    for _action in ("detail", "edit", "archive"):
        EXTRA_ARGS[f"teaching:{_key}_{_action}"] = _pk_of(f"teaching_{_key}")
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.teaching.tests.factories import team_records

    found = team_records(school)
    group, meeting = found.pop("group"), found.pop("meeting")
    return {**found, "teaching_group": group, "teaching_meeting": meeting, "researchgroup": group}
