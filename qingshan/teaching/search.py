"""Teacher development found by the search box: lessons given, trainings and, for who may read
them, observations by topic (under the observations' own rule of who sees them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.teaching.selectors.lessons import lesson_events
from qingshan.teaching.selectors.observations import Viewer, observations
from qingshan.teaching.selectors.trainings import training_records


@source
def team_records(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("teaching.view", school):
        return
    yield hit_group(
        _("Lesson events"),
        lesson_events(school).filter(Q(title__icontains=query) | Q(teacher__name__icontains=query)),
        lambda row: Hit(row.title, row.get_absolute_url(), f"{row.teacher} · {row.held_on}"),
        list_url=reverse("teaching:lesson_list"),
        query=query,
    )
    yield hit_group(
        _("Training records"),
        training_records(school).filter(
            Q(title__icontains=query) | Q(teacher__name__icontains=query)
        ),
        lambda row: Hit(row.title, row.get_absolute_url(), f"{row.teacher} · {row.starts_on}"),
        list_url=reverse("teaching:training_list"),
        query=query,
    )


@source
def observations_by_topic(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("teaching.observe", school):
        return
    rows = observations(school, Viewer.of(school, user)).filter(
        Q(topic__icontains=query) | Q(teacher__name__icontains=query)
    )
    yield hit_group(
        _("Lesson observations"),
        rows,
        lambda row: Hit(
            f"{row.teacher} · {row.topic}", row.get_absolute_url(), f"{row.observed_on}"
        ),
    )
