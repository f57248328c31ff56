from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
from qingshan.teaching.models import ObservationQuota


class QuotaFilter(SchoolFilterSet):
    search_fields = ()

    class Meta:
        model = ObservationQuota
        fields = ["term", "group"]
