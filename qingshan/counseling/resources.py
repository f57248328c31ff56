"""Counseling's record types on the shared record pages (``core.records``): the register of
personal-information incidents, kept by those who keep the yearly pack (``counseling.compliance``).
It holds no case's content."""

from __future__ import annotations

from qingshan.core.records import Resource
from qingshan.counseling import filters
from qingshan.counseling.forms.incidents import IncidentForm
from qingshan.counseling.selectors.pack import (
    incidents,
)
from qingshan.counseling.services import compliance

INCIDENT = Resource(
    key="incident",
    namespace="counseling",
    selector=incidents,
    form_class=IncidentForm,
    filterset_class=filters.IncidentFilter,
    columns=(
        "occurred_on",
        "kind",
        "found_on",
        "people_affected",
        "minors_affected",
        "reported_on",
    ),
    view_permission="counseling.compliance",
    manage_permission="counseling.compliance",
    create=compliance.create_incident,
    update=compliance.update_incident,
    exportable=True,
)

RESOURCES: tuple[Resource, ...] = (INCIDENT,)
