"""List filters of counseling's record pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet, YearFilter
from qingshan.counseling.models import Incident


class IncidentFilter(SchoolFilterSet):
    search_fields = ("description", "measures")
    year = YearFilter(field_name="occurred_on", label=_("year"))

    class Meta:
        model = Incident
        fields = ["kind"]
