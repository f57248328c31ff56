"""Reads of internship units and of the school's own enterprises' production and works."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School
from qingshan.internships.models import Production, Unit, Works


def units(school: School) -> QuerySet[Unit]:
    return (
        Unit.objects.for_school(school)
        .select_related("enterprise", "manager")
        .annotate(
            running=Count(
                "placements",
                filter=Q(placements__ended_on__isnull=True, placements__archived_at__isnull=True),
            )
        )
    )


def own_units(school: School) -> QuerySet[Unit]:
    return Unit.objects.for_school(school).active().filter(enterprise__isnull=True)


def production(school: School) -> QuerySet[Production]:
    return Production.objects.for_school(school).select_related("unit")


def works(school: School) -> QuerySet[Works]:
    return Works.objects.for_school(school).select_related("unit").prefetch_related("classes")
