"""URL × role rows of the careers app: every URL name of the app has a row here.

Staff and the county bureau read careers; the administrator and department heads keep them. A
graduate's follow-up link opens without an account: an unknown key is not found for anyone.
"""

from __future__ import annotations

from typing import Any

from qingshan.accounts.enums import Role
from tests.access.roles import ADMIN, ANON, API_VIEW, HEAD, ORG_VIEW, POST_ONLY, ROLES

MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, HEAD: 200}
RESOURCE_KEYS = (
    "enterprise",
    "agreement",
    "orderclass",
    "destination",
    "followuppoint",
    "alumnus",
    "leaguebranch",
    "branchmember",
    "branchactivity",
    "branchfeedback",
)

EXPECTED: dict[str, dict[Any, int]] = {
    "careers:employment": ORG_VIEW,
    "careers:employment_report": ORG_VIEW,
    "careers:import_start": MANAGE,
    "careers:import_template": MANAGE,
    "careers:conversion": ORG_VIEW,
    "careers:followup_list": ORG_VIEW,
    "careers:followup_schedule": POST_ONLY,
    "careers:followup_detail": ORG_VIEW,
    "careers:followup_link": POST_ONLY,
    "careers:answer": dict.fromkeys(ROLES, 404),
    "careers:alumnus_withdraw": POST_ONLY,
}
for _key in RESOURCE_KEYS:
    EXPECTED |= {
        f"careers:{_key}_list": ORG_VIEW,
        f"careers:{_key}_detail": ORG_VIEW,
        f"careers:{_key}_export": ORG_VIEW,
        f"careers:{_key}_create": MANAGE,
        f"careers:{_key}_edit": MANAGE,
        f"careers:{_key}_archive": POST_ONLY,
    }


def _pk_of(key: str) -> Any:
    return lambda records: [records[key].pk]


EXTRA_ARGS: dict[str, Any] = {
    "careers:followup_detail": _pk_of("careers_followup"),
    "careers:followup_link": _pk_of("careers_followup"),
    "careers:answer": lambda records: ["no-such-key"],
    "careers:alumnus_withdraw": _pk_of("alumnus"),
    "careers:import_template": lambda records: ["destinations"],
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the app's URLs need, keyed by the prefix of their URL names."""
    import datetime as dt

    from qingshan.careers.models import FollowUpPoint
    from qingshan.careers.services import alumni, enterprises, followups
    from qingshan.careers.tests.factories import GRADUATION, careers

    place = careers(school)
    graduate, member = place.graduate(2)
    company = place.enterprise("深圳富士康", serial=77)
    agreement = enterprises.create_agreement(
        school=school,
        values={
            "enterprise": company,
            "title": "长期合作协议",
            "signed_on": dt.date(2015, 1, 1),
            "starts_on": dt.date(2015, 1, 1),
            "ends_on": dt.date(2018, 1, 1),
        },
    )
    order_class = enterprises.create_order_class(
        school=school,
        values={
            "enterprise": company,
            "agreement": agreement,
            "name": "富士康订单班",
            "starts_on": dt.date(2014, 9, 1),
            "ends_on": GRADUATION,
            "students": [graduate],
        },
    )
    destination = place.employ(graduate, enterprise=company, employer="")
    point = FollowUpPoint.objects.create(school=school, months=6)
    followups.schedule_follow_ups(school=school)
    branch = alumni.create_branch(
        school=school,
        values={"name": "深圳团支部", "region": "深圳", "founded_on": GRADUATION},
    )
    return {
        "enterprise": company,
        "agreement": agreement,
        "orderclass": order_class,
        "destination": destination,
        "followuppoint": point,
        "careers_followup": destination.follow_ups.get(),
        "alumnus": alumni.give_consent(student=graduate, on=GRADUATION),
        "leaguebranch": branch,
        "branchmember": alumni.add_member(
            school=school, values={"branch": branch, "student": member, "joined_on": GRADUATION}
        ),
        "branchactivity": alumni.record_activity(
            school=school,
            values={"branch": branch, "held_on": dt.date(2016, 10, 1), "title": "国庆联谊会"},
        ),
        "branchfeedback": alumni.record_feedback(
            school=school,
            values={
                "branch": branch,
                "received_on": dt.date(2016, 11, 1),
                "topic": "wages",
                "summary": "加班费计算不清",
                "agreement": agreement,
                "response": "协议补充加班费条款",
            },
        ),
    }


# /api/v1/careers/: every read is careers.view's; create and update share their paths with the
# list and the detail, so a GET there reads.
EXPECTED |= {
    f"api-v1:{_name}": API_VIEW
    for _name in (
        *(
            f"{_key}_{_end}"
            for _key in ("enterprise", "agreement", "destination")
            for _end in ("list", "detail", "create", "update")
        ),
        "orderclass_list",
        "orderclass_detail",
        "careers_rates",
        "alumnus_list",
        "leaguebranch_list",
    )
}
EXTRA_ARGS |= {
    f"api-v1:{_key}_{_end}": (lambda key: lambda records: {"pk": records[key].pk})(_key)
    for _key, _ends in (
        ("enterprise", ("detail", "update")),
        ("agreement", ("detail", "update")),
        ("destination", ("detail", "update")),
        ("orderclass", ("detail",)),
    )
    for _end in _ends
}
