"""Reading a school's follow-ups of people below the bar.

Invariants: scoped to one school, archived follow-ups left out; open ones first, then by
deadline; each row carries its target, the target's campaign and the owner (one query).
"""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.evaluations.enums import FollowUpStatus
from qingshan.evaluations.models import FollowUp


def follow_ups(school: School) -> QuerySet[FollowUp]:
    """Every follow-up of the school: open first ("open" sorts after "closed"), then by
    deadline."""
    return (
        FollowUp.objects.for_school(school)
        .active()
        .select_related("target__campaign__term", "target__staff", "target__member", "owner")
        .order_by("-status", "deadline", "pk")
    )


def open_follow_ups(school: School) -> QuerySet[FollowUp]:
    """The school's open follow-ups, earliest deadline first."""
    return follow_ups(school).filter(status=FollowUpStatus.OPEN)
