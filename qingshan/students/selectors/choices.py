"""Reads of choice windows: the offers with their demand against places, and a student's own
requests."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School
from qingshan.organization.models import Student
from qingshan.students.enums import ChoiceStatus
from qingshan.students.models import ChoiceOffer, ChoiceRequest, ChoiceWindow


def windows(school: School) -> QuerySet[ChoiceWindow]:
    return ChoiceWindow.objects.for_school(school).active()


def offers(school: School) -> QuerySet[ChoiceOffer]:
    return ChoiceOffer.objects.for_school(school).select_related("window", "major", "school_class")


def demand(window: ChoiceWindow) -> QuerySet[ChoiceOffer]:
    """The window's offers, each with ``asked`` (live requests) and ``assigned`` counted."""
    return (
        ChoiceOffer.objects.filter(window=window)
        .select_related("major", "school_class")
        .annotate(
            asked=Count(
                "requests",
                filter=Q(requests__status__in=(ChoiceStatus.REQUESTED, ChoiceStatus.ASSIGNED)),
            ),
            assigned=Count("requests", filter=Q(requests__status=ChoiceStatus.ASSIGNED)),
        )
        .order_by("track", "major__code", "school_class__name")
    )


def requests_of_window(window: ChoiceWindow) -> QuerySet[ChoiceRequest]:
    return (
        ChoiceRequest.objects.filter(window=window)
        .exclude(status=ChoiceStatus.WITHDRAWN)
        .select_related("student__school_class", "offer__school_class", "offer__major", "change")
        .order_by("offer", "requested_on", "pk")
    )


def open_windows(school: School, day: dt.date) -> QuerySet[ChoiceWindow]:
    return windows(school).filter(opens_on__lte=day, closes_on__gte=day)


def requests_of_student(student: Student) -> QuerySet[ChoiceRequest]:
    return (
        ChoiceRequest.objects.filter(student=student)
        .select_related("window", "offer__school_class", "offer__major", "change")
        .order_by("-requested_on", "-pk")
    )
