"""Writes of the case file. Every note is sealed before it is stored (``services.sealed``).

Invariants:
- a case's number is the year it opened and its place in that year (``2013-007``), given once;
- the counselor who opens a case is one of its counselors; a case has at least one;
- only an open or referred case takes sessions, referrals and crisis steps; a closed case is
  changed only by its purge;
- an at-risk case is closed only once the protocol's required steps are recorded;
- closing sets how long the case is kept (``QS_COUNSELING_RETENTION_YEARS``);
- every read of a case is logged with who, when and why (``log_read``); a break-glass read says so
  and needs a written reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.counseling.enums import (
    REQUIRED_CRISIS_STEPS,
    CaseState,
    CrisisStep,
    ReadReason,
    SessionKind,
    Source,
)
from qingshan.counseling.models import (
    Alert,
    Case,
    CaseRead,
    CrisisAction,
    HospitalReferral,
    Session,
)
from qingshan.counseling.services.sealed import seal_text
from qingshan.organization.models import Staff, Student


def _same_school(school_id: int, *records: Any) -> None:
    if any(record is not None and record.school_id != school_id for record in records):
        raise DomainError(_("A record belongs to another school."), code="other_school")


def _live(case: Case) -> Case:
    """The case as it is now, refused when closed."""
    # Locked: a note written while another counselor closes the case must not land after the
    # close (a closed case is changed only by its purge).
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state == CaseState.CLOSED:
        raise DomainError(_("This case is closed."), code="closed")
    return case


def _next_number(school: School, year: int) -> str:
    numbers = Case.objects.for_school(school).filter(number__startswith=f"{year}-")
    used = [int(number.split("-")[1]) for number in numbers.values_list("number", flat=True)]
    return f"{year}-{max(used, default=0) + 1:03d}"


@transaction.atomic
def open_case(
    *,
    school: School,
    student: Student,
    counselor: Staff,
    source: str,
    concern: str,
    opened_on: dt.date | None = None,
    alert: Alert | None = None,
) -> Case:
    opened_on = opened_on or timezone.localdate()
    _same_school(school.pk, student, counselor, alert)
    if source not in Source.values:
        raise field_error("source", _("Say who referred the student."), code="invalid")
    if alert is not None and alert.student_id != student.pk:
        raise DomainError(_("The alert is of another student."), code="other_student")
    if opened_on > timezone.localdate():
        raise field_error("opened_on", _("A case is opened today or earlier."), code="future")
    # Locked: two counselors opening cases at once must not be given one number.
    School.objects.select_for_update().get(pk=school.pk)
    case = Case.objects.create(
        school=school,
        number=_next_number(school, opened_on.year),
        student=student,
        source=source,
        alert=alert,
        opened_on=opened_on,
        concern_sealed=seal_text(concern.strip()),
    )
    case.counselors.add(counselor)
    return case


@transaction.atomic
def add_counselor(*, case: Case, staff: Staff) -> Case:
    _same_school(case.school_id, staff)
    case = _live(case)
    case.counselors.add(staff)
    return case


def _not_future(name: str, when: dt.datetime | dt.date) -> None:
    now = timezone.now() if isinstance(when, dt.datetime) else timezone.localdate()
    if when > now:
        raise field_error(name, _("This cannot be in the future."), code="future")


@transaction.atomic
def record_session(
    *,
    case: Case,
    counselor: Staff,
    kind: str,
    starts_at: dt.datetime,
    minutes: int = 50,
    attended: bool | None = None,
    notes: str = "",
) -> Session:
    """An appointment (still to come, or missed) or a session held, with its sealed notes."""
    _same_school(case.school_id, counselor)
    case = _live(case)
    if kind not in SessionKind.values:
        raise field_error("kind", _("Choose the kind."), code="invalid")
    if kind == SessionKind.SESSION:
        _not_future("starts_at", starts_at)
    if not 5 <= minutes <= 240:
        raise field_error("minutes", _("A session lasts 5 to 240 minutes."), code="range")
    if timezone.localdate(starts_at) < case.opened_on:
        raise field_error("starts_at", _("This is before the case opened."), code="before")
    return Session.objects.create(
        school_id=case.school_id,
        case=case,
        kind=kind,
        starts_at=starts_at,
        minutes=minutes,
        attended=True if kind == SessionKind.SESSION else attended,
        counselor=counselor,
        notes_sealed=seal_text(notes.strip()),
    )


@transaction.atomic
def refer_to_hospital(
    *, case: Case, hospital: str, referred_on: dt.date, reason: str
) -> HospitalReferral:
    case = _live(case)
    if not hospital.strip():
        raise field_error("hospital", _("Name the hospital."), code="required")
    _not_future("referred_on", referred_on)
    referral = HospitalReferral.objects.create(
        school_id=case.school_id,
        case=case,
        hospital=hospital.strip(),
        referred_on=referred_on,
        reason_sealed=seal_text(reason.strip()),
    )
    case.state = CaseState.REFERRED
    case.save(update_fields=["state", "updated_at"])
    return referral


@transaction.atomic
def follow_up_referral(
    *,
    referral: HospitalReferral,
    followed_up_on: dt.date,
    note: str,
    returned_on: dt.date | None = None,
    return_plan: str = "",
) -> HospitalReferral:
    """The follow-up with the hospital; when the student is back at school, the plan for the
    return, and the case goes on at school."""
    case = _live(referral.case)
    _not_future("followed_up_on", followed_up_on)
    if followed_up_on < referral.referred_on:
        raise field_error("followed_up_on", _("This is before the referral."), code="before")
    if returned_on is not None and not return_plan.strip():
        raise field_error(
            "return_plan", _("Write the plan for the return to school."), code="required"
        )
    referral.followed_up_on = followed_up_on
    referral.follow_up_sealed = seal_text(note.strip())
    referral.returned_on = returned_on
    referral.return_plan_sealed = seal_text(return_plan.strip())
    referral.save()
    if returned_on is not None:
        case.state = CaseState.OPEN
        case.save(update_fields=["state", "updated_at"])
    return referral


@transaction.atomic
def record_crisis_step(
    *, case: Case, staff: Staff, step: str, done_at: dt.datetime, note: str = ""
) -> CrisisAction:
    """One step of the crisis protocol; the first (the risk flagged) marks the case at risk."""
    _same_school(case.school_id, staff)
    case = _live(case)
    if step not in CrisisStep.values:
        raise field_error("step", _("Choose the step."), code="invalid")
    _not_future("done_at", done_at)
    if step != CrisisStep.FLAGGED and not case.at_risk:
        raise DomainError(_("Flag the risk of harm first."), code="not_flagged")
    action = CrisisAction.objects.create(
        school_id=case.school_id,
        case=case,
        step=step,
        done_at=done_at,
        done_by=staff,
        note_sealed=seal_text(note.strip()),
    )
    if step == CrisisStep.FLAGGED and not case.at_risk:
        case.at_risk = True
        case.save(update_fields=["at_risk", "updated_at"])
    return action


def missing_crisis_steps(case: Case) -> list[str]:
    if not case.at_risk:
        return []
    done = set(case.crisis_actions.values_list("step", flat=True))
    return [step for step in REQUIRED_CRISIS_STEPS if step not in done]


@transaction.atomic
def close_case(*, case: Case, closed_on: dt.date, summary: str) -> Case:
    case = _live(case)
    missing = missing_crisis_steps(case)
    if missing:
        raise DomainError(
            _("The crisis protocol is not complete: %(steps)s.")
            % {"steps": "、".join(str(CrisisStep(step).label) for step in missing)},
            code="crisis_open",
        )
    if not summary.strip():
        raise field_error("summary", _("Write how the case ends."), code="required")
    _not_future("closed_on", closed_on)
    if closed_on < case.opened_on:
        raise field_error("closed_on", _("This is before the case opened."), code="before")
    years = settings.QS_COUNSELING_RETENTION_YEARS
    case.state = CaseState.CLOSED
    case.closed_on = closed_on
    case.closure_sealed = seal_text(summary.strip())
    case.retain_until = add_months(closed_on, 12 * years)
    case.save()
    return case


@transaction.atomic
def log_read(
    *, case: Case, user: Any, reason: str, note: str = "", break_glass: bool = False
) -> CaseRead:
    if reason not in ReadReason.values:
        raise field_error("reason", _("Say why you open this case."), code="invalid")
    if break_glass and len(note.strip()) < 10:
        raise field_error(
            "note", _("Write why the glass is broken (at least 10 characters)."), code="required"
        )
    name = user.get_full_name() or user.get_username()
    return CaseRead.objects.create(
        school_id=case.school_id,
        case=case,
        case_number=case.number,
        reader=user,
        reader_name=name[:60],
        read_at=timezone.now(),
        reason=ReadReason.BREAK_GLASS if break_glass else reason,
        note=note.strip()[:200],
        break_glass=break_glass,
    )
