"""Writes to a school's organisation. The generic record writes of ``core.services`` plus the
organisation's own rules: terms of one school do not overlap; guardians link to students by number.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School, SchoolOwned
from qingshan.core.services import archive_record, restore_record
from qingshan.organization.models import GuardianLink, Student, Term

RecordT = TypeVar("RecordT", bound=SchoolOwned)

__all__ = ["archive_record", "create_record", "link_guardian", "restore_record", "update_record"]


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


CHECKS: dict[type, tuple[core_services.Check, ...]] = {Term: (_check_term_overlap,)}


def create_record(*, school: School, model: type[RecordT], values: dict[str, Any]) -> RecordT:
    return core_services.create_record(
        school=school, model=model, values=values, checks=CHECKS.get(model, ())
    )


def update_record(*, record: RecordT, values: dict[str, Any]) -> RecordT:
    return core_services.update_record(
        record=record, values=values, checks=CHECKS.get(type(record), ())
    )


def validate_record(record: SchoolOwned) -> None:
    core_services.validate_record(record, CHECKS.get(type(record), ()))


@transaction.atomic
def link_guardian(*, guardian: Any, student_no: str, relation: str) -> GuardianLink:
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
