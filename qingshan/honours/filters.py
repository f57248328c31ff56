from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet
from qingshan.honours.models import Commendation, Honour, Story


class HonourFilter(SchoolFilterSet):
    search_fields = ("title", "issuer")
    year = django_filters.NumberFilter(label=_("year"), field_name="awarded_on", lookup_expr="year")

    class Meta:
        model = Honour
        fields = ["level"]


class CommendationFilter(SchoolFilterSet):
    search_fields = ("title", "person_name", "member__name", "staff__name", "issuer")
    year = django_filters.NumberFilter(label=_("year"), field_name="awarded_on", lookup_expr="year")

    class Meta:
        model = Commendation
        fields = ["level"]


class StoryFilter(SchoolFilterSet):
    search_fields = ("title", "person_name", "body")

    class Meta:
        model = Story
        fields: list[str] = []
