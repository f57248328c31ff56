"""The form of the personal-information incident register."""

from __future__ import annotations

from qingshan.core.forms import SchoolModelForm
from qingshan.counseling.models import Incident


class IncidentForm(SchoolModelForm):
    class Meta:
        model = Incident
        fields = [
            "kind",
            "occurred_on",
            "found_on",
            "description",
            "people_affected",
            "minors_affected",
            "measures",
            "reported_on",
        ]
