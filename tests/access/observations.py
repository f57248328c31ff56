"""URL × role rows of the teaching app's observation loop: every URL name of it has a row here.

The matrix's users hold a role but no staff record: leaders see submitted observations, other
staff see none of them (404), and nobody here may score or change an observation.
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
    SECRETARY,
    TEACHER,
)

STAFF_ROLES = (ADMIN, SECRETARY, HEAD, TEACHER, COUNSELOR)
OBSERVE = {ANON: 302, **dict.fromkeys(Role.values, 403), **dict.fromkeys(STAFF_ROLES, 200)}
# Leaders read every submitted observation; other staff do not see this one.
SEEN_BY_LEADERS = {**OBSERVE, TEACHER: 404, COUNSELOR: 404}
NOT_THEIRS = {**OBSERVE, **dict.fromkeys(STAFF_ROLES, 404)}
# A leader who did not make the observation is sent to its page; others do not see it.
SCORE = {**NOT_THEIRS, ADMIN: 302, SECRETARY: 302, HEAD: 302}
LEAD = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, SECRETARY: 200, HEAD: 200}
MANAGE = {ANON: 302, **dict.fromkeys(Role.values, 403), ADMIN: 200, HEAD: 200}

API_OBSERVE = {ANON: 401, **dict.fromkeys(Role.values, 403), **dict.fromkeys(STAFF_ROLES, 200)}

EXPECTED: dict[str, dict[Any, int]] = {
    "api-v1:observation_list": API_OBSERVE,
    "api-v1:observation_detail": {**API_OBSERVE, TEACHER: 404, COUNSELOR: 404},
    "api-v1:quota_board": API_VIEW,
    "teaching:observation_list": OBSERVE,
    "teaching:observation_new": OBSERVE,
    "teaching:observation_export": OBSERVE,
    "teaching:observation_detail": SEEN_BY_LEADERS,
    "teaching:observation_edit": NOT_THEIRS,
    "teaching:observation_score": SCORE,
    "teaching:observation_reply": POST_ONLY,
    "teaching:observation_discard": POST_ONLY,
    "teaching:observation_review": POST_ONLY,
    "teaching:deliberation_new": POST_ONLY,
    "teaching:deliberation_detail": SEEN_BY_LEADERS,
    "teaching:rubric_list": ORG_VIEW,
    "teaching:rubric_new": POST_ONLY,
    "teaching:rubric_detail": ORG_VIEW,
    "teaching:rubric_rename": POST_ONLY,
    "teaching:rubric_item_add": POST_ONLY,
    "teaching:rubric_item_remove": POST_ONLY,
    "teaching:rubric_publish": POST_ONLY,
    "teaching:board": ORG_VIEW,
    # a portfolio: its teacher, their group's leader and school leaders
    "teaching:portfolio": SEEN_BY_LEADERS,
    "teaching:portfolio_pdf": SEEN_BY_LEADERS,
    # the matrix's users have no staff record, so no portfolio of their own
    "teaching:portfolio_mine": NOT_THEIRS,
    "teaching:followup_list": LEAD,
    "teaching:followup_detail": {**LEAD, ADMIN: 404, SECRETARY: 404, HEAD: 404},
    "teaching:quota_list": ORG_VIEW,
    "teaching:quota_detail": ORG_VIEW,
    "teaching:quota_export": ORG_VIEW,
    "teaching:quota_create": MANAGE,
    "teaching:quota_edit": MANAGE,
    "teaching:quota_archive": POST_ONLY,
}
EXTRA_ARGS: dict[str, Any] = {
    "teaching:observation_score": lambda records: [records["observation"].pk],
    "teaching:observation_reply": lambda records: [records["observation"].pk],
    "teaching:observation_discard": lambda records: [records["observation"].pk],
    "teaching:observation_review": lambda records: [records["observation"].pk],
    "teaching:deliberation_new": lambda records: [records["observation"].pk],
    "teaching:rubric_item_add": lambda records: [records["rubric"].pk],
    "teaching:rubric_rename": lambda records: [records["rubric"].pk],
    "teaching:rubric_item_remove": lambda records: [
        records["rubric"].pk,
        records["rubric"].items.first().pk,
    ],
    "teaching:rubric_publish": lambda records: [records["rubric"].pk],
    "teaching:followup_detail": lambda records: [999999],
    "teaching:portfolio": lambda records: [records["observation"].teacher_id],
    "teaching:portfolio_pdf": lambda records: [records["observation"].teacher_id],
}
QUERY: dict[str, dict[str, Any]] = {}


def records(school: Any) -> dict[str, Any]:
    """The records the observation URLs need, keyed by the prefix of their URL names."""
    import datetime as dt

    from qingshan.teaching.enums import QuotaGroup
    from qingshan.teaching.models import Deliberation, ObservationQuota
    from qingshan.teaching.tests.observation_factories import observation

    record = observation(school)
    deliberation = Deliberation.objects.create(
        school=school,
        teacher=record.teacher,
        held_on=dt.date(2013, 10, 1),
        topic=record.topic,
        conclusion="议课结论",
    )
    record.deliberation = deliberation
    record.save()
    quota = ObservationQuota.objects.create(
        school=school, term=record.term, group=QuotaGroup.TEACHER, periods=12
    )
    return {
        "observation": record,
        "deliberation": deliberation,
        "rubric": record.rubric,
        "quota": quota,
    }
