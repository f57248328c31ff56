"""Reads of the branch, its groups and members; every function takes the school."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School, SchoolScopedQuerySet
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES, MembershipEventKind
from qingshan.party.models import Branch, CommitteeSeat, Member, MembershipEvent, PartyGroup

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    class MemberCount(TypedDict):
        member_count: int

    GroupWithCount = WithAnnotations[PartyGroup, MemberCount]


def branch_of(school: School) -> Branch | None:
    return Branch.objects.for_school(school).first()


def members(school: School) -> QuerySet[Member]:
    return Member.objects.for_school(school).select_related("group", "staff", "student")


def groups(school: School) -> SchoolScopedQuerySet[GroupWithCount]:
    active = Q(members__status__in=ACTIVE_MEMBER_STATUSES, members__archived_at__isnull=True)
    return (
        PartyGroup.objects.for_school(school)
        .select_related("leader")
        .annotate(member_count=Count("members", filter=active))
        .order_by("sort_order", "name")
    )


def current_committee(branch: Branch, today: dt.date) -> QuerySet[CommitteeSeat]:
    return (
        CommitteeSeat.objects.filter(branch=branch, start_on__lte=today)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=today))
        .select_related("member")
        .order_by("duty")
    )


DEPARTURES = (
    MembershipEventKind.TRANSFER_OUT,
    MembershipEventKind.DECEASED,
    MembershipEventKind.REVOKED,
    MembershipEventKind.LEFT,
)


def members_on(*, schools: Any, day: dt.date) -> QuerySet[Member]:
    """Members of the branch on ``day``: admitted by then, not departed by then, not arriving later
    by transfer; a member inactive today counts only if the departure is dated after ``day``."""
    events = MembershipEvent.objects.for_schools(schools)
    departed = events.filter(kind__in=DEPARTURES, date__lte=day).values("member_id")
    departed_later = events.filter(kind__in=DEPARTURES, date__gt=day).values("member_id")
    arriving_later = events.filter(kind=MembershipEventKind.TRANSFER_IN, date__gt=day).values(
        "member_id"
    )
    return (
        Member.objects.for_schools(schools)
        .active()
        .filter(joined_on__lte=day)
        .filter(Q(status__in=ACTIVE_MEMBER_STATUSES) | Q(pk__in=departed_later))
        .exclude(pk__in=departed)
        .exclude(pk__in=arriving_later)
    )


def full_members_on(*, schools: Any, day: dt.date) -> QuerySet[Member]:
    return members_on(schools=schools, day=day).filter(full_on__isnull=False, full_on__lte=day)


def member_events(school: School) -> QuerySet[MembershipEvent]:
    return MembershipEvent.objects.for_school(school).select_related("member")
