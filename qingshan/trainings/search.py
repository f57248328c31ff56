"""Trainees found by the search box (for readers of the trainings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.trainings.selectors import trainees


@source
def trainees_by_name(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("trainings.view", school):
        return
    yield hit_group(
        _("Trainees"),
        trainees(school).filter(name__icontains=query).order_by("name"),
        lambda t: Hit(t.name, t.get_absolute_url(), t.township),
        list_url=reverse("trainings:trainee_list"),
        query=query,
    )
