"""What internships puts in the inbox: weeks the units have not confirmed (for the keepers),
journals waiting for the school supervisor's review, and insurance that runs out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.internships.selectors import placements as selectors
from qingshan.organization.selectors import staff_of_user


@source
def weeks_unconfirmed(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("internships.manage", school):
        return
    count = selectors.unconfirmed_weeks(school, today).count()
    if count:
        yield Notice(
            key=f"internships.unconfirmed:{today:%Y-%W}",
            kind=NoticeKind.FOLLOW_UP,
            title=_(
                "%(count)s internship weeks wait for the unit's confirmation: send the link again"
            )
            % {"count": count},
            url=reverse("internships:week_list"),
            due=None,
        )


@source
def journals_waiting(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("internships.supervise", school):
        return
    staff = staff_of_user(school=school, user=user)
    if staff is None:
        return
    count = selectors.journals_to_review(school, staff).count()
    if count:
        yield Notice(
            key=f"internships.journals:{today:%Y-%W}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("%(count)s weekly journals wait for your review") % {"count": count},
            url=reverse("internships:week_list"),
            due=None,
        )


@source
def insurance_running_out(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("internships.manage", school):
        return
    for placement in selectors.insurance_expiring(school, today)[:20]:
        yield Notice(
            key=f"internships.insurance:{placement.pk}:{placement.insured_until}",
            kind=NoticeKind.RENEWAL,
            title=_("The internship insurance of %(student)s ends on %(day)s")
            % {"student": placement.student, "day": placement.insured_until},
            url=placement.get_absolute_url(),
            due=placement.insured_until,
        )
