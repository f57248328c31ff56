"""Writes of screening: campaigns and their states, answer sheets handed in (online, by one-time
link, or imported from paper), alerts raised and followed up.

Invariants:
- a campaign is prepared (draft), opened, then closed; only a draft is changed; answers are
  taken while it is open and inside its window (imports of paper sheets also once it closed);
- a sheet is handed in once: a second hand-in of the same student's campaign is refused, whether
  concurrent or later; a student outside the campaign's classes is refused;
- answers are sealed before they are stored; an invalid sheet keeps no scores and raises no
  alert; a graded sheet raises exactly one alert, due for an interview within the campaign's
  days for red and orange;
- an alert is followed up once, by a counselor, with its outcome; "a case was opened" needs the
  case.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.core.sealing import keyed_hash, keyed_hashes
from qingshan.counseling.enums import CampaignState, FollowUp, Grade
from qingshan.counseling.models import Alert, Campaign, Sheet
from qingshan.counseling.scoring import score
from qingshan.counseling.selectors.scales import key_of
from qingshan.counseling.selectors.screening import students_of
from qingshan.counseling.services.sealed import seal_text
from qingshan.organization.models import SchoolClass, Staff, Student

KEY_PURPOSE = "counseling screening link"


def _draft(campaign: Campaign) -> None:
    if campaign.state != CampaignState.DRAFT:
        raise DomainError(
            _("Only a campaign being prepared is changed; this one is %(state)s.")
            % {"state": campaign.get_state_display()},
            code="not_draft",
        )


def _set_classes(campaign: Campaign, classes: Iterable[SchoolClass]) -> None:
    classes = list(classes)
    if any(school_class.school_id != campaign.school_id for school_class in classes):
        raise field_error("classes", _("A class belongs to another school."), code="other_school")
    campaign.classes.set(classes)


@transaction.atomic
def create_campaign(
    *, school: School, values: dict[str, Any], classes: Iterable[SchoolClass] = ()
) -> Campaign:
    campaign = core_services.create_record(model=Campaign, school=school, values=values)
    _set_classes(campaign, classes)
    return campaign


@transaction.atomic
def update_campaign(
    *, campaign: Campaign, values: dict[str, Any], classes: Iterable[SchoolClass] | None = None
) -> Campaign:
    _draft(campaign)
    campaign = core_services.update_record(record=campaign, values=values)
    if classes is not None:
        _set_classes(campaign, classes)
    return campaign


@transaction.atomic
def open_campaign(*, campaign: Campaign) -> Campaign:
    _draft(campaign)
    if not campaign.scale.items.exists():
        raise DomainError(_("The scale has no items."), code="empty_scale")
    if campaign.scale.items.filter(text="").exists():
        raise DomainError(
            _("Some items of the scale have no text yet; type them in first."), code="no_text"
        )
    campaign.state = CampaignState.OPEN
    campaign.save(update_fields=["state", "updated_at"])
    return campaign


@transaction.atomic
def close_campaign(*, campaign: Campaign) -> Campaign:
    if campaign.state != CampaignState.OPEN:
        raise DomainError(_("Only an open campaign is closed."), code="not_open")
    campaign.state = CampaignState.CLOSED
    campaign.save(update_fields=["state", "updated_at"])
    Sheet.objects.filter(campaign=campaign, answered_at__isnull=True).update(
        key_hash="", link_expires_at=None
    )
    return campaign


def due_on(campaign: Campaign, grade: int, raised_on: dt.date) -> dt.date | None:
    days = {
        int(Grade.RED): campaign.red_interview_days,
        int(Grade.ORANGE): campaign.orange_interview_days,
    }
    return raised_on + dt.timedelta(days=days[grade]) if grade in days else None


def _check_taking(campaign: Campaign, answered_at: dt.datetime, imported: bool) -> None:
    day = timezone.localdate(answered_at)
    if campaign.state == CampaignState.DRAFT or (
        campaign.state == CampaignState.CLOSED and not imported
    ):
        raise DomainError(_("This campaign is not taking answers."), code="not_open")
    if not campaign.opens_on <= day <= campaign.closes_on:
        raise DomainError(
            _("Answers are taken from %(opens)s to %(closes)s.")
            % {"opens": campaign.opens_on, "closes": campaign.closes_on},
            code="outside_window",
        )


@transaction.atomic
def hand_in(
    *,
    campaign: Campaign,
    student: Student,
    answers: Mapping[int, int],
    consented: bool = True,
    imported: bool = False,
    answered_at: dt.datetime | None = None,
) -> Sheet:
    """Score and keep one student's answers; raise the alert its grade calls for."""
    answered_at = answered_at or timezone.now()
    _check_taking(campaign, answered_at, imported)
    if not consented:
        raise field_error(
            "consent", _("Say that you agree to answer before handing in."), code="consent"
        )
    if not students_of(campaign).filter(pk=student.pk).exists():
        raise DomainError(_("This campaign does not screen this student."), code="not_in_scope")
    scored = score(key_of(campaign.scale), answers)
    # Locked: two hand-ins of one student's sheet at once (two phones, a double tap) must not
    # both find it unanswered; the unique (campaign, student) catches two first sheets.
    sheet = Sheet.objects.select_for_update().filter(campaign=campaign, student=student).first()
    if sheet is not None and sheet.is_answered and sheet.valid:
        raise DomainError(_("This student's sheet is handed in already."), code="answered")
    if sheet is None:
        sheet = Sheet(school=campaign.school, campaign=campaign, student=student)
    sheet.answered_at = answered_at
    sheet.answers_sealed = seal_text(json.dumps({str(k): v for k, v in sorted(answers.items())}))
    sheet.valid = scored.valid
    sheet.scores = scored.scores
    sheet.grade = scored.grade
    sheet.entered = "import" if imported else "online"
    sheet.key_hash, sheet.link_expires_at = "", None
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError as error:
        raise DomainError(
            _("This student's sheet is handed in already."), code="answered"
        ) from error
    if scored.grade is not None:
        raised_on = timezone.localdate(answered_at)
        Alert.objects.create(
            school=campaign.school,
            sheet=sheet,
            student=student,
            grade=scored.grade,
            raised_on=raised_on,
            due_on=due_on(campaign, scored.grade, raised_on),
            counselor=campaign.counselor,
        )
    return sheet


@transaction.atomic
def issue_links(*, campaign: Campaign, students: Iterable[Student]) -> dict[int, str]:
    """One-time keys for students who answer without signing in; the raw keys are returned once
    (for the printed slips) and only their keyed hashes are kept. A new key replaces the old."""
    if campaign.state != CampaignState.OPEN:
        raise DomainError(_("Links are issued for an open campaign."), code="not_open")
    expires = timezone.make_aware(
        dt.datetime.combine(campaign.closes_on + dt.timedelta(days=1), dt.time.min)
    )
    in_scope = set(students_of(campaign).values_list("pk", flat=True))
    keys: dict[int, str] = {}
    for student in students:
        if student.pk not in in_scope:
            continue
        sheet, _made = Sheet.objects.select_for_update().get_or_create(
            campaign=campaign, student=student, defaults={"school": campaign.school}
        )
        if sheet.is_answered and sheet.valid:
            continue
        key = secrets.token_urlsafe(18)
        sheet.key_hash, sheet.link_expires_at = keyed_hash(KEY_PURPOSE, key), expires
        sheet.save(update_fields=["key_hash", "link_expires_at", "updated_at"])
        keys[student.pk] = key
    return keys


def sheet_for_key(key: str) -> Sheet | None:
    """The unanswered sheet a link's key opens, while it works."""
    if not key:
        return None
    return (
        Sheet.objects.select_related("campaign__scale", "student")
        .filter(
            key_hash__in=keyed_hashes(KEY_PURPOSE, key),
            link_expires_at__gt=timezone.now(),
        )
        .first()
    )


@transaction.atomic
def follow_up(*, alert: Alert, staff: Staff, outcome: str, on: dt.date, case: Any = None) -> Alert:
    """Record the interview after an alert (or that the student could not be reached)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if not alert.is_open:
        raise DomainError(_("This alert is followed up already."), code="followed_up")
    if outcome not in FollowUp.values:
        raise field_error("outcome", _("Choose what the interview found."), code="invalid")
    if outcome == FollowUp.CASE and case is None:
        raise field_error("outcome", _("Open the case first."), code="no_case")
    if case is not None and (
        case.student_id != alert.student_id or case.school_id != alert.school_id
    ):
        raise DomainError(_("The case is of another student."), code="other_student")
    if on < alert.raised_on or on > timezone.localdate():
        raise field_error(
            "interviewed_on",
            _("The interview is on or after the alert and not in the future."),
            code="bad_day",
        )
    alert.interviewed_on, alert.outcome, alert.followed_up_by = on, outcome, staff
    alert.save(update_fields=["interviewed_on", "outcome", "followed_up_by", "updated_at"])
    return alert
