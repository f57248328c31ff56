from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet, YearFilter
from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)


class VisitFilter(SchoolFilterSet):
    search_fields = ("township", "village", "topic", "team")
    year = YearFilter(label=_("year"), field_name="date")

    class Meta:
        model = Visit
        fields: list[str] = []


class HandoutFilter(SchoolFilterSet):
    search_fields = ("title",)

    class Meta:
        model = Handout
        fields = ["kind"]


class TechProblemFilter(SchoolFilterSet):
    search_fields = ("description", "township", "village", "verified_by")
    solved = django_filters.BooleanFilter(
        label=_("solved and verified"), field_name="verified_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = TechProblem
        fields = ["field"]


class PracticalThingFilter(SchoolFilterSet):
    search_fields = ("description", "township", "village", "beneficiaries")

    class Meta:
        model = PracticalThing
        fields: list[str] = []


class ScienceBaseFilter(SchoolFilterSet):
    search_fields = ("name", "township", "host")

    class Meta:
        model = ScienceBase
        fields: list[str] = []


class HouseholdFilter(SchoolFilterSet):
    search_fields = ("head", "township", "village", "specialty")

    class Meta:
        model = Household
        fields = ["is_demonstration"]


class HouseholdVisitFilter(SchoolFilterSet):
    search_fields = ("household__head", "visit__township", "help_given")

    class Meta:
        model = HouseholdVisit
        fields = ["visit"]
