"""Roll changes from request to decision: ask, approve (the school; the bureau's reply where
the rules ask for it), refuse, withdraw, and the credits carried over.

Invariants: one open change per student at a time; a change asks for what its kind needs (a class
for a move, a length for a change of length, a certificate number for a graduation, the other
school for a transfer) and may take effect only within its rule's window; approval carries it out
(``services.paths.carry_out``) in the same transaction, or waits for the bureau's reply when the
rule says so. Status and decisions are never taken from the input.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError, field_error
from qingshan.organization.models import Student
from qingshan.students.enums import (
    OPEN_STATUSES,
    Approver,
    ChangeKind,
    ChangeStatus,
)
from qingshan.students.models import CreditTransfer, Enrolment, RollChange
from qingshan.students.selectors.policy import check_window, rule_for
from qingshan.students.services.paths import (
    carry_out,
    locked_student,
    next_enrolment,
    open_enrolment,
)

REQUEST_FIELDS = (
    "kind",
    "effective_on",
    "reason",
    "evidence",
    "to_programme",
    "to_class",
    "to_length_years",
    "other_school",
    "certificate_no",
)


def _required(values: dict[str, Any], name: str, message: str) -> None:
    if not values.get(name):
        raise field_error(name, message, code="required")


def _check_track(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "to_class", _("Name the class of the other track."))
    if values["to_class"].track == current.track:
        raise field_error(
            "to_class",
            _("This class is in the student's own track; choose one of the other."),
            code="same_track",
        )


def _check_major(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "to_class", _("Name the class of the new major."))
    target = values["to_class"]
    if target.major_id is None or target.major_id == current.major_id:
        raise field_error("to_class", _("Choose a class of another major."), code="same_major")


def _check_repeat(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "to_class", _("Name the class of the later year the student joins."))
    target = values["to_class"]
    if target.entry_year <= current.school_class.entry_year or target.track != current.track:
        raise field_error(
            "to_class",
            _("Choose a class of the same track that entered a later year."),
            code="not_later",
        )


def _check_length(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "to_length_years", _("Give the new length of schooling."))
    if values["to_length_years"] == current.length_years:
        raise field_error(
            "to_length_years",
            _("This is the student's length of schooling already."),
            code="same_length",
        )


def _check_graduation(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "certificate_no", _("Give the graduation certificate number."))


def _check_transfer_out(values: dict[str, Any], current: Enrolment) -> None:
    _required(values, "other_school", _("Name the school the student goes to."))


CHECKS = {
    ChangeKind.TRACK: _check_track,
    ChangeKind.MAJOR: _check_major,
    ChangeKind.REPEAT: _check_repeat,
    ChangeKind.LENGTH: _check_length,
    ChangeKind.GRADUATE: _check_graduation,
    ChangeKind.TRANSFER_OUT: _check_transfer_out,
}


def _check_targets(student: Student, current: Enrolment | None, values: dict[str, Any]) -> None:
    """What the kind of change needs, against the student's current enrolment."""
    kind = ChangeKind(values["kind"])
    target = values.get("to_class")
    if target is not None and target.school_id != student.school_id:
        raise field_error("to_class", _("Choose a class of this school."), code="school")
    if kind == ChangeKind.TRANSFER_IN:
        if current is not None:
            raise DomainError(_("This student is on the school's rolls already."), code="on_rolls")
        _required(values, "to_class", _("Name the class the student joins."))
        _required(values, "other_school", _("Name the school the student comes from."))
        return
    if current is None:
        raise DomainError(
            _("This student is not on the school's rolls: there is no enrolment to change."),
            code="not_on_rolls",
        )
    check = CHECKS.get(kind)
    if check is not None:
        check(values, current)


@transaction.atomic
def request_change(
    *, student: Student, values: dict[str, Any], user: Any, today: dt.date | None = None
) -> RollChange:
    """Ask for a roll change. Raises ValidationError (DomainError for a rule), saving nothing."""
    student = locked_student(student)
    values = {name: values.get(name) for name in REQUEST_FIELDS if name in values}
    if values.get("kind") not in ChangeKind.values:
        raise field_error("kind", _("Choose the kind of change."), code="kind")
    _required(values, "effective_on", _("Give the day the change takes effect."))
    _required(values, "reason", _("Give the reason for the change."))
    if RollChange.objects.filter(student=student, status__in=OPEN_STATUSES).exists():
        raise DomainError(
            _("This student has a change waiting for a decision; decide or withdraw it first."),
            code="open_change",
        )
    current = open_enrolment(student)
    _check_targets(student, current, values)
    check_window(student.school, values["kind"], values["effective_on"])
    change = RollChange(
        school=student.school,
        student=student,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
        requested_on=today or timezone.localdate(),
        **{
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in values.items()
            if value not in (None, "")
        },
    )
    change.full_clean(exclude=["student", "to_class"])
    if current is not None:
        next_enrolment(current, change)  # the path allows it now (checked again when carried out)
    change.save()
    return change


def _locked(change: RollChange, *, expected: frozenset[str] | tuple[str, ...]) -> RollChange:
    # Locked so that two decisions taken at once (approve in one tab, refuse in another) cannot
    # both see the change open.
    locked = RollChange.objects.select_for_update().select_related("student").get(pk=change.pk)
    if locked.status not in expected:
        raise DomainError(
            _("This change is %(status)s; it cannot be decided again.")
            % {"status": locked.get_status_display()},
            code="wrong_status",
        )
    return locked


def _done(change: RollChange, *, today: dt.date) -> RollChange:
    carry_out(change, locked_student(change.student))
    change.status = ChangeStatus.DONE
    change.save()
    return change


@transaction.atomic
def approve_change(*, change: RollChange, user: Any, today: dt.date | None = None) -> RollChange:
    """The school approves: the change is carried out, or waits for the bureau's reply when the
    rule for its kind says the bureau approves too."""
    change = _locked(change, expected=(ChangeStatus.REQUESTED,))
    today = today or timezone.localdate()
    change.decided_by, change.decided_on = user, today
    if rule_for(change.school, change.kind).approver == Approver.BUREAU:
        change.status = ChangeStatus.AWAITING_BUREAU
        change.save()
        return change
    return _done(change, today=today)


@transaction.atomic
def record_bureau_approval(
    *, change: RollChange, reference: str, approved_on: dt.date, today: dt.date | None = None
) -> RollChange:
    """The bureau's reply, as its document number and date: the change is carried out."""
    reference = (reference or "").strip()
    if not reference:
        raise field_error("reference", _("Give the number of the bureau's reply."), code="required")
    change = _locked(change, expected=(ChangeStatus.AWAITING_BUREAU,))
    if change.decided_on and approved_on < change.decided_on:
        raise field_error(
            "approved_on",
            _("The bureau cannot reply before the school approved."),
            code="too_early",
        )
    change.bureau_reference, change.bureau_approved_on = reference[:60], approved_on
    return _done(change, today=today or timezone.localdate())


@transaction.atomic
def refuse_change(
    *, change: RollChange, user: Any, reason: str, today: dt.date | None = None
) -> RollChange:
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", _("Give the reason for refusing."), code="required")
    change = _locked(change, expected=tuple(OPEN_STATUSES))
    change.status = ChangeStatus.REFUSED
    change.decided_by, change.decided_on = user, today or timezone.localdate()
    change.refusal = reason[:200]
    change.save()
    return change


@transaction.atomic
def withdraw_change(*, change: RollChange) -> RollChange:
    change = _locked(change, expected=tuple(OPEN_STATUSES))
    change.status = ChangeStatus.WITHDRAWN
    change.save()
    return change


@transaction.atomic
def add_credit(
    *, change: RollChange, course: str, credits: Decimal, accepted_as: str = ""
) -> CreditTransfer:
    """A course passed, carried over (or not) on a change of track or major."""
    if change.kind not in (ChangeKind.TRACK, ChangeKind.MAJOR):
        raise DomainError(
            _("Credits are carried over only on a change of track or major."), code="kind"
        )
    credit = CreditTransfer(
        school=change.school,
        change=change,
        course=(course or "").strip(),
        credits=credits,
        accepted_as=(accepted_as or "").strip(),
    )
    credit.full_clean(exclude=["change"])
    credit.save()
    return credit


@transaction.atomic
def record_decided_change(
    *,
    change: RollChange,
    user: Any,
    decided_on: dt.date,
    bureau_reference: str = "",
    bureau_approved_on: dt.date | None = None,
) -> RollChange:
    """Record a change decided before the school kept its paths here (an imported history):
    checked against the path like any request, but not against its window, and carried out at
    once. Raises ValidationError, saving nothing."""
    student = locked_student(change.student)
    if RollChange.objects.filter(student=student, status__in=OPEN_STATUSES).exists():
        raise DomainError(
            _("This student has a change waiting for a decision; decide or withdraw it first."),
            code="open_change",
        )
    values = {name: getattr(change, name) for name in REQUEST_FIELDS}
    if values.get("kind") not in ChangeKind.values:
        raise field_error("kind", _("Choose the kind of change."), code="kind")
    _check_targets(student, open_enrolment(student), values)
    change.student = student
    change.status = ChangeStatus.DONE
    change.decided_by = user if getattr(user, "is_authenticated", False) else None
    change.decided_on = decided_on
    change.bureau_reference = bureau_reference.strip()[:60]
    change.bureau_approved_on = bureau_approved_on
    change.full_clean(exclude=["student", "to_class"])
    change.save()
    carry_out(change, student)
    return change


def _certificate_numbers(first: str, count: int) -> list[str]:
    """``count`` numbers from ``first`` on, its trailing digits counted up with their width."""
    first = (first or "").strip()
    digits = len(first) - len(first.rstrip("0123456789"))
    if not digits:
        raise field_error(
            "first_certificate",
            _("The first certificate number ends in digits, which are counted up."),
            code="certificate",
        )
    stem, start = first[:-digits], int(first[-digits:])
    return [f"{stem}{number:0{digits}d}" for number in range(start, start + count)]


@transaction.atomic
def graduate_class(
    *, school_class: Any, on: dt.date, first_certificate: str, user: Any
) -> list[RollChange]:
    """Graduate every student studying in ``school_class`` on ``on``, certificates numbered from
    ``first_certificate``: each a graduation requested and approved, all or none."""
    students = list(
        Student.objects.filter(
            enrolments__school_class=school_class,
            enrolments__ends_on__isnull=True,
            enrolments__state="studying",
        ).order_by("student_no")
    )
    if not students:
        raise DomainError(_("No student of this class is studying."), code="empty")
    numbers = _certificate_numbers(first_certificate, len(students))
    done = []
    for student, number in zip(students, numbers, strict=True):
        change = request_change(
            student=student,
            values={
                "kind": ChangeKind.GRADUATE,
                "effective_on": on,
                "reason": _("Completed the courses required and passed: graduates."),
                "certificate_no": number,
            },
            user=user,
            today=on,
        )
        done.append(approve_change(change=change, user=user, today=on))
    return done
