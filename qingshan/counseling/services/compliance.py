"""Writes of the incident register (through ``core.services``: same school, full clean, audited
by the caller's registration).

Invariants of an incident:
- it is found on or after the day it occurred, and neither day is in the future;
- it is reported to the authority on or after the day it was found, not in the future;
- the minors affected are among the people affected.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.models import School
from qingshan.counseling.models import Incident


def check_incident(incident: Incident) -> None:
    """Raise a ValidationError naming every field that breaks the invariants above."""
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if incident.occurred_on > today:
        errors["occurred_on"] = _("This cannot be in the future.")
    if incident.found_on > today:
        errors["found_on"] = _("This cannot be in the future.")
    elif incident.found_on < incident.occurred_on:
        errors["found_on"] = _("An incident is found on or after the day it occurred.")
    if incident.reported_on is not None and incident.reported_on > today:
        errors["reported_on"] = _("This cannot be in the future.")
    elif incident.reported_on is not None and incident.reported_on < incident.found_on:
        errors["reported_on"] = _("An incident is reported on or after the day it was found.")
    if incident.minors_affected > incident.people_affected:
        errors["minors_affected"] = _("The minors affected are among the people affected.")
    if errors:
        raise ValidationError(errors, code="invalid")


@transaction.atomic
def create_incident(
    *, school: School, values: dict[str, Any], model: type[Incident] = Incident
) -> Incident:
    return core_services.create_record(
        school=school, model=Incident, values=values, checks=[check_incident]
    )


@transaction.atomic
def update_incident(*, record: Incident, values: dict[str, Any]) -> Incident:
    return core_services.update_record(record=record, values=values, checks=[check_incident])
