"""What careers puts in the keepers' inbox: agreements whose renewal falls due, and follow-ups of
graduates that are due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.careers.selectors.destinations import follow_ups_due
from qingshan.careers.selectors.register import renewals_due
from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source

SHOWN = 20


@source
def agreements_to_renew(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("careers.manage", school):
        return
    for agreement in renewals_due(school, today)[:SHOWN]:
        yield Notice(
            key=f"careers.renewal:{agreement.pk}:{agreement.renews_on}",
            kind=NoticeKind.RENEWAL,
            title=_("Renew the agreement with %(enterprise)s by %(day)s")
            % {"enterprise": agreement.enterprise, "day": agreement.renews_on},
            url=agreement.get_absolute_url(),
            due=agreement.renews_on,
        )


@source
def follow_ups_waiting(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("careers.manage", school):
        return
    due = follow_ups_due(school, today)
    count = due.count()
    if count:
        first = due.first()
        yield Notice(
            key=f"careers.followups:{today:%Y-%m}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("%(count)s follow-ups of graduates are due") % {"count": count},
            url=reverse("careers:followup_list"),
            due=first.due_on if first else None,
        )
