"""Reads of the observation rubric."""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.teaching.models import Rubric, RubricItem


def rubrics(school: School) -> QuerySet[Rubric]:
    return Rubric.objects.for_school(school).order_by("-version")


def published_rubric(school: School) -> Rubric | None:
    """The version new observations are scored on: the latest published one."""
    return (
        Rubric.objects.for_school(school)
        .filter(published_on__isnull=False)
        .order_by("-version")
        .first()
    )


def items_of(rubric: Rubric) -> list[RubricItem]:
    return list(rubric.items.order_by("position", "pk"))


def max_points_of(items: list[RubricItem]) -> int:
    return sum(item.max_points for item in items)
