"""Writes of the responsibility grid. Keyword-only, one transaction each."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core.audit import log_bulk
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import create_record, update_record
from qingshan.organization.models import Staff, Term
from qingshan.workplans.models import GridCell, GridException, TimeSlot


def _check_cell(cell: GridCell) -> None:
    if cell.slot.term_id != cell.term_id:
        raise ValidationError({"slot": _("The slot belongs to another term's timetable.")})


def _check_staff_present(cell: GridCell) -> None:
    person = cell.person
    if person is not None and person.left_on is not None and person.left_on < cell.term.start_date:
        raise ValidationError({"person": _("%(person)s has left the school.") % {"person": person}})


@transaction.atomic
def place_cell(*, school: School, values: dict[str, Any]) -> GridCell:
    return create_record(
        school=school, model=GridCell, values=values, checks=[_check_cell, _check_staff_present]
    )


@transaction.atomic
def change_cell(*, cell: GridCell, values: dict[str, Any]) -> GridCell:
    return update_record(record=cell, values=values, checks=[_check_cell, _check_staff_present])


def _check_exception(exception: GridException) -> None:
    term = exception.term
    if not term.start_date <= exception.date <= term.end_date:
        raise ValidationError({"date": _("The date lies outside the term.")})
    cell = exception.cell
    if cell is not None:
        if cell.term_id != term.pk:
            raise ValidationError({"cell": _("The cell belongs to another term.")})
        if exception.date.weekday() != cell.slot.weekday:
            raise ValidationError(
                {"date": _("The cell is not held on that weekday.")}, code="wrong_weekday"
            )


@transaction.atomic
def record_exception(*, school: School, values: dict[str, Any]) -> GridException:
    return create_record(
        school=school, model=GridException, values=values, checks=[_check_exception]
    )


@transaction.atomic
def change_exception(*, exception: GridException, values: dict[str, Any]) -> GridException:
    return update_record(record=exception, values=values, checks=[_check_exception])


@transaction.atomic
def copy_grid(*, source: Term, target: Term, keep_people: bool = True) -> int:
    """Copy a term's timetable and cells into a term that has none yet; returns the cells copied.

    People who have left the school by the target term's start are not carried over (their cells
    come over blank, to be filled).
    """
    if source.school_id != target.school_id:
        raise DomainError(_("Both terms must belong to the same school."), code="other_school")
    if source.pk == target.pk:
        raise DomainError(_("Choose another term to copy from."), code="same_term")
    school = target.school
    if TimeSlot.objects.for_school(school).filter(term=target).exists():
        raise DomainError(
            _("%(term)s already has a timetable; change it cell by cell.") % {"term": target},
            code="target_not_empty",
        )
    old_slots = list(
        TimeSlot.objects.for_school(school).filter(term=source).prefetch_related("lines")
    )
    if not old_slots:
        raise DomainError(
            _("%(term)s has no grid to copy.") % {"term": source}, code="source_empty"
        )
    new_slots = {}
    for slot in old_slots:
        copy = TimeSlot.objects.create(
            school=school,
            term=target,
            weekday=slot.weekday,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            label=slot.label,
        )
        copy.lines.set(slot.lines.all())
        new_slots[slot.pk] = copy
    gone = set(
        Staff.objects.for_school(school)
        .filter(left_on__lt=target.start_date)
        .values_list("pk", flat=True)
    )
    copies = [
        GridCell(
            school=school,
            term=target,
            line_id=cell.line_id,
            place_id=cell.place_id,
            slot=new_slots[cell.slot_id],
            person_id=(cell.person_id if keep_people and cell.person_id not in gone else None),
            note=cell.note,
        )
        for cell in GridCell.objects.for_school(school).active().filter(term=source)
    ]
    GridCell.objects.bulk_create(copies)
    # Bulk writes bypass the audit log's signals; log the copied cells as an import would.
    log_bulk(copies, action=LogEntry.Action.CREATE, actor=None)
    return len(copies)
