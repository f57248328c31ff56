"""The form of an observation quota; every choice of a record is the school's."""

from __future__ import annotations

from qingshan.core.forms import SchoolModelForm
from qingshan.teaching.models import ObservationQuota


class QuotaForm(SchoolModelForm):
    class Meta:
        model = ObservationQuota
        fields = ["term", "group", "periods"]
