"""Party members and recruits found by the search box (for readers of the branch)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.party.selectors.organisation import members
from qingshan.party.selectors.recruitment import recruits


@source
def members_and_recruits(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("party.view", school):
        return
    yield hit_group(
        _("Party members"),
        members(school).filter(name__icontains=query).order_by("name"),
        lambda m: Hit(m.name, m.get_absolute_url(), m.get_status_display()),
        list_url=reverse("party:member_list"),
        query=query,
    )
    yield hit_group(
        _("Recruits"),
        recruits(school).filter(name__icontains=query).order_by("name"),
        lambda r: Hit(r.name, r.get_absolute_url(), r.get_stage_display()),
    )
