"""Reads of the case file.

Invariants:
- ``cases_of`` holds only the cases that name the staff member among their counselors: no role,
  not the administrator's nor another counselor's, reaches another case through it;
- ``opened`` is the only place a case's notes are unsealed; the view calls it right after the
  read is logged (``services.cases.log_read``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from qingshan.accounts.enums import Role
from qingshan.core.models import School
from qingshan.counseling.models import Case, CaseRead, CrisisAction, HospitalReferral, Session
from qingshan.counseling.services.sealed import open_text
from qingshan.organization.models import Staff


def cases_of(school: School, staff: Staff | None) -> QuerySet[Case]:
    if staff is None:
        return Case.objects.none()
    return (
        Case.objects.for_school(school)
        .filter(counselors=staff)
        .select_related("student__school_class")
        .distinct()
    )


def counselors(school: School) -> QuerySet[Staff]:
    """The school's active staff whose login holds the counselor's role there."""
    return (
        Staff.objects.for_school(school)
        .active()
        .filter(user__memberships__school=school, user__memberships__role=Role.COUNSELOR)
        .distinct()
    )


def case_by_number(school: School, number: str) -> Case | None:
    """For a break-glass read only: any case of the school by its case number, or else the
    latest case of the student with that student number (in a crisis the reader knows the
    student, not the case)."""
    number = number.strip()
    cases = Case.objects.for_school(school).select_related("student__school_class")
    return (
        cases.filter(number=number).first()
        or cases.filter(student__student_no=number).order_by("-opened_on", "-pk").first()
    )


@dataclass(frozen=True)
class OpenedSession:
    session: Session
    notes: str


@dataclass(frozen=True)
class OpenedReferral:
    referral: HospitalReferral
    reason: str
    follow_up: str
    return_plan: str


@dataclass(frozen=True)
class OpenedStep:
    action: CrisisAction
    note: str


@dataclass(frozen=True)
class OpenedCase:
    case: Case
    concern: str
    closure: str
    counselors: list[Staff]
    sessions: list[OpenedSession]
    referrals: list[OpenedReferral]
    crisis: list[OpenedStep]


def opened(case: Case) -> OpenedCase:
    """The case with its notes unsealed."""
    return OpenedCase(
        case=case,
        concern=open_text(case.concern_sealed),
        closure=open_text(case.closure_sealed),
        counselors=list(case.counselors.order_by("name")),
        sessions=[
            OpenedSession(session, open_text(session.notes_sealed))
            for session in case.sessions.select_related("counselor").order_by("starts_at")
        ],
        referrals=[
            OpenedReferral(
                referral,
                open_text(referral.reason_sealed),
                open_text(referral.follow_up_sealed),
                open_text(referral.return_plan_sealed),
            )
            for referral in case.referrals.order_by("referred_on")
        ],
        crisis=[
            OpenedStep(action, open_text(action.note_sealed))
            for action in case.crisis_actions.select_related("done_by").order_by("done_at")
        ],
    )


def reads(school: School) -> QuerySet[CaseRead]:
    return CaseRead.objects.for_school(school).select_related("reader")


def reads_between(school: School, start: dt.date, end: dt.date) -> QuerySet[CaseRead]:
    return reads(school).filter(read_at__date__gte=start, read_at__date__lte=end)
