"""What rating campaigns put in a user's inbox: ratings the user still owes in open campaigns,
and follow-ups the user owns that are still open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.evaluations.enums import FollowUpStatus
from qingshan.evaluations.models import FollowUp, RatingDue
from qingshan.evaluations.selectors.rating import tokens_for_user


@source
def ratings_due(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    mine = [token for token in tokens_for_user(user) if token.school_id == school.pk]
    owing = dict(
        RatingDue.objects.filter(token__in=mine, done=False)
        .values("token")
        .annotate(count=Count("pk"))
        .values_list("token", "count")
    )
    for token in mine:
        owed = owing.get(token.pk, 0)
        if not owed:
            continue
        campaign = token.campaign
        yield Notice(
            key=f"evaluations.rating:{token.pk}",
            kind=NoticeKind.RATING_DUE,
            title=ngettext(
                "%(campaign)s: %(count)d rating to give",
                "%(campaign)s: %(count)d ratings to give",
                owed,
            )
            % {"campaign": campaign.name, "count": owed},
            url=reverse("evaluations:rate_home"),
            due=timezone.localdate(campaign.closes_at),
        )


@source
def my_follow_ups(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    mine = (
        FollowUp.objects.for_school(school)
        .filter(status=FollowUpStatus.OPEN, owner=user)
        .select_related("target")
        .order_by("deadline")[:50]
    )
    for follow_up in mine:
        yield Notice(
            key=f"evaluations.followup:{follow_up.pk}",
            kind=NoticeKind.FOLLOW_UP,
            title=_("Follow-up: %(target)s (%(kind)s)")
            % {"target": follow_up.target, "kind": follow_up.get_kind_display()},
            url=reverse("evaluations:followup_detail", args=[follow_up.pk]),
            due=follow_up.deadline,
            overdue=follow_up.deadline < today,
        )
