"""Timesheets: the days a student logs and the weekly journal (周志), the unit supervisor's
confirmation through a one-time link, and the school supervisor's review.

Invariants:
- a day's minutes run from its start to its end, past midnight when the end is not later than
  the start, less the break; night work is any minute in the rule set's night (22:00 to 06:00
  under the 2021 rules: a day ending at 22:00 is not night work); more than the rule set's hours
  in a day is overtime; Saturday and Sunday are rest days;
- a day lies within its placement (from its start to its end or the day it was ended) and not
  in the future; a confirmed week is not changed;
- after a day is logged the placement's working-time finding is what the days show;
- a link's raw key is returned once and stored only as a keyed hash; a new link replaces the
  old; a week is confirmed once, late or not, and only before its link expires.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.core.sealing import keyed_hash, keyed_hashes
from qingshan.internships.enums import Criterion
from qingshan.internships.models import Day, Placement, Week
from qingshan.internships.rulesets import RuleSet, ruleset_of
from qingshan.internships.services import checks

KEY_PURPOSE = "internship week confirmation"
LINK_DAYS = 21
DAY = 24 * 60


@dataclass(frozen=True)
class Worked:
    minutes: int
    night: bool
    overtime: bool
    rest_day: bool


def _minute(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def worked(
    day: dt.date, starts_at: dt.time, ends_at: dt.time, break_minutes: int, rules: RuleSet
) -> Worked:
    """The arithmetic of one logged day (see the module's invariants)."""
    start, end = _minute(starts_at), _minute(ends_at)
    if end == start:
        raise field_error(
            "ends_at", _("A day ends at another time than it starts."), code="same_time"
        )
    if end < start:
        end += DAY
    if break_minutes >= end - start:
        raise field_error(
            "break_minutes", _("The break is shorter than the day."), code="break_too_long"
        )
    night_from, night_until = _minute(rules.night_from), _minute(rules.night_until)
    windows = [(base + night_from, base + DAY + night_until) for base in (-DAY, 0, DAY)]
    night = any(min(end, last) > max(start, first) for first, last in windows)
    minutes = end - start - break_minutes
    return Worked(minutes, night, minutes > rules.day_hours * 60, day.weekday() >= 5)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _last_day(placement: Placement) -> dt.date:
    return min(placement.ends_on, placement.ended_on or placement.ends_on)


def _open_week(week: Week) -> None:
    if week.is_confirmed:
        raise DomainError(
            _("This week was confirmed by the unit supervisor; it is not changed any more."),
            code="confirmed",
        )


@transaction.atomic
def week_of(*, placement: Placement, day: dt.date) -> Week:
    """The placement's week holding ``day``, made if it is not there yet."""
    week, _made = Week.objects.get_or_create(
        placement=placement, week_start=monday(day), defaults={"school_id": placement.school_id}
    )
    return week


@transaction.atomic
def log_day(*, placement: Placement, values: dict[str, Any], today: dt.date | None = None) -> Day:
    """Log (or correct) one day of the student's internship."""
    today = today or timezone.localdate()
    day = values.get("day")
    if day is None:
        raise field_error("day", _("Say which day."), code="required")
    if day > today:
        raise field_error("day", _("A day is logged once it has been worked."), code="future")
    if not placement.starts_on <= day <= _last_day(placement):
        raise field_error("day", _("This day is outside the placement."), code="outside")
    # Locked: the student's two phones saving one week at once must not both pass the check that
    # the week is not confirmed yet.
    week = Week.objects.select_for_update().get(pk=week_of(placement=placement, day=day).pk)
    _open_week(week)
    done = worked(
        day,
        values["starts_at"],
        values["ends_at"],
        values.get("break_minutes") or 0,
        ruleset_of(placement),
    )
    record = Day.objects.filter(week=week, day=day).first() or Day(
        school_id=placement.school_id, week=week, day=day
    )
    record.starts_at, record.ends_at = values["starts_at"], values["ends_at"]
    record.break_minutes = values.get("break_minutes") or 0
    record.note = values.get("note", "")
    record.minutes, record.night, record.overtime, record.rest_day = (
        done.minutes,
        done.night,
        done.overtime,
        done.rest_day,
    )
    core_services.validate_record(record)
    record.save()
    checks.recheck(placement)
    return record


@transaction.atomic
def hand_in_week(*, week: Week, journal: str) -> Week:
    """The student's journal for the week, handed in (again, until it is confirmed)."""
    week = Week.objects.select_for_update().get(pk=week.pk)
    _open_week(week)
    if not journal.strip():
        raise field_error("journal", _("Write the week's journal."), code="required")
    week.journal = journal.strip()
    week.submitted_at = timezone.now()
    week.save(update_fields=["journal", "submitted_at", "updated_at"])
    return week


@transaction.atomic
def issue_link(*, week: Week) -> str:
    """A new one-time key for the unit supervisor to confirm ``week`` (shown once)."""
    week = Week.objects.select_for_update().get(pk=week.pk)
    _open_week(week)
    key = secrets.token_urlsafe(16)
    week.key_hash = keyed_hash(KEY_PURPOSE, key)
    week.link_expires_at = timezone.now() + dt.timedelta(days=LINK_DAYS)
    week.save(update_fields=["key_hash", "link_expires_at", "updated_at"])
    return key


def week_for_key(key: str) -> Week | None:
    """The week a link's key opens, confirmed or not, expired or not; None if none."""
    if not key:
        return None
    return (
        Week.objects.select_related("placement__student", "placement__unit", "school")
        .filter(key_hash__in=keyed_hashes(KEY_PURPOSE, key))
        .first()
    )


def link_refusal(week: Week | None) -> str | None:
    """Why a link cannot confirm now, in the supervisor's words; None if it can."""
    if week is None:
        return _("This link is not valid. Ask the school for a new one.")
    if week.is_confirmed:
        return _("This week was confirmed already. Thank you.")
    if week.link_expires_at is None or week.link_expires_at <= timezone.now():
        return _("This link has expired. Ask the school for a new one.")
    return None


@transaction.atomic
def confirm_week(
    *, week_id: int, key_hash: str, confirmed_by: str, ratings: dict[str, int | None], comment: str
) -> Week:
    """The unit supervisor confirms the week, once, with the week's ratings."""
    # Locked: the same link submitted twice at once confirms once.
    week = Week.objects.select_for_update().filter(pk=week_id, key_hash=key_hash).first()
    refusal = link_refusal(week)
    if refusal is not None or week is None:
        raise DomainError(refusal or "", code="link_refused")
    if not confirmed_by.strip():
        raise field_error("confirmed_by", _("Give your name."), code="required")
    for criterion in Criterion.values:
        setattr(week, criterion, ratings.get(criterion))
    week.confirmed_by = confirmed_by.strip()[:40]
    week.supervisor_comment = comment.strip()
    week.confirmed_at = timezone.now()
    core_services.validate_record(week)
    week.save()
    return week


@transaction.atomic
def review_journal(*, week: Week, reviewer: Any, comment: str, on: dt.date | None = None) -> Week:
    """The school supervisor has read the week's journal."""
    week = Week.objects.select_for_update().get(pk=week.pk)
    if not week.journal:
        raise DomainError(
            _("The student has not handed in this week's journal yet."), code="no_journal"
        )
    if reviewer is None or reviewer.school_id != week.school_id:
        raise DomainError(_("Only a teacher of the school reviews a journal."), code="not_staff")
    week.reviewed_on, week.reviewed_by, week.review_comment = (
        on or timezone.localdate(),
        reviewer,
        comment.strip(),
    )
    week.save(update_fields=["reviewed_on", "reviewed_by", "review_comment", "updated_at"])
    return week
