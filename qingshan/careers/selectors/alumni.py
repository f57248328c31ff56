"""Reads of the alumni list and the League branches.

``listed`` is the one condition of the opt-out: every list, search, export and API read of alumni
goes through it, so a graduate who withdrew consent appears nowhere.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from qingshan.careers.models import (
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    LeagueBranch,
)
from qingshan.core.models import School

LISTED = Q(withdrawn_on__isnull=True, archived_at__isnull=True)


def listed(schools: list[int]) -> QuerySet[Alumnus]:
    """Alumni whose consent stands."""
    return Alumnus.objects.for_schools(schools).filter(LISTED).select_related("student")


def listed_at(school: School) -> QuerySet[Alumnus]:
    return listed([school.pk])


def consent_register(school: School) -> QuerySet[Alumnus]:
    """Every consent record, withdrawn ones too: only for keeping the register (never a list)."""
    return Alumnus.objects.for_school(school).select_related("student")


def branches(school: School) -> QuerySet[LeagueBranch]:
    return (
        LeagueBranch.objects.for_school(school)
        .select_related("secretary")
        .annotate(
            member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True)
        )
    )


def feedback(school: School) -> QuerySet[BranchFeedback]:
    return BranchFeedback.objects.for_school(school).select_related(
        "branch", "agreement__enterprise"
    )


def members(school: School) -> QuerySet[BranchMember]:
    return BranchMember.objects.for_school(school).select_related("branch", "student")


def activities(school: School) -> QuerySet[BranchActivity]:
    return BranchActivity.objects.for_school(school).select_related("branch")
