"""Reads of what the school asks of its teachers."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.teaching.models import ObservationQuota, TeachingPolicy


def policy_of(school: School) -> TeachingPolicy:
    """The school's policy, or the defaults while it has saved none."""
    saved = TeachingPolicy.objects.for_school(school).first()
    return saved or TeachingPolicy.defaults_for(school)


def quotas(school: School) -> QuerySet[ObservationQuota]:
    return ObservationQuota.objects.for_school(school).active().select_related("term")


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier when negative); 29 February becomes 28 February in
    a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
