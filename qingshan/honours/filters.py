from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet, YearFilter
from qingshan.honours.models import Commendation, Honour, Story


class HonourFilter(SchoolFilterSet):
    search_fields = ("title", "issuer")
    year = YearFilter(label=_("year"), field_name="awarded_on")

    class Meta:
        model = Honour
        fields = ["level"]


class CommendationFilter(SchoolFilterSet):
    search_fields = ("title", "person_name", "member__name", "staff__name", "issuer")
    year = YearFilter(label=_("year"), field_name="awarded_on")

    class Meta:
        model = Commendation
        fields = ["level"]


class StoryFilter(SchoolFilterSet):
    search_fields = ("title", "person_name", "body")

    class Meta:
        model = Story
        fields: list[str] = []
