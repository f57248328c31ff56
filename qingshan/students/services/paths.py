"""Writes of students' paths: admission (the first enrolment) and carrying out a roll change.

Invariants:
- a student on the rolls has exactly one open enrolment, one who has left none (the partial
  unique index keeps it to at most one; these functions keep it to at least one);
- every change closes the open enrolment on the day it takes effect and opens the next on that
  same day, in one transaction, with the student's row locked;
- ``organization.Student.school_class``, ``status`` and ``left_on`` are written here only, in the
  same transaction, so the roll in ``organization`` always reads what the open enrolment says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import SchoolClass, Student
from qingshan.students.enums import LEAVING_KINDS, ChangeKind, EnrolmentState, EntryRoute, Programme
from qingshan.students.models import Enrolment, RollChange
from qingshan.students.services.numbers import issue_roll_numbers

# The student's status in ``organization`` after a change that takes them off the rolls.
LEFT_STATUS = {
    ChangeKind.WITHDRAW: StudentStatus.DROPPED_OUT,
    ChangeKind.TRANSFER_OUT: StudentStatus.TRANSFERRED_OUT,
    ChangeKind.DEATH: StudentStatus.DECEASED,
    ChangeKind.GRADUATE: StudentStatus.GRADUATED,
}
ON_ROLLS = (StudentStatus.STUDYING, StudentStatus.SUSPENDED)


def locked_student(student: Student) -> Student:
    # Locked so that two changes carried out at once (two tabs, an import beside a page) cannot
    # both read the same open enrolment and each open a next one.
    return Student.objects.select_for_update().select_related("school_class").get(pk=student.pk)


def open_enrolment(student: Student) -> Enrolment | None:
    return Enrolment.objects.filter(student=student, ends_on__isnull=True).first()


def enrolment_from_class(
    student: Student,
    school_class: SchoolClass,
    *,
    starts_on: dt.date,
    entry_route: str = EntryRoute.EXAM,
    programme: str = Programme.STANDARD,
    length_years: int | None = None,
) -> Enrolment:
    """An unsaved enrolment in ``school_class`` (its track, major and length of schooling)."""
    return Enrolment(
        school=student.school,
        student=student,
        track=school_class.track,
        programme=programme,
        major=school_class.major,
        school_class=school_class,
        length_years=length_years or school_class.length_years,
        entry_route=entry_route,
        starts_on=starts_on,
    )


def _mirror(student: Student, enrolment: Enrolment | None, *, kind: str, on: dt.date) -> None:
    """Write the roll in ``organization`` from the open enrolment (or from the leaving)."""
    if enrolment is None:
        student.status = LEFT_STATUS[ChangeKind(kind)]
        student.left_on = on
    else:
        student.school_class = enrolment.school_class
        student.status = (
            StudentStatus.SUSPENDED
            if enrolment.state == EnrolmentState.SUSPENDED
            else StudentStatus.STUDYING
        )
        student.left_on = None
    student.save(update_fields=["school_class", "status", "enrolled_on", "left_on", "updated_at"])


@transaction.atomic
def open_missing_paths(*, school: School, on: dt.date | None = None) -> int:
    """Admit every student on the school's rolls who has no enrolment yet: open one from the
    class and date the roll records (the students entered in ``organization`` by hand or from a
    sheet), and issue their roll numbers. Returns how many were admitted."""
    students = list(
        Student.objects.for_school(school)
        .filter(status__in=ON_ROLLS, enrolments__isnull=True)
        .select_related("school_class", "school")
        .order_by("pk")
    )
    Enrolment.objects.bulk_create(
        (
            enrolment_from_class(student, student.school_class, starts_on=student.enrolled_on)
            for student in students
        ),
        batch_size=1000,
    )
    issue_roll_numbers(students, on=on or timezone.localdate())
    return len(students)


@transaction.atomic
def admit(
    *,
    student: Student,
    school_class: SchoolClass,
    starts_on: dt.date,
    entry_route: str = EntryRoute.EXAM,
    programme: str = Programme.STANDARD,
    length_years: int | None = None,
) -> Enrolment:
    """Open the first enrolment of a student who has none (an imported history begins here):
    the roll in ``organization`` follows it, and the roll number is issued."""
    student = locked_student(student)
    if Enrolment.objects.filter(student=student).exists():
        raise DomainError(
            _("This student has a path already; change it by a roll change."), code="has_path"
        )
    if school_class.school_id != student.school_id:
        raise field_error("school_class", _("Choose a class of this school."), code="school")
    enrolment = enrolment_from_class(
        student,
        school_class,
        starts_on=starts_on,
        entry_route=entry_route,
        programme=programme,
        length_years=length_years,
    )
    enrolment.full_clean(exclude=["student", "school_class", "major", "opened_by", "closed_by"])
    enrolment.save()
    student.enrolled_on = starts_on  # saved with the mirrored roll
    _mirror(student, enrolment, kind=ChangeKind.TRANSFER_IN, on=starts_on)
    issue_roll_numbers([student], on=starts_on)
    return enrolment


def carry_out(change: RollChange, student: Student) -> Enrolment | None:
    """Close the student's open enrolment on the change's day and open the next one (none when
    the change takes them off the rolls); the caller holds the student's lock and the
    transaction. Raises DomainError, changing nothing, when the path no longer allows it."""
    day, kind = change.effective_on, ChangeKind(change.kind)
    current = open_enrolment(student)
    if kind == ChangeKind.TRANSFER_IN:
        if current is not None:
            raise DomainError(_("This student is on the school's rolls already."), code="on_rolls")
        assert change.to_class is not None  # checked when requested
        following: Enrolment | None = enrolment_from_class(
            student,
            change.to_class,
            starts_on=day,
            entry_route=EntryRoute.TRANSFER_IN,
            programme=change.to_programme or Programme.STANDARD,
            length_years=change.to_length_years,
        )
    else:
        if current is None:
            raise DomainError(
                _("This student is not on the school's rolls: there is no enrolment to change."),
                code="not_on_rolls",
            )
        following = next_enrolment(current, change)
        current.ends_on, current.closed_by = day, change
        current.save(update_fields=["ends_on", "closed_by", "updated_at"])
    if following is not None:
        following.opened_by = change
        following.full_clean(exclude=["student", "school_class", "major", "opened_by"])
        following.save()
    if kind == ChangeKind.TRANSFER_IN:
        issue_roll_numbers([student], on=day)
    _mirror(student, following, kind=kind, on=day)
    return following


def next_enrolment(current: Enrolment, change: RollChange) -> Enrolment | None:
    """The enrolment that follows ``current`` after ``change`` (unsaved), None when the change
    takes the student off the rolls. Raises DomainError when the path does not allow the change."""
    if change.effective_on < current.starts_on:
        raise field_error(
            "effective_on",
            _("The change cannot take effect before the current enrolment began, on %(day)s.")
            % {"day": current.starts_on},
            code="before_enrolment",
            domain=True,
        )
    kind = ChangeKind(change.kind)
    if kind in LEAVING_KINDS:
        return None
    values: dict[str, Any] = {
        "school": current.school,
        "student_id": current.student_id,
        "track": current.track,
        "programme": current.programme,
        "major": current.major,
        "school_class": current.school_class,
        "length_years": current.length_years,
        "entry_route": current.entry_route,
        "state": current.state,
        "starts_on": change.effective_on,
    }
    if kind == ChangeKind.SUSPEND:
        if current.state != EnrolmentState.STUDYING:
            raise DomainError(_("This student is suspended already."), code="suspended")
        values["state"] = EnrolmentState.SUSPENDED
        return Enrolment(**values)
    if kind == ChangeKind.RETURN:
        if current.state != EnrolmentState.SUSPENDED:
            raise DomainError(_("Only a suspended student can return."), code="not_suspended")
        values["state"] = EnrolmentState.STUDYING
    elif current.state == EnrolmentState.SUSPENDED:
        raise DomainError(
            _("A suspended student returns first; then their path may change."),
            code="suspended",
        )
    if kind == ChangeKind.LENGTH:
        values["length_years"] = change.to_length_years
        return Enrolment(**values)
    target = change.to_class or current.school_class
    values.update(
        school_class=target,
        track=target.track,
        major=target.major,
        programme=change.to_programme or current.programme,
        length_years=change.to_length_years or current.length_years,
    )
    return Enrolment(**values)
