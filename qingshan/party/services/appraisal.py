"""Writes of the yearly democratic appraisal of members (民主评议党员).

Invariants (for pages, API and imports alike):
- one appraisal per school and year; it lists every member of the branch on 31 December of that
  year (admitted or transferred in by then, not departed by then), each marked whether still
  probationary that day;
- the status moves one step at a time: self-appraisal → mutual appraisal → vote → committee
  decision → closed; leaving the vote needs the votes of every entry (at least one vote each);
  closing happens only through ``decide_grades``;
- self-appraisals are written during self- and mutual appraisal, votes during the vote;
- at the decision every full member gets one of the four grades and probationary members none;
  at most one third (rounded down) of the graded members are excellent; basically qualified
  and unqualified need a follow-up.

Every function runs in one transaction and re-reads the appraisal's status under a row lock, so
a stale object cannot skip a step; a refused write raises ``DomainError`` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.party.enums import (
    AppraisalGrade,
    AppraisalStatus,
    MembershipEventKind,
    MemberStatus,
)
from qingshan.party.models import (
    AppraisalEntry,
    AppraisalRound,
    Branch,
    Member,
)
from qingshan.party.selectors.organisation import members_on

NEXT_STATUS: dict[int, int] = {
    AppraisalStatus.SELF_APPRAISAL: AppraisalStatus.MUTUAL_APPRAISAL,
    AppraisalStatus.MUTUAL_APPRAISAL: AppraisalStatus.VOTE,
    AppraisalStatus.VOTE: AppraisalStatus.DECISION,
}
DEPARTURES = (
    MembershipEventKind.TRANSFER_OUT,
    MembershipEventKind.DECEASED,
    MembershipEventKind.REVOKED,
    MembershipEventKind.LEFT,
)
NEEDS_FOLLOW_UP = (AppraisalGrade.BASICALLY_QUALIFIED, AppraisalGrade.UNQUALIFIED)


def _status_label(status: int) -> str:
    return str(AppraisalStatus(status).label)


def _names(entries: Iterable[AppraisalEntry]) -> str:
    return ", ".join(sorted(entry.member.name for entry in entries))


def _lock_status(round: AppraisalRound) -> None:
    """Re-read the status of ``round`` under a row lock into the given object."""
    round.status = (
        AppraisalRound.objects.select_for_update().values_list("status", flat=True).get(pk=round.pk)
    )


def _require_status(round: AppraisalRound, allowed: tuple[int, ...], message: str) -> None:
    """Refuse unless ``round`` is at one of ``allowed``; ``message`` takes ``%(status)s``."""
    if round.status not in allowed:
        raise DomainError(message % {"status": _status_label(round.status)}, code="wrong_step")


def _members_on(branch: Branch, day: dt.date) -> list[Member]:
    return list(members_on(schools=[branch.school_id], day=day).order_by("name", "pk"))


def _was_probationary(member: Member, day: dt.date) -> bool:
    if member.full_on is not None:
        return member.full_on > day
    return member.status in (MemberStatus.PROBATIONARY, MemberStatus.REVOKED)


@transaction.atomic
def open_appraisal(*, branch: Branch, year: int) -> AppraisalRound:
    """Open the appraisal of ``year`` with an entry for every member of the branch on 31 Dec."""
    if AppraisalRound.objects.for_school(branch.school).filter(year=year).exists():
        raise DomainError(
            _("The democratic appraisal of %(year)s has been opened already.") % {"year": year},
            code="appraisal_exists",
        )
    year_end = dt.date(year, 12, 31)
    round = AppraisalRound.objects.create(school=branch.school, branch=branch, year=year)
    for member in _members_on(branch, year_end):
        AppraisalEntry.objects.create(
            school=branch.school,
            round=round,
            member=member,
            was_probationary=_was_probationary(member, year_end),
        )
    return round


@transaction.atomic
def advance_appraisal(*, round: AppraisalRound) -> AppraisalRound:
    """Move the appraisal one step on; from the vote only once every entry has its votes."""
    _lock_status(round)
    if round.status == AppraisalStatus.DECISION:
        raise DomainError(
            _("The appraisal closes when the committee decides the grades."),
            code="close_by_decision",
        )
    if round.status not in NEXT_STATUS:
        raise DomainError(_("This appraisal is closed."), code="closed")
    if round.status == AppraisalStatus.VOTE:
        no_votes = list(
            round.entries.filter(
                votes_excellent=0,
                votes_qualified=0,
                votes_basically_qualified=0,
                votes_unqualified=0,
            ).select_related("member")
        )
        if no_votes:
            raise DomainError(
                _("Record the votes of every member first; missing: %(names)s.")
                % {"names": _names(no_votes)},
                code="votes_missing",
            )
    round.status = NEXT_STATUS[round.status]
    round.save(update_fields=["status", "updated_at"])
    return round


def _entry_in_round(entry: AppraisalEntry) -> AppraisalRound:
    round = entry.round
    _lock_status(round)
    return round


@transaction.atomic
def record_self_appraisal(*, entry: AppraisalEntry, text: str) -> AppraisalEntry:
    """Write the member's self-appraisal; possible during self- and mutual appraisal."""
    round = _entry_in_round(entry)
    _require_status(
        round,
        (AppraisalStatus.SELF_APPRAISAL, AppraisalStatus.MUTUAL_APPRAISAL),
        _(
            "A self-appraisal is written during the self-appraisal or the mutual appraisal; "
            "this appraisal is at the step: %(status)s."
        ),
    )
    if not text.strip():
        raise DomainError(_("The self-appraisal is empty."), code="empty")
    entry.self_appraisal = text
    entry.save(update_fields=["self_appraisal", "updated_at"])
    return entry


@transaction.atomic
def record_votes(
    *,
    entry: AppraisalEntry,
    excellent: int,
    qualified: int,
    basically_qualified: int,
    unqualified: int,
) -> AppraisalEntry:
    """Record the votes cast for one member; only during the vote; none negative, not all 0.

    A record of all zeros is refused: an entry without votes is how a missing record shows.
    """
    round = _entry_in_round(entry)
    _require_status(
        round,
        (AppraisalStatus.VOTE,),
        _("Votes are recorded during the vote; this appraisal is at the step: %(status)s."),
    )
    votes = (excellent, qualified, basically_qualified, unqualified)
    if any(v < 0 for v in votes):
        raise DomainError(_("A number of votes cannot be negative."), code="negative_votes")
    if not any(votes):
        raise DomainError(_("Record at least one vote."), code="no_votes")
    entry.votes_excellent = excellent
    entry.votes_qualified = qualified
    entry.votes_basically_qualified = basically_qualified
    entry.votes_unqualified = unqualified
    entry.save(
        update_fields=[
            "votes_excellent",
            "votes_qualified",
            "votes_basically_qualified",
            "votes_unqualified",
            "updated_at",
        ]
    )
    return entry


def excellent_limit(graded: int) -> int:
    """At most one third of the graded members may be excellent, rounded down."""
    return graded // 3


@transaction.atomic
def decide_grades(
    *,
    round: AppraisalRound,
    grades: Mapping[AppraisalEntry, str],
    follow_ups: Mapping[AppraisalEntry, str] | None = None,
    decided_on: dt.date,
) -> AppraisalRound:
    """The committee's decision: grade every full member, then close the appraisal.

    ``grades`` maps each non-probationary entry to a grade; a probationary entry gets none.
    ``follow_ups`` holds the follow-up of an entry (required for basically qualified and
    unqualified; kept for the others when given).
    """
    follow_ups = follow_ups or {}
    _lock_status(round)
    _require_status(
        round,
        (AppraisalStatus.DECISION,),
        _(
            "Grades are decided at the committee decision; this appraisal is at the step: "
            "%(status)s."
        ),
    )
    entries = {entry.pk: entry for entry in round.entries.select_related("member")}
    for given in (*grades, *follow_ups):
        if given.pk not in entries:
            raise DomainError(
                _("%(entry)s is not part of this appraisal.") % {"entry": given},
                code="other_round",
            )
    chosen = {entries[given.pk]: grade for given, grade in grades.items() if grade}
    notes = {entries[given.pk]: text.strip() for given, text in follow_ups.items()}

    invalid = sorted({grade for grade in chosen.values() if grade not in AppraisalGrade.values})
    if invalid:
        raise DomainError(
            _("%(grade)s is not a grade.") % {"grade": ", ".join(invalid)}, code="invalid_grade"
        )
    probationary_graded = [entry for entry in chosen if entry.was_probationary]
    if probationary_graded:
        raise DomainError(
            _("A probationary member gets no grade: %(names)s.")
            % {"names": _names(probationary_graded)},
            code="probationary_graded",
        )
    to_grade = [entry for entry in entries.values() if not entry.was_probationary]
    ungraded = [entry for entry in to_grade if entry not in chosen]
    if ungraded:
        raise DomainError(
            _("Give every full member a grade; missing: %(names)s.") % {"names": _names(ungraded)},
            code="grade_missing",
        )
    excellent = sum(1 for grade in chosen.values() if grade == AppraisalGrade.EXCELLENT)
    limit = excellent_limit(len(to_grade))
    if excellent > limit:
        raise DomainError(
            _(
                "At most one third of the graded members can be excellent: %(limit)s of "
                "%(graded)s, not %(excellent)s."
            )
            % {"limit": limit, "graded": len(to_grade), "excellent": excellent},
            code="too_many_excellent",
        )
    without_follow_up = [
        entry
        for entry, grade in chosen.items()
        if grade in NEEDS_FOLLOW_UP and not notes.get(entry)
    ]
    if without_follow_up:
        raise DomainError(
            _("Basically qualified and unqualified need a follow-up; missing: %(names)s.")
            % {"names": _names(without_follow_up)},
            code="follow_up_missing",
        )

    for entry in entries.values():
        grade = chosen.get(entry, "")
        follow_up = notes.get(entry, entry.follow_up)
        if (entry.grade, entry.follow_up) != (grade, follow_up):
            entry.grade, entry.follow_up = grade, follow_up
            entry.save(update_fields=["grade", "follow_up", "updated_at"])
    round.status = AppraisalStatus.CLOSED
    round.decided_on = decided_on
    round.save(update_fields=["status", "decided_on", "updated_at"])
    return round


@transaction.atomic
def record_self_appraisals(*, round: AppraisalRound, texts: Mapping[AppraisalEntry, str]) -> None:
    """Several members' self-appraisals at once: all saved, or none."""
    for entry, text in texts.items():
        if entry.round_id != round.pk:
            raise DomainError(_("This member is not in this appraisal."), code="other_round")
        record_self_appraisal(entry=entry, text=text)


@transaction.atomic
def record_round_votes(
    *, round: AppraisalRound, votes: Mapping[AppraisalEntry, Mapping[str, int]]
) -> None:
    """The vote counts of several members at once: all saved, or none."""
    for entry, counts in votes.items():
        if entry.round_id != round.pk:
            raise DomainError(_("This member is not in this appraisal."), code="other_round")
        record_votes(entry=entry, **counts)
