"""Writes of mentoring pairs (结对 / 传帮带): an experienced member and one mentee.

Invariants (for pages, API and imports alike):
- a pair has exactly one mentee, of the kind the pair says: a young teacher (staff record), a
  student (student record) or an activist (recruit);
- the mentor is an active full member; mentor and mentee belong to one school, and a member does
  not mentor their own staff or student record;
- a mentor and a mentee have at most one open pair (outcome still ongoing);
- a log entry is dated within the pair's time (not before its start, not after its end);
- a pair is closed once, with an outcome other than ongoing, on or after its start and its
  last log entry.

Every function runs in one transaction; a refused write raises ``DomainError`` and changes
nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.organization.models import Staff, Student
from qingshan.party.enums import MemberStatus, MenteeKind, MentoringOutcome
from qingshan.party.models import Member, MentoringLog, MentoringPair, Recruit

MENTEE_FIELD: dict[str, str] = {
    MenteeKind.YOUNG_TEACHER: "mentee_staff",
    MenteeKind.STUDENT: "mentee_student",
    MenteeKind.ACTIVIST: "mentee_recruit",
}


def _full_clean(record: models.Model) -> None:
    try:
        record.full_clean()
    except DomainError:
        raise
    except ValidationError as error:
        raise DomainError(error) from error


@transaction.atomic
def start_pair(
    *,
    mentor: Member,
    kind: str,
    start_on: dt.date,
    mentee_staff: Staff | None = None,
    mentee_student: Student | None = None,
    mentee_recruit: Recruit | None = None,
    goal: str = "",
) -> MentoringPair:
    """Pair ``mentor`` with one mentee from ``start_on``; see the module invariants."""
    given = {
        "mentee_staff": mentee_staff,
        "mentee_student": mentee_student,
        "mentee_recruit": mentee_recruit,
    }
    named = [(field, mentee) for field, mentee in given.items() if mentee is not None]
    if len(named) != 1:
        raise DomainError(
            _("Name exactly one mentee: a young teacher, a student or an activist."),
            code="one_mentee",
        )
    field, mentee = named[0]
    if kind not in MENTEE_FIELD:
        raise DomainError(
            _("%(kind)s is not a kind of pairing.") % {"kind": kind}, code="invalid_kind"
        )
    if MENTEE_FIELD[kind] != field:
        raise DomainError(
            _("A pairing with a %(kind)s takes a %(kind)s as mentee.")
            % {"kind": MenteeKind(kind).label},
            code="kind_mismatch",
        )
    if mentee.school_id != mentor.school_id:
        raise DomainError(
            _("%(mentor)s and %(mentee)s belong to different schools.")
            % {"mentor": mentor, "mentee": mentee},
            code="other_school",
        )
    if mentor.status != MemberStatus.FULL or mentor.is_archived:
        raise DomainError(
            _("%(member)s is not an active full member and cannot be a mentor.")
            % {"member": mentor},
            code="mentor_not_full",
        )
    if (mentee_staff is not None and mentor.staff_id == mentee_staff.pk) or (
        mentee_student is not None and mentor.student_id == mentee_student.pk
    ):
        raise DomainError(_("A member cannot mentor themselves."), code="self_mentoring")
    open_pair = MentoringPair.objects.filter(
        school_id=mentor.school_id,
        mentor=mentor,
        outcome=MentoringOutcome.ONGOING,
        **{field: mentee},
    )
    if open_pair.exists():
        raise DomainError(
            _("%(mentor)s already mentors %(mentee)s in an open pairing.")
            % {"mentor": mentor, "mentee": mentee},
            code="pair_open",
        )
    pair = MentoringPair(
        school_id=mentor.school_id,
        mentor=mentor,
        kind=kind,
        start_on=start_on,
        goal=goal,
        **{field: mentee},
    )
    _full_clean(pair)
    pair.save()
    return pair


@transaction.atomic
def log_mentoring(*, pair: MentoringPair, date: dt.date, note: str) -> MentoringLog:
    """Log what was done on ``date``, within the pair's time."""
    if date < pair.start_on:
        raise DomainError(
            _("A log entry cannot be dated before the pairing started (%(start)s).")
            % {"start": pair.start_on},
            code="before_start",
        )
    if pair.end_on is not None and date > pair.end_on:
        raise DomainError(
            _("A log entry cannot be dated after the pairing ended (%(end)s).")
            % {"end": pair.end_on},
            code="after_end",
        )
    if not note.strip():
        raise DomainError(_("Say what was done."), code="empty_note")
    log = MentoringLog(school_id=pair.school_id, pair=pair, date=date, note=note)
    _full_clean(log)
    log.save()
    return log


@transaction.atomic
def close_pair(*, pair: MentoringPair, end_on: dt.date, outcome: str) -> MentoringPair:
    """End the pair on ``end_on`` with ``outcome`` (not ongoing)."""
    if pair.outcome != MentoringOutcome.ONGOING or pair.end_on is not None:
        raise DomainError(_("This pairing is closed already."), code="closed")
    if outcome not in MentoringOutcome.values or outcome == MentoringOutcome.ONGOING:
        raise DomainError(
            _("Choose how the pairing ended; ongoing is not an outcome."), code="invalid_outcome"
        )
    if end_on < pair.start_on:
        raise DomainError(_("A pairing cannot end before it starts."), code="end_before_start")
    last_log = pair.logs.order_by("-date").values_list("date", flat=True).first()
    if last_log is not None and last_log > end_on:
        raise DomainError(
            _("The log has an entry of %(date)s, after this end date.") % {"date": last_log},
            code="log_after_end",
        )
    pair.end_on = end_on
    pair.outcome = outcome
    _full_clean(pair)
    pair.save(update_fields=["end_on", "outcome", "updated_at"])
    return pair
