"""What counseling puts in the inbox: alerts waiting for an interview (for the campaign's
counselor, red ones by their due day), break-glass reads of a counselor's cases, and a head
teacher's students needing attention (no grade, no name in the title)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.counseling.models import CaseRead
from qingshan.counseling.selectors.screening import attention_for, open_alerts
from qingshan.organization.selectors import staff_of_user


@source
def alerts_waiting(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("counseling.screen", school):
        return
    staff = staff_of_user(school=school, user=user)
    if staff is None:
        return
    for alert in open_alerts(school).filter(counselor=staff, due_on__isnull=False)[:20]:
        yield Notice(
            key=f"counseling.alert:{alert.pk}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("A %(grade)s alert waits for an interview")
            % {"grade": alert.get_grade_display()},
            url=alert.get_absolute_url(),
            due=alert.due_on,
        )


@source
def glass_broken(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("counseling.cases", school):
        return
    staff = staff_of_user(school=school, user=user)
    if staff is None:
        return
    since = today - dt.timedelta(days=30)
    reads = CaseRead.objects.for_school(school).filter(
        break_glass=True, case__counselors=staff, read_at__date__gte=since
    )
    for read in reads.order_by("-read_at")[:10]:
        yield Notice(
            key=f"counseling.glass:{read.pk}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("Case %(number)s was read by %(name)s with a break-glass read")
            % {"number": read.case_number, "name": read.reader_name},
            url=reverse("counseling:case_list"),
            due=None,
        )


@source
def students_needing_attention(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("counseling.attention", school):
        return
    staff = staff_of_user(school=school, user=user)
    if staff is None:
        return
    count = len(attention_for(school, staff))
    if count:
        yield Notice(
            key=f"counseling.attention:{today:%Y-%W}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("%(count)s students of your classes need attention: talk to the counselor")
            % {"count": count},
            url=reverse("counseling:attention"),
            due=None,
        )
