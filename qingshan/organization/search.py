"""Staff, students and classes found by the search box (for readers of the organisation)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.organization.selectors import school_classes, staff, students


@source
def people_and_classes(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("organization.view", school):
        return
    yield hit_group(
        _("Staff"),
        staff(school)
        .filter(archived_at__isnull=True)
        .filter(Q(name__icontains=query) | Q(staff_no__iexact=query))
        .order_by("name"),
        lambda p: Hit(p.name, p.get_absolute_url(), p.department.name if p.department else ""),
        list_url=reverse("organization:staff_list"),
        query=query,
    )
    yield hit_group(
        _("Students"),
        students(school)
        .filter(archived_at__isnull=True)
        .filter(Q(name__icontains=query) | Q(student_no__iexact=query))
        .order_by("name"),
        lambda s: Hit(s.name, s.get_absolute_url(), s.school_class.name),
        list_url=reverse("organization:student_list"),
        query=query,
    )
    yield hit_group(
        _("Classes"),
        school_classes(school)
        .filter(archived_at__isnull=True, name__icontains=query)
        .order_by("name"),
        lambda c: Hit(c.name, c.get_absolute_url()),
        list_url=reverse("organization:schoolclass_list"),
        query=query,
    )
