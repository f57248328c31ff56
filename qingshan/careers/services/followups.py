"""Follow-ups of graduates: scheduled at the school's points, asked by phone or through a one-time
link the graduate opens on a phone, and their answers made the graduate's destination.

Invariants:
- one follow-up per destination and point; scheduling again adds only the missing ones;
- a link's raw key is returned once and stored only as a keyed hash (``core.sealing``); issuing
  a new link replaces the old one; a link answers once and not after it expires;
- an answer (by phone or link) updates the destination in the same transaction, so the figures
  read the graduate's latest known destination; consent to the alumni list given in an answer
  is recorded in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.careers.enums import FollowUpMethod
from qingshan.careers.models import Destination, FollowUp, FollowUpPoint
from qingshan.careers.services.alumni import give_consent
from qingshan.careers.services.destinations import apply_answer, check_fields
from qingshan.core import services as core_services
from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.sealing import keyed_hash, keyed_hashes

KEY_PURPOSE = "graduate follow-up"
DEFAULT_LINK_DAYS = 30


def due_on(graduated_on: dt.date, months: int) -> dt.date:
    return add_months(graduated_on, months)


@transaction.atomic
def schedule_follow_ups(*, school: School) -> int:
    """Add the follow-ups missing at the school's points for every destination; how many."""
    points = list(
        FollowUpPoint.objects.for_school(school).active().values_list("months", flat=True)
    )
    have = set(FollowUp.objects.for_school(school).values_list("destination_id", "months"))
    new = [
        FollowUp(
            school=school,
            destination_id=destination_id,
            months=months,
            due_on=due_on(graduated_on, months),
            method=FollowUpMethod.PHONE,
        )
        for destination_id, graduated_on in Destination.objects.for_school(school)
        .active()
        .values_list("pk", "graduated_on")
        for months in points
        if (destination_id, months) not in have
    ]
    FollowUp.objects.bulk_create(new, batch_size=1000)
    return len(new)


def _answer(follow_up: FollowUp, values: dict[str, Any], answered_on: dt.date) -> Destination:
    if follow_up.is_answered:
        raise DomainError(
            _("This follow-up was answered on %(day)s already.") % {"day": follow_up.answered_on},
            code="answered_already",
        )
    for name, value in values.items():
        setattr(follow_up, name, value)
    follow_up.answered_on = answered_on
    if not follow_up.kind:
        raise DomainError(_("Say where the graduate is now."), code="kind_missing")
    core_services.validate_record(follow_up, [check_fields])
    follow_up.save()
    return apply_answer(follow_up=follow_up)


@transaction.atomic
def record_phone_answer(
    *, follow_up: FollowUp, values: dict[str, Any], answered_on: dt.date | None = None
) -> FollowUp:
    """What the graduate said on the phone; it becomes their destination."""
    # Locked: a link answered at the same moment must not be answered twice.
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    follow_up.method = FollowUpMethod.PHONE
    _answer(follow_up, values, answered_on or timezone.localdate())
    return follow_up


@transaction.atomic
def issue_link(*, follow_up: FollowUp) -> str:
    """A new one-time link key for ``follow_up`` (shown once, replacing any earlier link)."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.is_answered:
        raise DomainError(
            _("This follow-up was answered on %(day)s already.") % {"day": follow_up.answered_on},
            code="answered_already",
        )
    point = (
        FollowUpPoint.objects.for_school(follow_up.school)
        .active()
        .filter(months=follow_up.months)
        .first()
    )
    days = point.link_days if point else DEFAULT_LINK_DAYS
    key = secrets.token_urlsafe(16)
    follow_up.key_hash = keyed_hash(KEY_PURPOSE, key)
    follow_up.link_expires_at = timezone.now() + dt.timedelta(days=days)
    follow_up.method = FollowUpMethod.LINK
    follow_up.save(update_fields=["key_hash", "link_expires_at", "method", "updated_at"])
    return key


def follow_up_for_key(key: str) -> FollowUp | None:
    """The follow-up a link's key opens, answered or not, expired or not; None if none."""
    return (
        FollowUp.objects.select_related("destination__student", "school")
        .filter(key_hash__in=keyed_hashes(KEY_PURPOSE, key))
        .first()
    )


def link_refusal(follow_up: FollowUp | None) -> str | None:
    """Why a link cannot be answered now, in the graduate's words; None if it can."""
    if follow_up is None:
        return _("This link is not valid. Ask the school for a new one.")
    if follow_up.is_answered:
        return _("This link has been used: your answer reached the school. Thank you.")
    if follow_up.link_expires_at is None or follow_up.link_expires_at <= timezone.now():
        return _("This link has expired. Ask the school for a new one.")
    return None


@transaction.atomic
def answer_by_link(*, key: str, values: dict[str, Any], consents: bool) -> FollowUp:
    """The graduate's own answer through the link: once, before the link expires."""
    found = follow_up_for_key(key)
    # Locked: the same link submitted twice at once is answered once.
    follow_up = FollowUp.objects.select_for_update().get(pk=found.pk) if found is not None else None
    refusal = link_refusal(follow_up)
    if refusal is not None or follow_up is None:
        raise DomainError(refusal or "", code="link_refused")
    follow_up.method = FollowUpMethod.LINK
    follow_up.consents_to_alumni_list = consents
    today = timezone.localdate()
    _answer(follow_up, values, today)
    if consents:
        give_consent(student=follow_up.destination.student, on=today)
    return follow_up
