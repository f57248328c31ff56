"""List filters. Every choice of a school-owned record is limited to the request's school."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.organization.models import (
    Department,
    GradeTeam,
    Guardian,
    Major,
    School,
    SchoolClass,
    Staff,
    Student,
    TeachingAssignment,
    Term,
)

ARCHIVE_CHOICES = (("active", _("current")), ("archived", _("archived")), ("all", _("all")))


class SchoolFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    archive = django_filters.ChoiceFilter(
        label=_("Show"), choices=ARCHIVE_CHOICES, method="filter_archive", empty_label=None
    )
    search_fields: tuple[str, ...] = ("name",)

    def __init__(self, data: Any = None, *args: Any, school: School, **kwargs: Any) -> None:
        data = data.copy() if data is not None else {}
        data.setdefault("archive", "active")
        super().__init__(data, *args, **kwargs)
        for filter_ in self.filters.values():
            queryset = getattr(filter_, "queryset", None)
            if isinstance(queryset, QuerySet) and issubclass(queryset.model, SchoolOwned):
                filter_.queryset = queryset.filter(school=school, archived_at__isnull=True)

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            reduce(or_, (Q(**{f"{field}__icontains": value}) for field in self.search_fields))
        )

    def filter_archive(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == "archived":
            return queryset.filter(archived_at__isnull=False)
        if value == "all":
            return queryset
        return queryset.filter(archived_at__isnull=True)


class DepartmentFilter(SchoolFilterSet):
    class Meta:
        model = Department
        fields: list[str] = []


class GradeTeamFilter(SchoolFilterSet):
    class Meta:
        model = GradeTeam
        fields = ["entry_year"]


class TermFilter(SchoolFilterSet):
    search_fields = ("school_year",)

    class Meta:
        model = Term
        fields = ["school_year", "semester"]


class MajorFilter(SchoolFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = Major
        fields: list[str] = []


class SchoolClassFilter(SchoolFilterSet):
    class Meta:
        model = SchoolClass
        fields = ["grade_team", "track", "major", "entry_year"]


class TeachingAssignmentFilter(SchoolFilterSet):
    search_fields = ("subject", "teacher__name", "school_class__name")

    class Meta:
        model = TeachingAssignment
        fields = ["term", "school_class", "teacher"]


class StaffFilter(SchoolFilterSet):
    search_fields = ("name", "staff_no", "phone")

    class Meta:
        model = Staff
        fields = ["department", "title", "gender", "political_status"]


class StudentFilter(SchoolFilterSet):
    search_fields = ("name", "student_no", "phone")

    class Meta:
        model = Student
        fields = ["school_class", "status", "gender", "household"]


class GuardianFilter(SchoolFilterSet):
    search_fields = ("name", "phone", "students__name")

    class Meta:
        model = Guardian
        fields: list[str] = []
