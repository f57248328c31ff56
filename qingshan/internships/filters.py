"""List filters of internships' record pages."""

from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.internships.models import Placement, Production, Unit, Visit, Week, Works


class UnitFilter(SchoolFilterSet):
    search_fields = ("name", "registration_no", "enterprise__name")

    class Meta:
        model = Unit
        fields = ["kind", "legal_status"]


class ProductionFilter(SchoolFilterSet):
    search_fields = ("output", "crop", "plot", "unit__name")

    class Meta:
        model = Production
        fields = ["unit"]


class WorksFilter(SchoolFilterSet):
    search_fields = ("title", "unit__name")

    class Meta:
        model = Works
        fields = ["kind", "unit"]


class PlacementFilter(SchoolFilterSet):
    search_fields = ("student__name", "student__student_no", "unit__name", "post")

    class Meta:
        model = Placement
        fields = ["kind", "unit", "school_supervisor"]


class VisitFilter(SchoolFilterSet):
    search_fields = ("placement__student__name", "placement__unit__name")

    class Meta:
        model = Visit
        fields = ["visitor"]


class WeekFilter(SchoolFilterSet):
    search_fields = ("placement__student__name", "placement__unit__name")

    class Meta:
        model = Week
        fields = ["placement__unit"]
