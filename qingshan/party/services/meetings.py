"""Writes of 三会一课 and the weekly political study: meetings and their attendance lists.

Invariants (for pages, API and imports alike):
- a meeting, its party group, its moderator and everyone on its attendance list belong to the
  school of the meeting's branch;
- a party group meeting names a party group of the meeting's branch; other kinds name none;
- the moderator, when named, is an active member (probationary or full) of the school;
- a meeting lasts more than 0 and at most 12 hours;
- a political study records its content and its moderator (the "four fixes": fixed time,
  content, moderator, attendance — the time is its date, the list is set by ``set_attendance``);
- votes are recorded only with the motion voted on, none is negative, and once the meeting has
  an attendance list, yes + no + abstentions do not exceed the members present;
- an archived meeting is not changed.

Every function runs in one transaction; a refused write raises ``DomainError`` and changes
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.party.enums import (
    ACTIVE_MEMBER_STATUSES,
    AbsenceReason,
    AttendanceStatus,
    MeetingKind,
)
from qingshan.party.models import Attendance, Branch, Meeting, Member, PartyGroup
from qingshan.party.selectors.meetings import roll

MAX_HOURS = Decimal("12")


class MeetingChanges(TypedDict, total=False):
    """The fields ``update_meeting`` may change (the branch of a meeting never changes)."""

    kind: str
    date: dt.date
    topic: str
    group: PartyGroup | None
    start_time: dt.time | None
    hours: Decimal
    content: str
    moderator: Member | None
    location: str
    minutes: str
    motion: str
    yes_votes: int | None
    no_votes: int | None
    abstentions: int | None
    attachment: File | bool | None


def _set_attachment(meeting: Meeting, attachment: File | bool | None) -> None:
    """Like a model form: None keeps the file, False (a cleared file input) removes it."""
    if attachment is not None:
        Meeting._meta.get_field("attachment").save_form_data(meeting, attachment)


def _full_clean(record: models.Model) -> None:
    """``full_clean`` whose field and constraint errors surface as a ``DomainError``."""
    try:
        record.full_clean()
    except DomainError:
        raise
    except ValidationError as error:
        raise DomainError(error) from error


def _refuse_other_school(record: models.Model, school_id: int) -> None:
    if getattr(record, "school_id", None) != school_id:
        raise DomainError(
            _("%(value)s belongs to another school.") % {"value": record}, code="other_school"
        )


def _vote_total(meeting: Meeting) -> int:
    return sum(v or 0 for v in (meeting.yes_votes, meeting.no_votes, meeting.abstentions))


def _check_votes_within_present(meeting: Meeting, *, listed: int, present: int) -> None:
    """Votes cannot exceed the members present, once there is an attendance list."""
    total = _vote_total(meeting)
    if listed and total > present:
        raise DomainError(
            _("The votes (%(votes)s) are more than the members present (%(present)s).")
            % {"votes": total, "present": present},
            code="votes_exceed_present",
        )


def _check_meeting(meeting: Meeting) -> None:
    """Refuse a meeting that breaks a rule of the branch's meetings (DomainError names it)."""
    school_id = meeting.branch.school_id
    if meeting.school_id != school_id:
        raise DomainError(_("A meeting belongs to the school of its branch."), code="other_school")
    _check_group(meeting)
    _check_moderator(meeting)
    hours = meeting.hours
    if hours is None or not Decimal(0) < Decimal(hours) <= MAX_HOURS:
        raise DomainError(
            _("A meeting lasts more than 0 and at most %(max)s hours.") % {"max": MAX_HOURS},
            code="hours_out_of_range",
        )
    if meeting.kind == MeetingKind.POLITICAL_STUDY:
        if not meeting.content.strip():
            raise DomainError(
                _("A political study records the content studied."), code="study_content"
            )
        if meeting.moderator is None:
            raise DomainError(_("A political study names its moderator."), code="study_moderator")
    _check_votes(meeting)
    _full_clean(meeting)


def _check_group(meeting: Meeting) -> None:
    """A party group meeting names a group of the meeting's branch; no other meeting names one."""
    group, branch = meeting.group, meeting.branch
    if meeting.kind != MeetingKind.GROUP_MEETING:
        if group is not None:
            raise DomainError(
                _("Only a party group meeting names a party group."), code="group_not_allowed"
            )
        return
    if group is None:
        raise DomainError(
            _("A party group meeting names the party group that met."), code="group_required"
        )
    _refuse_other_school(group, branch.school_id)
    if group.branch_id != branch.pk:
        raise DomainError(
            _("%(group)s is not a party group of %(branch)s.") % {"group": group, "branch": branch},
            code="group_of_other_branch",
        )


def _check_moderator(meeting: Meeting) -> None:
    moderator = meeting.moderator
    if moderator is None:
        return
    _refuse_other_school(moderator, meeting.branch.school_id)
    if moderator.status not in ACTIVE_MEMBER_STATUSES or moderator.is_archived:
        raise DomainError(
            _("%(member)s is not an active member and cannot moderate a meeting.")
            % {"member": moderator},
            code="moderator_inactive",
        )


def _check_votes(meeting: Meeting) -> None:
    votes = (meeting.yes_votes, meeting.no_votes, meeting.abstentions)
    if any(v is not None for v in votes) and not meeting.motion.strip():
        raise DomainError(
            _("Votes are recorded only together with the motion voted on."),
            code="votes_without_motion",
        )
    if any(v is not None and v < 0 for v in votes):
        raise DomainError(_("A number of votes cannot be negative."), code="negative_votes")


@transaction.atomic
def record_meeting(
    *,
    branch: Branch,
    kind: str,
    date: dt.date,
    topic: str,
    group: PartyGroup | None = None,
    start_time: dt.time | None = None,
    hours: Decimal = Decimal("1"),
    content: str = "",
    moderator: Member | None = None,
    location: str = "",
    minutes: str = "",
    motion: str = "",
    yes_votes: int | None = None,
    no_votes: int | None = None,
    abstentions: int | None = None,
    attachment: File | bool | None = None,
) -> Meeting:
    """Record a meeting of ``branch`` (or of one of its party groups). See the module invariants.

    ``attachment``: the minutes' scan or photos, as uploaded (optional).
    A new meeting has no attendance list yet, so its votes are checked against the members
    present when ``set_attendance`` is called.
    """
    meeting = Meeting(
        school=branch.school,
        branch=branch,
        kind=kind,
        date=date,
        topic=topic,
        group=group,
        start_time=start_time,
        hours=hours,
        content=content,
        moderator=moderator,
        location=location,
        minutes=minutes,
        motion=motion,
        yes_votes=yes_votes,
        no_votes=no_votes,
        abstentions=abstentions,
    )
    _set_attachment(meeting, attachment)
    _check_meeting(meeting)
    meeting.save()
    return meeting


@transaction.atomic
def update_meeting(*, meeting: Meeting, **changes: Unpack[MeetingChanges]) -> Meeting:
    """Change the given fields of ``meeting``; the others keep their values.

    Raises ``TypeError`` for a field that cannot be changed (the branch, or an unknown name).
    """
    unknown = set(changes) - set(MeetingChanges.__annotations__)
    if unknown:
        raise TypeError(f"update_meeting() cannot change {', '.join(sorted(unknown))}")
    if meeting.is_archived:
        raise DomainError(
            _("An archived meeting cannot be changed; restore it first."), code="archived"
        )
    attachment = changes.pop("attachment", None)
    for name, value in changes.items():
        setattr(meeting, name, value)
    _set_attachment(meeting, attachment)
    _check_meeting(meeting)
    counts = Attendance.objects.filter(meeting=meeting).aggregate(
        listed=models.Count("pk"),
        present=models.Count("pk", filter=models.Q(status=AttendanceStatus.PRESENT)),
    )
    _check_votes_within_present(meeting, listed=counts["listed"], present=counts["present"])
    meeting.save()
    return meeting


@transaction.atomic
def set_attendance(*, meeting: Meeting, statuses: Mapping[Member, str]) -> None:
    """Replace the attendance list of ``meeting`` by ``statuses`` (member → attendance status).

    Members left out are taken off the list. Every member must be of the meeting's school, every
    status one of present, excused, absent; the votes recorded may not exceed those present.
    Only rows that change are written, so the audit log shows what changed. A member marked
    present loses any reason for absence; otherwise the reason recorded is kept.
    """
    _refuse_archived(meeting)
    allowed = set(AttendanceStatus.values)
    for member, status in statuses.items():
        _refuse_other_school(member, meeting.school_id)
        if status not in allowed:
            raise DomainError(
                _("%(status)s is not an attendance status.") % {"status": status},
                code="invalid_status",
            )
    present = sum(1 for status in statuses.values() if status == AttendanceStatus.PRESENT)
    _check_votes_within_present(meeting, listed=len(statuses), present=present)
    _write_attendance(
        meeting,
        {member.pk: (member, status, None) for member, status in statuses.items()},
        drop_others=True,
    )


@transaction.atomic
def take_roll_call(*, meeting: Meeting, absences: Mapping[Member, str]) -> None:
    """Mark every active member of the school present at ``meeting`` but those in ``absences``
    (member → reason): with a reason (on leave, sick, away on duty) the member is excused, with
    "" absent without a reason. One call, one transaction; all or nothing.

    Refused when the meeting is archived, an absentee is not an active member of the meeting's
    school, a reason is not one of the reasons, or the votes recorded exceed those present.
    Members on the list who are no longer active (a list of an earlier year) keep their rows.
    """
    _refuse_archived(meeting)
    roster = {member.pk: member for member in roll(meeting.school)}
    for member, reason in absences.items():
        _refuse_other_school(member, meeting.school_id)
        if member.pk not in roster:
            raise DomainError(
                _("%(name)s is not an active member of the branch.") % {"name": member.name},
                code="not_on_roster",
            )
        if reason and reason not in AbsenceReason.values:
            raise DomainError(
                _("“%(reason)s” is not a reason for absence: on leave, sick or away on duty.")
                % {"reason": reason},
                code="invalid_reason",
            )
    reasons = {member.pk: reason for member, reason in absences.items()}
    wanted: dict[int, tuple[Member, str, str | None]] = {}
    for pk, member in roster.items():
        if pk not in reasons:
            wanted[pk] = (member, AttendanceStatus.PRESENT, "")
        elif reasons[pk]:
            wanted[pk] = (member, AttendanceStatus.EXCUSED, reasons[pk])
        else:
            wanted[pk] = (member, AttendanceStatus.ABSENT, "")
    kept = Attendance.objects.filter(meeting=meeting).exclude(member_id__in=roster)
    listed = len(wanted) + kept.count()
    present = len(roster) - len(reasons) + kept.filter(status=AttendanceStatus.PRESENT).count()
    _check_votes_within_present(meeting, listed=listed, present=present)
    _write_attendance(meeting, wanted, drop_others=False)


def _refuse_archived(meeting: Meeting) -> None:
    if meeting.is_archived:
        raise DomainError(
            _("An archived meeting cannot be changed; restore it first."), code="archived"
        )


def _write_attendance(
    meeting: Meeting,
    wanted: dict[int, tuple[Member, str, str | None]],
    *,
    drop_others: bool,
) -> None:
    """Bring the meeting's rows to ``wanted`` (member id → member, status, reason; a reason of
    ``None`` keeps the one recorded unless the member is present), writing only the rows that
    change (each save is audited)."""
    wanted = dict(wanted)
    for row in Attendance.objects.filter(meeting=meeting):
        if row.member_id not in wanted:
            if drop_others:
                row.delete()
            continue
        _member, status, reason = wanted.pop(row.member_id)
        if reason is None:
            reason = "" if status == AttendanceStatus.PRESENT else row.absence_reason
        if (row.status, row.absence_reason) != (status, reason):
            row.status, row.absence_reason = status, reason
            row.save(update_fields=["status", "absence_reason", "updated_at"])
    for member, status, reason in wanted.values():
        Attendance.objects.create(
            school_id=meeting.school_id,
            meeting=meeting,
            member=member,
            status=status,
            absence_reason=reason or "",
        )
