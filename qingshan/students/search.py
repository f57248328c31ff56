"""Students' paths found by the search box: roll changes by the student's name or number (under
the paths' own rule of who reads whom) and school-compiled textbooks by title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.search import Hit, HitGroup, hit_group, source
from qingshan.students.selectors.paths import roll_changes
from qingshan.students.selectors.textbooks import textbooks
from qingshan.students.selectors.visibility import Viewer


@source
def changes_by_student(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("students.view", school):
        return
    rows = roll_changes(school, Viewer.of(user, school)).filter(
        Q(student__name__icontains=query) | Q(student__student_no__iexact=query)
    )
    yield hit_group(
        _("Roll changes"),
        rows,
        lambda row: Hit(
            f"{row.student.name} · {row.get_kind_display()}",
            row.get_absolute_url(),
            f"{row.effective_on} · {row.get_status_display()}",
        ),
        list_url=reverse("students:change_list"),
        query=query,
    )


@source
def textbooks_by_title(school: School, user: Any, query: str) -> Iterator[HitGroup]:
    if not user.has_perm("students.view", school):
        return
    yield hit_group(
        _("School-compiled textbooks"),
        textbooks(school).filter(Q(title__icontains=query) | Q(course__icontains=query)),
        lambda row: Hit(str(row), row.get_absolute_url(), row.course),
        list_url=reverse("students:textbook_list"),
        query=query,
    )
