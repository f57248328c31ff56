"""Trainees found by the search box (for readers of the trainings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import PER_KIND, Hit, HitGroup, source
from qingshan.trainings.selectors import trainees


@source
def trainees_by_name(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("trainings.view", school):
        return
    found = list(trainees(school).filter(name__icontains=query).order_by("name")[: PER_KIND + 1])
    yield HitGroup(
        _("Trainees"),
        [Hit(t.name, t.get_absolute_url(), t.township) for t in found[:PER_KIND]],
        f"{reverse('trainings:trainee_list')}?{urlencode({'q': query})}"
        if len(found) > PER_KIND
        else "",
    )
