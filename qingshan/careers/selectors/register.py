"""Reads of the enterprise register, agreements and order classes, scoped by school."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, QuerySet

from qingshan.careers.models import Agreement, Enterprise, FollowUpPoint, OrderClass
from qingshan.core.models import School


def enterprises(school: School) -> QuerySet[Enterprise]:
    return Enterprise.objects.for_school(school)


def agreements(school: School) -> QuerySet[Agreement]:
    return Agreement.objects.for_school(school).select_related("enterprise")


def order_classes(school: School) -> QuerySet[OrderClass]:
    return (
        OrderClass.objects.for_school(school)
        .select_related("enterprise", "school_class", "agreement__enterprise")
        .annotate(trained=Count("students", distinct=True))
    )


def in_force(schools: list[int], day: dt.date) -> QuerySet[Agreement]:
    """Agreements in force on ``day``."""
    return (
        Agreement.objects.for_schools(schools).active().filter(starts_on__lte=day, ends_on__gte=day)
    )


def renewals_due(school: School, today: dt.date) -> list[Agreement]:
    """Active agreements whose renewal falls due within their reminder days from ``today`` (or
    is overdue while the agreement still runs), soonest first."""
    candidates = (
        Agreement.objects.for_school(school)
        .active()
        .filter(renews_on__isnull=False, ends_on__gte=today)
        .select_related("enterprise")
        .order_by("renews_on")
    )
    return [
        agreement
        for agreement in candidates
        if agreement.renews_on is not None
        and agreement.renews_on - dt.timedelta(days=agreement.remind_days) <= today
    ]


def follow_up_points(school: School) -> QuerySet[FollowUpPoint]:
    return FollowUpPoint.objects.for_school(school)
