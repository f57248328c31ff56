"""What the branch puts in its secretary's inbox: recruitment steps whose deadline has come."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.organization.selectors import working_day
from qingshan.party.selectors.recruitment import pipeline_board

# A step due within this many days is shown before its deadline.
AHEAD = dt.timedelta(days=14)


@source
def recruitment_steps_due(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("party.manage", school):
        return
    day = working_day(school=school, day=today)
    for row in pipeline_board(school=school, today=day):
        if row.next_step is None or row.due_on is None or row.due_kind != "deadline":
            continue
        if row.due_on > day + AHEAD:
            continue
        yield Notice(
            key=f"party.step:{row.recruit.pk}:{row.next_step.number}",
            kind=NoticeKind.STEP_DUE,
            title=_("%(name)s: %(step)s") % {"name": row.recruit, "step": row.next_step.name},
            url=reverse("party:recruit_detail", args=[row.recruit.pk]),
            due=row.due_on,
            overdue=row.overdue,
        )
