"""The case file under /api/v1/counseling/ (``counseling.cases``): the caller's cases and their
sessions.

Invariants:
- a case is reached only through ``selectors.cases.cases_of`` with the caller's staff record:
  a case that does not name the caller among its counselors is not found (404), for another
  counselor of the school as for anyone else;
- the list holds no note and unseals nothing; reading one case logs the read
  (``services.cases.log_read``, reason "counseling") before ``selectors.cases.opened`` unseals
  its notes; recording a session returns it without its notes.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages
from qingshan.core.api_rows import Shown
from qingshan.core.models import School
from qingshan.counseling.api.common import CASES, on_school_clock, school_of
from qingshan.counseling.enums import CaseState, ReadReason, SessionKind
from qingshan.counseling.models import Case, Session
from qingshan.counseling.selectors import cases as case_selectors
from qingshan.counseling.services import cases as case_services
from qingshan.organization.models import Staff
from qingshan.organization.selectors import staff_of_user

router = Router()


class CounselingCaseOut(Schema):
    """A case as the list shows it: no note, no referral, nothing of the protocol."""

    id: int
    number: str
    student_name: str
    state: str
    opened_on: dt.date
    closed_on: dt.date | None
    at_risk: bool


class CounselingStaffOut(Schema):
    id: int
    name: str


class CounselingSessionOut(Schema):
    id: int
    case_id: int
    kind: str
    starts_at: dt.datetime
    minutes: int
    attended: bool | None
    counselor_id: int
    counselor_name: str


class CounselingSessionNotesOut(CounselingSessionOut):
    notes: str


class CounselingReferralOut(Schema):
    id: int
    hospital: str
    referred_on: dt.date
    reason: str
    followed_up_on: dt.date | None
    follow_up: str
    returned_on: dt.date | None
    return_plan: str


class CounselingCrisisStepOut(Schema):
    id: int
    step: str
    done_at: dt.datetime
    done_by_id: int
    done_by_name: str
    note: str


class CounselingCaseDetailOut(CounselingCaseOut):
    student_id: int
    student_no: str
    class_name: str
    source: str
    alert_id: int | None
    retain_until: dt.date | None
    concern: str
    closure: str
    counselors: list[CounselingStaffOut]
    sessions: list[CounselingSessionNotesOut]  # oldest first
    referrals: list[CounselingReferralOut]
    crisis: list[CounselingCrisisStepOut]  # the protocol's steps, in the order done


class CounselingSessionIn(Schema):
    """An appointment (to come, or missed: ``attended`` false) or a session held; a time without
    an offset is the school's."""

    kind: SessionKind
    starts_at: dt.datetime
    minutes: int = 50
    attended: bool | None = None
    notes: str = ""


def _mine(request: HttpRequest, school: School) -> tuple[Staff | None, QuerySet[Case]]:
    """The caller's staff record and the cases that name it among their counselors."""
    staff = staff_of_user(school=school, user=request.user)
    return staff, case_selectors.cases_of(school, staff)


def _case_row(case: Case) -> dict[str, Any]:
    given = {"student_name": case.student.name}
    names = CounselingCaseOut.model_fields.keys() - given.keys()
    return {name: getattr(case, name) for name in names} | given


def _session_row(session: Session) -> dict[str, Any]:
    given = {"counselor_name": session.counselor.name}
    names = CounselingSessionOut.model_fields.keys() - given.keys()
    return {name: getattr(session, name) for name in names} | given


def _opened(case: Case) -> dict[str, Any]:
    """The case with its notes unsealed; called only after the read is logged."""
    opened = case_selectors.opened(case)
    return {
        **_case_row(case),
        "student_id": case.student_id,
        "student_no": case.student.student_no,
        "class_name": case.student.school_class.name,
        "source": case.source,
        "alert_id": case.alert_id,
        "retain_until": case.retain_until,
        "concern": opened.concern,
        "closure": opened.closure,
        "counselors": [{"id": staff.pk, "name": staff.name} for staff in opened.counselors],
        "sessions": [
            _session_row(item.session) | {"notes": item.notes} for item in opened.sessions
        ],
        "referrals": [
            {
                "id": item.referral.pk,
                "hospital": item.referral.hospital,
                "referred_on": item.referral.referred_on,
                "reason": item.reason,
                "followed_up_on": item.referral.followed_up_on,
                "follow_up": item.follow_up,
                "returned_on": item.referral.returned_on,
                "return_plan": item.return_plan,
            }
            for item in opened.referrals
        ],
        "crisis": [
            {
                "id": item.action.pk,
                "step": item.action.step,
                "done_at": item.action.done_at,
                "done_by_id": item.action.done_by_id,
                "done_by_name": item.action.done_by.name,
                "note": item.note,
            }
            for item in opened.crisis
        ],
    }


@router.get(
    "/cases/",
    response=list[CounselingCaseOut],
    url_name="counseling_case_list",
    operation_id="counseling_case_list",
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_counseling_cases(
    request: HttpRequest, school: str | None = None, state: CaseState | None = None
) -> Any:
    """The caller's cases, latest opened first; ``state`` narrows them to one state. No note is
    unsealed and no read is logged."""
    _staff, rows = _mine(request, school_of(request, CASES, school))
    if state is not None:
        rows = rows.filter(state=state.value)
    return Shown(rows.order_by("-opened_on", "number", "pk"), _case_row)


@router.get(
    "/cases/{int:pk}/",
    response=CounselingCaseDetailOut,
    url_name="counseling_case_detail",
    operation_id="counseling_case_read",
)
def read_counseling_case(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """One of the caller's cases with its notes, sessions, referrals and protocol steps; the
    read is logged first (404 for a case that does not name the caller)."""
    _staff, rows = _mine(request, school_of(request, CASES, school))
    case = get_object_or_404(rows, pk=pk)
    case_services.log_read(case=case, user=request.user, reason=ReadReason.COUNSELING)
    return _opened(case)


@router.post(
    "/cases/{int:pk}/sessions/",
    response={201: CounselingSessionOut},
    url_name="counseling_session_create",
    operation_id="counseling_session_create",
)
def record_counseling_session(
    request: HttpRequest, pk: int, payload: CounselingSessionIn, school: str | None = None
) -> Any:
    """Record an appointment or a session on one of the caller's cases, held by the caller
    (422 on a closed case, a session in the future, or minutes outside 5 to 240)."""
    staff, rows = _mine(request, school_of(request, CASES, school, write=True))
    case = get_object_or_404(rows, pk=pk)
    assert staff is not None  # a case of the caller's was found
    session = case_services.record_session(
        case=case,
        counselor=staff,
        kind=payload.kind.value,
        starts_at=on_school_clock(payload.starts_at),
        minutes=payload.minutes,
        attended=payload.attended,
        notes=payload.notes,
    )
    return Status(201, _session_row(session))
