"""Reads of the honours records, scoped by school."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.honours.enums import Recipient
from qingshan.honours.models import Commendation, Honour, Story


def school_honours(school: School) -> QuerySet[Honour]:
    return Honour.objects.for_school(school).filter(recipient=Recipient.SCHOOL)


def branch_honours(school: School) -> QuerySet[Honour]:
    return Honour.objects.for_school(school).filter(recipient=Recipient.BRANCH)


def commendations(school: School) -> QuerySet[Commendation]:
    return Commendation.objects.for_school(school).select_related("member", "staff")


def stories(school: School) -> QuerySet[Story]:
    return Story.objects.for_school(school).select_related(
        "member", "alumnus", "commendation", "honour"
    )


def counted_honours(schools: Any, start: Any, end: Any) -> QuerySet[Honour]:
    return (
        Honour.objects.for_schools(schools)
        .active()
        .filter(awarded_on__gte=start, awarded_on__lte=end)
    )


def counted_commendations(schools: Any, start: Any, end: Any) -> QuerySet[Commendation]:
    return (
        Commendation.objects.for_schools(schools)
        .active()
        .filter(awarded_on__gte=start, awarded_on__lte=end)
    )
