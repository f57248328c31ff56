"""Staff, students and classes found by the search box (for readers of the organisation)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import PER_KIND, Hit, HitGroup, source
from qingshan.organization.selectors import school_classes, staff, students


def _more(name: str, query: str, found: int) -> str:
    return f"{reverse(name)}?{urlencode({'q': query})}" if found > PER_KIND else ""


@source
def people_and_classes(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("organization.view", school):
        return
    people = list(
        staff(school)
        .filter(archived_at__isnull=True)
        .filter(Q(name__icontains=query) | Q(staff_no__iexact=query))
        .order_by("name")[: PER_KIND + 1]
    )
    yield HitGroup(
        _("Staff"),
        [
            Hit(p.name, p.get_absolute_url(), p.department.name if p.department else "")
            for p in people[:PER_KIND]
        ],
        _more("organization:staff_list", query, len(people)),
    )
    pupils = list(
        students(school)
        .filter(archived_at__isnull=True)
        .filter(Q(name__icontains=query) | Q(student_no__iexact=query))
        .order_by("name")[: PER_KIND + 1]
    )
    yield HitGroup(
        _("Students"),
        [Hit(s.name, s.get_absolute_url(), s.school_class.name) for s in pupils[:PER_KIND]],
        _more("organization:student_list", query, len(pupils)),
    )
    classes = list(
        school_classes(school)
        .filter(archived_at__isnull=True)
        .filter(name__icontains=query)
        .order_by("name")[: PER_KIND + 1]
    )
    yield HitGroup(
        _("Classes"),
        [Hit(c.name, c.get_absolute_url()) for c in classes[:PER_KIND]],
        _more("organization:schoolclass_list", query, len(classes)),
    )
