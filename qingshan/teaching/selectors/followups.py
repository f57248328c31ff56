"""The shadowing follow-ups of ratings (跟班学习) with the observations made under them."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School
from qingshan.evaluations.enums import FollowUpKind
from qingshan.evaluations.models import FollowUp
from qingshan.evaluations.selectors.followups import follow_ups
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Observation


def shadowing_follow_ups(school: School) -> QuerySet[FollowUp]:
    return (
        follow_ups(school)
        .filter(kind=FollowUpKind.SHADOWING)
        .annotate(
            observed=Count(
                "observations", filter=Q(observations__status=ObservationStatus.SUBMITTED)
            )
        )
    )


def evidence_of(follow_up: FollowUp) -> QuerySet[Observation]:
    return (
        Observation.objects.filter(follow_up=follow_up, status=ObservationStatus.SUBMITTED)
        .select_related("observer", "teacher")
        .order_by("observed_on", "pk")
    )
