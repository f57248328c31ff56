"""Follow-up of a person below the bar: open it, record what was done, close it with an outcome.

Invariants:
- a follow-up is opened only for a flagged target (its result shown and below the instrument's
  bar) of a campaign that is closed or later, with a deadline on or after the day the campaign
  closed (its last closing, which may come before its scheduled time), an owner who holds a
  role at the school, and no other open follow-up of the same kind;
- records are added to an open follow-up only, dated between the campaign's closing day and
  today, attachments checked by ``core.uploads.check_upload``;
- a follow-up is closed once, with an outcome, after at least one record, on a day between its
  last record and today; a closed follow-up takes no more records.
Every write is one transaction and raises ``DomainError`` with a translated message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.accounts.selectors import roles_at
from qingshan.core.errors import DomainError
from qingshan.core.services import validate_record
from qingshan.core.uploads import check_upload
from qingshan.evaluations.enums import CampaignStatus, FollowUpKind, FollowUpStatus
from qingshan.evaluations.models import (
    Campaign,
    CampaignTransition,
    FollowUp,
    FollowUpRecord,
    Target,
)
from qingshan.evaluations.selectors.results import target_result


def _closing_day(campaign: Campaign) -> dt.date:
    """The day the campaign was last closed (it may close before its closing time), else the day
    of its closing time."""
    closed_at = (
        CampaignTransition.objects.filter(campaign=campaign, to_status=CampaignStatus.CLOSED)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return timezone.localdate(closed_at or campaign.closes_at)


@transaction.atomic
def open_follow_up(
    *,
    target: Target,
    kind: str,
    owner: Any,
    deadline: dt.date,
    plan: str = "",
) -> FollowUp:
    """Open a follow-up of a flagged target (see the module's invariants)."""
    target = (
        Target.objects.select_for_update(of=("self",))
        .select_related("campaign__instrument", "school")
        .get(pk=target.pk)
    )
    campaign = target.campaign
    if kind not in FollowUpKind.values:
        raise DomainError(_("Choose the kind of follow-up."), code="kind")
    if campaign.status < CampaignStatus.CLOSED:
        raise DomainError(
            _("A follow-up is opened once the campaign is closed."), code="campaign_not_closed"
        )
    result = target_result(target=target)
    if not result.shown:
        raise DomainError(
            _(
                "%(name)s has too few responses for a result; a follow-up is only for "
                "someone flagged."
            )
            % {"name": target.label},
            code="not_shown",
        )
    if not result.flagged:
        raise DomainError(
            _(
                "%(name)s is not below the bar in this campaign; a follow-up is only for "
                "someone flagged."
            )
            % {"name": target.label},
            code="not_flagged",
        )
    closing_day = _closing_day(campaign)
    if deadline < closing_day:
        raise DomainError(
            _("The deadline cannot be before the campaign closed (%(day)s).")
            % {"day": closing_day.isoformat()},
            code="deadline",
        )
    if owner is None or not roles_at(owner, target.school):
        raise DomainError(
            _("The person responsible must hold a role at this school."), code="owner"
        )
    if FollowUp.objects.filter(target=target, kind=kind, status=FollowUpStatus.OPEN).exists():
        raise DomainError(
            _("%(name)s already has an open follow-up of this kind.") % {"name": target.label},
            code="duplicate",
        )
    follow_up = FollowUp(
        school=target.school,
        target=target,
        kind=kind,
        owner=owner,
        deadline=deadline,
        plan=plan.strip(),
    )
    validate_record(follow_up)
    follow_up.save()
    return follow_up


def _locked_open(follow_up: FollowUp) -> FollowUp:
    locked = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("target__campaign", "school")
        .get(pk=follow_up.pk)
    )
    if locked.status != FollowUpStatus.OPEN:
        raise DomainError(_("This follow-up is closed already."), code="closed")
    return locked


@transaction.atomic
def add_follow_up_record(
    *, follow_up: FollowUp, date: dt.date, note: str, attachment: Any = None
) -> FollowUpRecord:
    """Record what was done on ``date`` (see the module's invariants)."""
    locked = _locked_open(follow_up)
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Say what was done."), code="note")
    closing_day = _closing_day(locked.target.campaign)
    if date < closing_day or date > timezone.localdate():
        raise DomainError(
            _("A record is dated between the campaign's closing day (%(day)s) and today.")
            % {"day": closing_day.isoformat()},
            code="date",
        )
    try:
        check_upload(attachment)
    except ValidationError as error:
        raise DomainError(error.messages, code=error.code or "attachment") from error
    record = FollowUpRecord(
        school=locked.school,
        follow_up=locked,
        date=date,
        note=note,
        attachment=attachment or "",
    )
    validate_record(record)
    record.save()
    return record


@transaction.atomic
def close_follow_up(*, follow_up: FollowUp, outcome: str, closed_on: dt.date) -> FollowUp:
    """Close an open follow-up with its outcome (see the module's invariants)."""
    locked = _locked_open(follow_up)
    outcome = (outcome or "").strip()
    if not outcome:
        raise DomainError(_("Say what came of the follow-up."), code="outcome")
    last = locked.records.order_by("-date").values_list("date", flat=True).first()
    if last is None:
        raise DomainError(
            _("Record what was done at least once before closing the follow-up."),
            code="no_records",
        )
    if closed_on < last or closed_on > timezone.localdate():
        raise DomainError(
            _("A follow-up is closed between its last record (%(day)s) and today.")
            % {"day": last.isoformat()},
            code="closed_on",
        )
    locked.status = FollowUpStatus.CLOSED
    locked.outcome = outcome
    locked.closed_on = closed_on
    locked.save(update_fields=["status", "outcome", "closed_on", "updated_at"])
    follow_up.status, follow_up.outcome, follow_up.closed_on = (
        locked.status,
        locked.outcome,
        locked.closed_on,
    )
    return locked
