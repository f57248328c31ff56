"""Every write to a school's organisation. Keyword-only, one transaction each, audited by auditlog.

Invariants enforced here (and so for pages, API and imports alike):
- a record and every record it points to belong to the same school;
- a record passes ``full_clean`` (fields, unique and check constraints) before it is saved;
- terms of one school do not overlap;
- referenced records are archived, never deleted.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import SchoolOwned
from qingshan.organization.models import School, Term

RecordT = TypeVar("RecordT", bound=SchoolOwned)


def _check_same_school(record: SchoolOwned) -> None:
    for field in record._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey) or field.name == "school":
            continue
        target = getattr(record, field.name)
        if isinstance(target, SchoolOwned) and target.school_id != record.school_id:
            raise ValidationError(
                {field.name: _("%(value)s belongs to another school.") % {"value": target}},
                code="other_school",
            )


def _check_term_overlap(term: Term) -> None:
    clash = (
        Term.objects.for_school(term.school)
        .overlapping(term.start_date, term.end_date)
        .exclude(pk=term.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {"start_date": _("These dates overlap the term %(term)s.") % {"term": clash}},
            code="term_overlap",
        )


def validate_record(record: SchoolOwned) -> None:
    _check_same_school(record)
    record.full_clean()
    if isinstance(record, Term):
        _check_term_overlap(record)


@transaction.atomic
def create_record(*, school: School, model: type[RecordT], values: dict[str, Any]) -> RecordT:
    record = model(school=school, **values)
    validate_record(record)
    record.save()
    return record


@transaction.atomic
def update_record(*, record: RecordT, values: dict[str, Any]) -> RecordT:
    if record.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    for name, value in values.items():
        setattr(record, name, value)
    validate_record(record)
    record.save()
    return record


@transaction.atomic
def archive_record(*, record: RecordT) -> RecordT:
    if record.is_archived:
        raise DomainError(_("This record is already archived."), code="already_archived")
    record.archived_at = timezone.now()
    record.save(update_fields=["archived_at", "updated_at"])
    return record


@transaction.atomic
def restore_record(*, record: RecordT) -> RecordT:
    if not record.is_archived:
        raise DomainError(_("This record is not archived."), code="not_archived")
    record.archived_at = None
    record.save(update_fields=["archived_at", "updated_at"])
    return record


@transaction.atomic
def link_guardian(*, guardian: Any, student_no: str, relation: str) -> Any:
    from qingshan.organization.models import GuardianLink, Student

    student = (
        Student.objects.for_school(guardian.school).filter(student_no=student_no.strip()).first()
    )
    if student is None:
        raise DomainError(
            _("No student with the number %(number)s.") % {"number": student_no}, code="no_student"
        )
    link = GuardianLink(
        school=guardian.school, guardian=guardian, student=student, relation=relation
    )
    validate_record(link)
    link.save()
    return link
