"""Writes to a school's organisation. The generic record writes of ``core.services`` plus the
organisation's own rules: terms of one school do not overlap; a school opens and closes its terms
and has at most one current term; guardians link to students by number.
"""

from __future__ import annotations

import datetime as dt
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

__all__ = [
    "archive_record",
    "close_term",
    "create_record",
    "link_guardian",
    "make_term_current",
    "open_term",
    "restore_record",
    "update_record",
]


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


def _locked_term(term: Term) -> Term:
    # Locks the school row: two administrators making two terms current at once would otherwise
    # both clear the old flag and trip the one-current-term constraint with a 500.
    School.objects.select_for_update().filter(pk=term.school_id).first()
    locked = Term.objects.get(pk=term.pk)
    if locked.archived_at is not None:
        raise DomainError(_("An archived term cannot be changed."), code="term_archived")
    return locked


@transaction.atomic
def open_term(*, term: Term, today: dt.date) -> Term:
    """Open ``term`` for work: its filings fall due, reminders go out and overdue marks show.
    Opening an open term changes nothing; a closed term is reopened."""
    term = _locked_term(term)
    if term.opened_on is not None and term.closed_on is None:
        return term
    term.opened_on = term.opened_on or today
    term.closed_on = None
    term.save(update_fields=["opened_on", "closed_on"])
    return term


@transaction.atomic
def close_term(*, term: Term, today: dt.date) -> Term:
    """Close an opened term: no more reminders for it. Its marks stay as they were."""
    term = _locked_term(term)
    if term.opened_on is None:
        raise DomainError(_("Open the term before closing it."), code="term_not_opened")
    if term.closed_on is None:
        term.closed_on = max(today, term.opened_on)
        term.save(update_fields=["closed_on"])
    return term


@transaction.atomic
def make_term_current(*, term: Term, today: dt.date) -> Term:
    """Make ``term`` the school's current term, the one every page opens on; it is opened if it
    was not (a closed term stays closed: the school may look back at it)."""
    term = _locked_term(term)
    Term.objects.for_school(term.school).filter(is_current=True).exclude(pk=term.pk).update(
        is_current=False
    )
    term.is_current = True
    term.opened_on = term.opened_on or today
    term.save(update_fields=["is_current", "opened_on"])
    return term
