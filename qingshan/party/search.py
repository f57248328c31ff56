"""Party members and recruits found by the search box (for readers of the branch)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import PER_KIND, Hit, HitGroup, source
from qingshan.party.selectors.organisation import members
from qingshan.party.selectors.recruitment import recruits


@source
def members_and_recruits(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("party.view", school):
        return
    found = list(members(school).filter(name__icontains=query).order_by("name")[: PER_KIND + 1])
    yield HitGroup(
        _("Party members"),
        [Hit(m.name, m.get_absolute_url(), m.get_status_display()) for m in found[:PER_KIND]],
        f"{reverse('party:member_list')}?{urlencode({'q': query})}"
        if len(found) > PER_KIND
        else "",
    )
    people = list(recruits(school).filter(name__icontains=query).order_by("name")[:PER_KIND])
    yield HitGroup(
        _("Recruits"),
        [Hit(r.name, r.get_absolute_url(), r.get_stage_display()) for r in people],
    )
