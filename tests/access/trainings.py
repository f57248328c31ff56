"""URL × role rows of the trainings app: every URL name of the app has a row here."""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import ADMIN, ADMIN_ONLY, ANON, API_VIEW, ORG_VIEW, POST_ONLY, VIEWER

# Staff read, the school's administrator writes; trainees' personal data through the API only
# with personal-data rights (the administrator and the county bureau).
VIEW = ORG_VIEW
API_PERSONAL = {ANON: 401, **dict.fromkeys(Role.values, 403), ADMIN: 200, VIEWER: 200}
RESOURCES = ("course", "cohort", "trainee", "enrolment", "certificate", "followup")

EXPECTED: dict[str, dict[Any, int]] = {
    "trainings:rates": VIEW,
    "trainings:cohort_group": POST_ONLY,
    "trainings:import_start": ADMIN_ONLY,
    "trainings:import_template": ADMIN_ONLY,
    "api-v1:training_rates": API_VIEW,
}
for _key in RESOURCES:
    _api = API_PERSONAL if _key == "trainee" else API_VIEW
    EXPECTED |= {
        f"trainings:{_key}_list": VIEW,
        f"trainings:{_key}_detail": VIEW,
        f"trainings:{_key}_export": VIEW,
        f"trainings:{_key}_create": ADMIN_ONLY,
        f"trainings:{_key}_edit": ADMIN_ONLY,
        f"trainings:{_key}_archive": POST_ONLY,
        f"api-v1:{_key}_list": _api,
        f"api-v1:{_key}_detail": _api,
        # create and update share their paths with list and detail: a GET there reads.
        f"api-v1:{_key}_create": _api,
        f"api-v1:{_key}_update": _api,
    }
# URL names whose arguments are not just the pk of the record named by their prefix.
EXTRA_ARGS: dict[str, Any] = {
    "trainings:import_template": lambda records: ["trainee_roster"],
    "trainings:cohort_group": lambda records: [records["cohort"].pk],
}
QUERY: dict[str, dict[str, Any]] = {"api-v1:training_rates": {"by": "township"}}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    from qingshan.trainings.tests.factories import training_records

    return training_records(school)
