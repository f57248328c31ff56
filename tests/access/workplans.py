"""URL × role rows of the workplans app: every URL name of the app has a row here."""

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
    SIGNED_IN_POST_ONLY,
)

VIEW = ORG_VIEW  # staff and the county bureau read; students do not
# Filing a unit's plan: the admin files for any unit; others only for their own unit (none here).
FILE_FOR_UNIT = ADMIN_ONLY
API_MANAGE = {ANON: 401, **dict.fromkeys(Role.values, 403), ADMIN: 200}

RESOURCES = (
    "decisionmeeting",
    "workline",
    "place",
    "timeslot",
    "gridcell",
    "gridexception",
    "leave",
)
API_RESOURCES = RESOURCES

EXPECTED: dict[str, dict[Any, int]] = {
    "workplans:month": VIEW,
    "workplans:settings": ADMIN_ONLY,
    "workplans:plan_open": POST_ONLY,
    "workplans:plan_detail": VIEW,
    "workplans:item_add": POST_ONLY,
    "workplans:plan_file": POST_ONLY,
    "workplans:summary_file": POST_ONLY,
    "workplans:summary_export": VIEW,
    "workplans:item_edit": FILE_FOR_UNIT,
    "workplans:item_done": FILE_FOR_UNIT,
    "workplans:item_reopen": POST_ONLY,
    "workplans:item_remove": POST_ONLY,
    "workplans:weekly": VIEW,
    "workplans:supervision": VIEW,
    "workplans:decision_create": ADMIN_ONLY,
    "workplans:decision_detail": VIEW,
    "workplans:decision_hand": POST_ONLY,
    "workplans:decision_close": POST_ONLY,
    "workplans:task_hand_down": POST_ONLY,
    "workplans:task_done": POST_ONLY,
    "workplans:task_explain": POST_ONLY,
    "workplans:grid": VIEW,
    "workplans:grid_check": VIEW,
    "workplans:grid_roster": VIEW,
    "workplans:grid_copy": ADMIN_ONLY,
    "workplans:grid_changes": VIEW,
    "workplans:import_start": ADMIN_ONLY,
    "workplans:import_template": ADMIN_ONLY,
    "api-v1:workplan_list": API_VIEW,
    "api-v1:workplan_detail": API_VIEW,
    "api-v1:workplan_open": API_VIEW,  # shares its path with the list: a GET reads
    "api-v1:workplan_item_add": SIGNED_IN_POST_ONLY,
    "api-v1:workplan_item_done": SIGNED_IN_POST_ONLY,
    "api-v1:workplan_file": SIGNED_IN_POST_ONLY,
    "api-v1:workplan_summary": SIGNED_IN_POST_ONLY,
    "api-v1:weekly_list": API_VIEW,
    "api-v1:weekly_create": API_VIEW,
    "api-v1:decision_list": API_VIEW,
    "api-v1:decision_detail": API_VIEW,
    "api-v1:decision_create": SIGNED_IN_POST_ONLY,
    "api-v1:decision_hand": SIGNED_IN_POST_ONLY,
    "api-v1:decision_close": SIGNED_IN_POST_ONLY,
    "api-v1:task_hand_down": SIGNED_IN_POST_ONLY,
    "api-v1:task_done": SIGNED_IN_POST_ONLY,
    "api-v1:task_explain": SIGNED_IN_POST_ONLY,
    "api-v1:grid_check": API_VIEW,
}
for _key in RESOURCES:
    EXPECTED |= {
        f"workplans:{_key}_list": VIEW,
        f"workplans:{_key}_detail": VIEW,
        f"workplans:{_key}_create": ADMIN_ONLY,
        f"workplans:{_key}_edit": ADMIN_ONLY,
        f"workplans:{_key}_archive": POST_ONLY,
    }
for _key in API_RESOURCES:
    EXPECTED |= {
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }

# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {
    "workplans:item_add": lambda r: [r["plan"].pk],
    "workplans:plan_file": lambda r: [r["plan"].pk],
    "workplans:summary_file": lambda r: [r["plan"].pk],
    "workplans:summary_export": lambda r: [r["plan"].pk],
    "workplans:item_done": lambda r: [r["item"].pk],
    "workplans:item_reopen": lambda r: [r["item"].pk],
    "workplans:item_remove": lambda r: [r["item"].pk],
    "workplans:decision_create": lambda r: [r["decisionmeeting"].pk],
    "workplans:decision_hand": lambda r: [r["decision"].pk],
    "workplans:decision_close": lambda r: [r["decision"].pk],
    "workplans:task_hand_down": lambda r: [r["task"].pk],
    "workplans:task_done": lambda r: [r["task"].pk],
    "workplans:task_explain": lambda r: [r["task"].pk],
    "workplans:grid_roster": lambda r: ["xlsx"],
    "workplans:grid_copy": lambda r: [r["wp_term"].pk],
    "workplans:grid_changes": lambda r: [r["wp_term"].pk],
    "workplans:import_template": lambda r: ["grid"],
    "api-v1:workplan_item_add": lambda r: {"pk": r["plan"].pk},
    "api-v1:workplan_file": lambda r: {"pk": r["plan"].pk},
    "api-v1:workplan_summary": lambda r: {"pk": r["plan"].pk},
    "api-v1:workplan_item_done": lambda r: {"pk": r["item"].pk},
    "api-v1:decision_create": lambda r: {"pk": r["decisionmeeting"].pk},
    "api-v1:decision_hand": lambda r: {"pk": r["decision"].pk},
    "api-v1:decision_close": lambda r: {"pk": r["decision"].pk},
    "api-v1:task_hand_down": lambda r: {"pk": r["task"].pk},
    "api-v1:task_done": lambda r: {"pk": r["task"].pk},
    "api-v1:task_explain": lambda r: {"pk": r["task"].pk},
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.workplans.tests.factories import work_records

    found = work_records(school, mark="·wp")
    return {key: value for key, value in found.items() if key not in ("department", "term")} | {
        "workplan": found["plan"],
        "wp_term": found["term"],
    }
