"""Choices in a window the school opens (the "three permits"): a student asks for an offer, the
school assigns places or not, and an assignment becomes a roll change through
``services.changes`` (so its rule, window and approvals apply as to any other change).

Invariants: a student asks only while the window is open and while studying, for an offer of
that window in a class other than their own; one live request per student and window; an offer
never has more assignments than places (counted under the offer's lock).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student
from qingshan.students.enums import ChangeKind, ChoiceStatus
from qingshan.students.models import ChoiceOffer, ChoiceRequest, ChoiceWindow, RollChange
from qingshan.students.services import changes
from qingshan.students.services.paths import open_enrolment


def window_is_open(window: ChoiceWindow, day: dt.date) -> bool:
    return window.opens_on <= day <= window.closes_on


@transaction.atomic
def request_choice(
    *,
    window: ChoiceWindow,
    student: Student | None,
    offer: ChoiceOffer,
    reason: str,
    today: dt.date | None = None,
) -> ChoiceRequest:
    """A student asks for ``offer``. Raises ValidationError (DomainError for a rule), saving
    nothing."""
    today = today or timezone.localdate()
    if student is None or student.school_id != window.school_id:
        raise DomainError(
            _("Your login is not linked to a student of this school; ask the school's office."),
            code="no_student",
        )
    if not window_is_open(window, today):
        raise DomainError(
            _("This window is open from %(start)s to %(end)s.")
            % {"start": window.opens_on, "end": window.closes_on},
            code="window_closed",
        )
    if offer.window_id != window.pk:
        raise field_error("offer", _("Choose one of this window's offers."), code="offer")
    if student.status != StudentStatus.STUDYING:
        raise DomainError(_("Only a student who is studying may choose."), code="not_studying")
    current = open_enrolment(student)
    if current is not None and current.school_class_id == offer.school_class_id:
        raise field_error("offer", _("This is the class you are in already."), code="same_class")
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", _("Say why you choose it."), code="required")
    try:
        # the partial unique index refuses a second live request, even from two tabs at once
        with transaction.atomic():
            return ChoiceRequest.objects.create(
                school=window.school,
                window=window,
                student=student,
                offer=offer,
                reason=reason[:300],
                requested_on=today,
            )
    except IntegrityError:
        raise DomainError(
            _("You have a request in this window already; withdraw it to choose again."),
            code="one_request",
        ) from None


def _locked(request: ChoiceRequest) -> ChoiceRequest:
    # Locked so that a withdrawal and an assignment at once cannot both see it requested.
    locked = (
        ChoiceRequest.objects.select_for_update()
        .select_related("offer__school_class", "window", "student")
        .get(pk=request.pk)
    )
    if locked.status != ChoiceStatus.REQUESTED:
        raise DomainError(
            _("This request is %(status)s already.") % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked


@transaction.atomic
def withdraw_choice(*, request: ChoiceRequest) -> ChoiceRequest:
    request = _locked(request)
    request.status = ChoiceStatus.WITHDRAWN
    request.save()
    return request


@transaction.atomic
def assign_choice(
    *, request: ChoiceRequest, user: Any, today: dt.date | None = None
) -> ChoiceRequest:
    """Give the student a place: the roll change (a track transfer, else a change of major) is
    requested and approved by the school; where the bureau approves too it waits for its reply."""
    request = _locked(request)
    # Locked so that two assignments at once cannot both take the offer's last place.
    offer = ChoiceOffer.objects.select_for_update().get(pk=request.offer_id)
    taken = offer.requests.filter(status=ChoiceStatus.ASSIGNED).count()
    if taken >= offer.places:
        raise DomainError(
            _("All %(places)s places of this offer are given.") % {"places": offer.places},
            code="full",
        )
    current = open_enrolment(request.student)
    target = request.offer.school_class
    kind = (
        ChangeKind.TRACK if current is None or current.track != target.track else ChangeKind.MAJOR
    )
    change: RollChange = changes.request_change(
        student=request.student,
        values={
            "kind": kind,
            "effective_on": request.window.effective_on,
            "reason": request.reason,
            "to_class": target,
            "to_programme": request.offer.programme,
        },
        user=user,
        today=today,
    )
    change = changes.approve_change(change=change, user=user, today=today)
    request.status, request.change = ChoiceStatus.ASSIGNED, change
    request.decided_on = today or timezone.localdate()
    request.save()
    return request


@transaction.atomic
def decline_choice(*, request: ChoiceRequest, today: dt.date | None = None) -> ChoiceRequest:
    request = _locked(request)
    request.status = ChoiceStatus.NOT_ASSIGNED
    request.decided_on = today or timezone.localdate()
    request.save()
    return request


# --- the school's windows and offers (on the shared record pages) ----------------------------


@transaction.atomic
def create_window(
    *, school: Any, model: Any = ChoiceWindow, values: dict[str, Any]
) -> ChoiceWindow:
    return core_services.create_record(school=school, model=ChoiceWindow, values=values)


@transaction.atomic
def update_window(*, record: ChoiceWindow, values: dict[str, Any]) -> ChoiceWindow:
    return core_services.update_record(record=record, values=values)


def _offer_values(values: dict[str, Any]) -> dict[str, Any]:
    """An offer's track and major are its class's: they are never typed apart from it."""
    school_class = values.get("school_class")
    if school_class is None:
        return values
    return {**values, "track": school_class.track, "major": school_class.major}


@transaction.atomic
def create_offer(*, school: Any, model: Any = ChoiceOffer, values: dict[str, Any]) -> ChoiceOffer:
    return core_services.create_record(
        school=school, model=ChoiceOffer, values=_offer_values(values)
    )


@transaction.atomic
def update_offer(*, record: ChoiceOffer, values: dict[str, Any]) -> ChoiceOffer:
    return core_services.update_record(record=record, values=_offer_values(values))
