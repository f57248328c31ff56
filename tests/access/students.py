"""URL × role rows of the students' paths app: every URL name of the app has a row here.

A student's path and a roll change are read row by row (``students.selectors.visibility``): the
roll keepers and the bureau read every student; the matrix's other roles are not head teachers of
the student's class, so the change is not found for them (404) though the list opens.
"""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import (
    ADMIN,
    ANON,
    API_VIEW,
    COUNSELOR,
    HEAD,
    ORG_VIEW,
    POST_ONLY,
    ROLES,
    SECRETARY,
    STUDENT,
    TEACHER,
    VIEWER,
)

MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, HEAD: 200}
READ_ALL = {**MANAGE, VIEWER: 200}
NOBODY = {ANON: 302, **dict.fromkeys(Role.values, 403)}
ROW = {**READ_ALL, SECRETARY: 404, TEACHER: 404, COUNSELOR: 404, STUDENT: 403}
NO_FILE = {**ROW, ADMIN: 404, HEAD: 404, VIEWER: 404}

EXPECTED: dict[str, dict[Any, int]] = {
    "students:path_mine": NOBODY,
    "students:path": READ_ALL,
    "students:change_new": MANAGE,
    "students:change_list": ORG_VIEW,
    "students:register_export": READ_ALL,
    "students:paths_open": POST_ONLY,
    "students:change_detail": ROW,
    "students:change_approve": POST_ONLY,
    "students:change_bureau": POST_ONLY,
    "students:change_refuse": POST_ONLY,
    "students:change_withdraw": POST_ONLY,
    "students:change_evidence": NO_FILE,
    "students:choices_mine": NOBODY,
    "students:choice_withdraw": POST_ONLY,
    "students:choice_assign": POST_ONLY,
    "students:choice_decline": POST_ONLY,
    "students:window_demand": READ_ALL,
    "students:import_start": MANAGE,
    "students:graduation": READ_ALL,
    # the textbook named has no file: those who may read it get 404
    "students:textbook_file": {**dict.fromkeys(ORG_VIEW, 404), ANON: 302, STUDENT: 403},
    "students:graduate": MANAGE,
    "students:change_credit": POST_ONLY,
    "students:import_template": MANAGE,
}
API_POST_ONLY = dict.fromkeys(ROLES, 405)
API_ROW = {**ROW, ANON: 401}
EXPECTED |= {
    "api-v1:student_path": API_ROW,
    "api-v1:roll_change_list": API_VIEW,
    # create shares its path with the list: a GET there reads
    "api-v1:roll_change_create": API_VIEW,
    "api-v1:roll_change_detail": API_ROW,
    "api-v1:roll_change_approve": API_POST_ONLY,
    "api-v1:roll_change_refuse": API_POST_ONLY,
    "api-v1:roll_change_bureau": API_POST_ONLY,
}
for _key in ("textbook", "textbookuse", "choicewindow", "choiceoffer"):
    EXPECTED |= {
        f"api-v1:{_key}_list": API_VIEW,
        f"api-v1:{_key}_detail": API_VIEW,
        f"api-v1:{_key}_create": API_VIEW,
        f"api-v1:{_key}_update": API_VIEW,
    }
for _key in ("textbook", "textbookuse", "choicewindow", "choiceoffer", "changerule"):
    EXPECTED |= {
        f"students:{_key}_list": ORG_VIEW,
        f"students:{_key}_detail": ORG_VIEW,
        f"students:{_key}_export": ORG_VIEW,
        f"students:{_key}_create": MANAGE,
        f"students:{_key}_edit": MANAGE,
        f"students:{_key}_archive": POST_ONLY,
    }


def _pk_of(key: str) -> Any:
    return lambda records: [records[key].pk]


EXTRA_ARGS: dict[str, Any] = {
    "students:path": _pk_of("students_student"),
    "students:change_new": _pk_of("students_student"),
    **{
        f"students:change_{action}": _pk_of("roll_change")
        for action in ("detail", "approve", "bureau", "refuse", "withdraw", "evidence")
    },
    **{
        f"students:choice_{action}": _pk_of("choice_request")
        for action in ("withdraw", "assign", "decline")
    },
    "students:window_demand": _pk_of("choicewindow"),
    "students:graduate": lambda records: [records["students_student"].school_class_id],
    "students:change_credit": _pk_of("roll_change"),
    "students:textbook_file": _pk_of("textbook"),
    "students:import_template": lambda records: ["paths"],
    "api-v1:student_path": lambda records: {"pk": records["students_student"].pk},
    **{
        f"api-v1:roll_change_{action}": lambda records: {"pk": records["roll_change"].pk}
        for action in ("detail", "approve", "refuse", "bureau")
    },
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    import datetime as dt

    from qingshan.students.enums import TextbookState
    from qingshan.students.models import ChangeRule, Textbook, TextbookUse
    from qingshan.students.services import choices
    from qingshan.students.services.changes import request_change
    from qingshan.students.tests.factories import world

    place = world(school)
    student = place.admit(place.fruit)
    change = request_change(
        student=student,
        values={"kind": "suspend", "effective_on": dt.date(2013, 9, 2), "reason": "病"},
        user=None,
    )
    textbook = Textbook.objects.create(
        school=school,
        title="果树栽培实用技术",
        course="果树修剪",
        state=TextbookState.APPROVED,
        approved_on=dt.date(2012, 7, 1),
    )
    use = TextbookUse.objects.create(
        school=school,
        textbook=textbook,
        school_class=place.fruit,
        term=place.fruit_term,
        periods=36,
    )
    window = choices.create_window(
        school=school,
        values={
            "title": "2013年秋季普职互选",
            "opens_on": dt.date(2013, 8, 15),
            "closes_on": dt.date(2013, 8, 31),
            "effective_on": dt.date(2013, 9, 3),
        },
    )
    offer = choices.create_offer(
        school=school, values={"window": window, "school_class": place.fruit, "places": 5}
    )
    asked = choices.request_choice(
        window=window,
        student=place.admit(place.general),
        offer=offer,
        reason="想学果树",
        today=dt.date(2013, 8, 20),
    )
    rule = ChangeRule.objects.create(school=school, kind="major", window_days=21)
    return {
        "changerule": rule,
        "choicewindow": window,
        "choiceoffer": offer,
        "choice_request": asked,
        "students_student": student,
        "roll_change": change,
        "textbook": textbook,
        "textbookuse": use,
    }
