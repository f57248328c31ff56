"""The list filter every app builds on: search, archive state, choices of the request's school.

Invariant: every choice of a school-owned record in a filter is an active record of the school.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School, SchoolOwned
from qingshan.core.params import FIRST_YEAR, LAST_YEAR

ARCHIVE_CHOICES = (("active", _("current")), ("archived", _("archived")), ("all", _("all")))


class YearFilter(django_filters.NumberFilter):
    """Records of one calendar year of ``field_name`` (a date); a year outside 1990–2100 is an
    invalid filter, not a query."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


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
        if not self.search_fields:
            del self.filters["q"]  # nothing to search: no search box
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
