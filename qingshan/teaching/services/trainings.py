"""Writes of the training records: a request, its decision and its completion.

Invariants: a record moves requested → approved → done, or requested → refused; it is edited
only while requested; a refusal gives its reason; status, decision and refusal are set here and
never taken from the input. Every state change locks the row first.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.organization.models import Staff
from qingshan.teaching.enums import TrainingStatus
from qingshan.teaching.models import TrainingRecord

NOT_WRITABLE = ("status", "decided_by", "decided_on", "refusal")


def _requested_values(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if name not in NOT_WRITABLE}


def _locked(record: TrainingRecord, *, expected: str) -> TrainingRecord:
    # Locked so that two decisions taken at once (approve in one tab, refuse in another)
    # cannot both see the record in the state they expect.
    locked = TrainingRecord.objects.select_for_update().get(pk=record.pk)
    if locked.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    if locked.status != expected:
        raise DomainError(
            _("This training is %(status)s; it cannot be changed so.")
            % {"status": locked.get_status_display()},
            code="wrong_status",
        )
    return locked


@transaction.atomic
def record_training(
    *, school: School, model: Any = TrainingRecord, values: dict[str, Any]
) -> TrainingRecord:
    """A training recorded for a teacher by the school: it is requested, to be decided."""
    return core_services.create_record(
        school=school,
        model=TrainingRecord,
        values={**_requested_values(values), "status": TrainingStatus.REQUESTED},
    )


@transaction.atomic
def request_training(
    *, school: School, staff: Staff | None, values: dict[str, Any]
) -> TrainingRecord:
    """A member of staff asks for a training for themselves."""
    if staff is None or staff.school_id != school.pk:
        raise DomainError(
            _(
                "Your login is not linked to a staff record of this school; ask the school's "
                "administrator to link it."
            ),
            code="no_staff",
        )
    return record_training(school=school, values={**values, "teacher": staff})


@transaction.atomic
def update_training(*, record: TrainingRecord, values: dict[str, Any]) -> TrainingRecord:
    """Edit a training while it is requested."""
    _locked(record, expected=TrainingStatus.REQUESTED)
    return core_services.update_record(record=record, values=_requested_values(values))


@transaction.atomic
def approve_training(*, record: TrainingRecord, user: Any) -> TrainingRecord:
    record = _locked(record, expected=TrainingStatus.REQUESTED)
    record.status = TrainingStatus.APPROVED
    record.decided_by, record.decided_on = user, timezone.localdate()
    record.save(update_fields=["status", "decided_by", "decided_on", "updated_at"])
    return record


@transaction.atomic
def refuse_training(*, record: TrainingRecord, user: Any, reason: str) -> TrainingRecord:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Give the reason for refusing.")}, code="reason_required"
        )
    record = _locked(record, expected=TrainingStatus.REQUESTED)
    record.status = TrainingStatus.REFUSED
    record.decided_by, record.decided_on = user, timezone.localdate()
    record.refusal = reason[:200]
    record.save(update_fields=["status", "decided_by", "decided_on", "refusal", "updated_at"])
    return record


@transaction.atomic
def complete_training(
    *, record: TrainingRecord, hours: Decimal, certificate: str = "", evidence: Any = None
) -> TrainingRecord:
    """Mark an approved training done, with its hours, its certificate and the evidence."""
    record = _locked(record, expected=TrainingStatus.APPROVED)
    record.status = TrainingStatus.DONE
    record.hours = hours
    record.certificate = certificate.strip()
    if evidence:
        record.evidence = evidence
    core_services.validate_record(record)
    record.save()
    return record
