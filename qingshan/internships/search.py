"""Internships found by the search box: units by name and placements by student."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.internships.selectors.placements import placements
from qingshan.internships.selectors.units import units


@source
def units_by_name(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("internships.view", school):
        return
    yield hit_group(
        _("Internship units"),
        units(school)
        .filter(archived_at__isnull=True)
        .filter(Q(name__icontains=query) | Q(registration_no__iexact=query)),
        lambda row: Hit(row.name, row.get_absolute_url(), row.get_kind_display()),
        list_url=reverse("internships:unit_list"),
        query=query,
    )


@source
def placements_by_student(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("internships.view", school):
        return
    yield hit_group(
        _("Placements"),
        placements(school)
        .filter(archived_at__isnull=True)
        .filter(Q(student__name__icontains=query) | Q(student__student_no=query)),
        lambda row: Hit(str(row.student), row.get_absolute_url(), row.unit.name),
        list_url=reverse("internships:placement_list"),
        query=query,
    )
