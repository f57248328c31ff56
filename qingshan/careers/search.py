"""Careers found by the search box: enterprises by name or credit code, and alumni by name (only
those whose consent stands: the opt-out holds in the search too)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.careers.selectors.alumni import listed_at
from qingshan.careers.selectors.register import enterprises
from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source


@source
def enterprises_by_name(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("careers.view", school):
        return
    yield hit_group(
        _("Enterprises"),
        enterprises(school).filter(Q(name__icontains=query) | Q(credit_code__iexact=query)),
        lambda row: Hit(row.name, row.get_absolute_url(), row.city),
        list_url=reverse("careers:enterprise_list"),
        query=query,
    )


@source
def alumni_by_name(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("careers.view", school):
        return
    yield hit_group(
        _("Alumni"),
        listed_at(school).filter(student__name__icontains=query),
        lambda row: Hit(row.student.name, row.get_absolute_url(), row.occupation),
        list_url=reverse("careers:alumnus_list"),
        query=query,
    )
