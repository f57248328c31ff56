"""Reads of graduates' destinations and follow-ups, scoped by school."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from qingshan.careers.models import Destination, FollowUp
from qingshan.core.models import School
from qingshan.organization.models import Student
from qingshan.students.selectors.paths import graduations


def destinations(school: School) -> QuerySet[Destination]:
    return Destination.objects.for_school(school).select_related(
        "student", "enterprise", "order_class__enterprise"
    )


def follow_ups(school: School) -> QuerySet[FollowUp]:
    return FollowUp.objects.for_school(school).select_related("destination__student")


def follow_ups_due(school: School, today: dt.date) -> QuerySet[FollowUp]:
    """Follow-ups due by ``today`` and not answered, oldest first."""
    return follow_ups(school).filter(answered_on__isnull=True, due_on__lte=today).order_by("due_on")


def graduates_without_destination(school: School, year: int) -> QuerySet[Student]:
    """Graduates of ``year`` whose destination is not recorded yet."""
    graduated = graduations([school.pk], dt.date(year, 1, 1), dt.date(year, 12, 31)).values(
        "student"
    )
    return (
        Student.objects.for_school(school)
        .filter(pk__in=graduated)
        .exclude(destinations__isnull=False)
        .order_by("name")
    )
