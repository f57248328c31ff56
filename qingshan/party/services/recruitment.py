"""Writes of recruitment (发展党员): the application, the 25 steps, cultivation records, events.

Invariants, for pages, the API and imports alike:
- every rule of ``recruitment_rules`` is checked before anything is written; a HARD breach is
  always refused, an OVERRIDABLE one (time limit, local practice) only without a justified
  exception — with one, the step is saved and ``exception_rule`` names the rules excepted;
- a refused write writes nothing (each function is one transaction and checks before writing);
- steps are recorded in order of number and date (``recruitment_rules.expected_steps``), only
  while the recruitment is in progress; each step keeps the key of the rule set of its date;
- the recruit's ``stage`` is the one reached by its last stage-changing step
  (``enums.STAGE_REACHED_BY_STEP``); a branch vote that does not pass leaves it unchanged and
  records a ``VOTE_FAILED`` event;
- step 17 creates the probationary ``Member``, step 24 makes it full, step 25 completes the
  recruitment; every change of the member's standing leaves a ``MembershipEvent``;
- every record written belongs to the recruit's school.

Each write locks the recruit's row first, so two writes about one recruit do not interleave; the
``recruit`` passed in is refreshed and reflects the write afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import validate_record
from qingshan.core.uploads import check_upload
from qingshan.organization.models import Staff, Student
from qingshan.party.enums import (
    STAGE_REACHED_BY_STEP,
    MembershipEventKind,
    MemberStatus,
    RecruitEventKind,
    RecruitStatus,
    Stage,
    Step,
)
from qingshan.party.models import (
    CultivationRecord,
    Member,
    MembershipEvent,
    Recruit,
    RecruitEvent,
    RecruitmentStep,
    StepDocument,
)
from qingshan.party.rulesets import RuleSet, ruleset_for
from qingshan.party.services import recruitment_rules as rules

__all__ = [
    "add_cultivation_record",
    "extend_probation",
    "record_public_notice",
    "record_step",
    "register_application",
    "revoke_candidacy",
    "withdraw",
]


def _lock(recruit: Recruit) -> list[RecruitmentStep]:
    """Lock the recruit's row, refresh ``recruit`` and return its recorded steps in order."""
    Recruit.objects.select_for_update().only("pk").get(pk=recruit.pk)
    recruit.refresh_from_db()
    return list(recruit.steps.order_by("step", "date", "pk"))


@transaction.atomic
def register_application(
    *,
    school: School,
    name: str,
    gender: str,
    birth_date: dt.date,
    applied_on: dt.date,
    category: str,
    staff: Staff | None = None,
    student: Student | None = None,
    is_league_member: bool = False,
) -> Recruit:
    """Register an application for membership: the recruit (an applicant) and its step 1.

    Hard rules: the applicant is at least 18 on ``applied_on``; the staff or student record (at
    most one) is of ``school``, has no recruitment in progress and no party member record.
    """
    ruleset = ruleset_for(applied_on)
    rules.enforce(
        rules.check_application(
            school=school,
            birth_date=birth_date,
            applied_on=applied_on,
            ruleset=ruleset,
            staff=staff,
            student=student,
        )
    )
    recruit = Recruit(
        school=school,
        name=name,
        gender=gender,
        birth_date=birth_date,
        category=category,
        staff=staff,
        student=student,
        is_league_member=is_league_member,
        stage=Stage.APPLICANT,
        status=RecruitStatus.ACTIVE,
    )
    validate_record(recruit)
    recruit.save()
    application = RecruitmentStep(
        school=school,
        recruit=recruit,
        step=Step.APPLICATION,
        date=applied_on,
        ruleset=ruleset.key,
    )
    validate_record(application)
    application.save()
    return recruit


@transaction.atomic
def record_step(
    *,
    recruit: Recruit,
    step: int,
    date: dt.date,
    end_date: dt.date | None = None,
    actors: Iterable[Member] = (),
    other_actors: str = "",
    meeting_reference: str = "",
    entitled_to_vote: int | None = None,
    attended: int | None = None,
    yes_votes: int | None = None,
    written_yes_votes: int | None = None,
    no_votes: int | None = None,
    abstentions: int | None = None,
    training_days: Decimal | int | None = None,
    training_hours: int | None = None,
    league_recommended: bool = False,
    special_circumstances: str = "",
    opinion: str = "",
    exception_reason: str = "",
) -> RecruitmentStep:
    """Record step ``step`` of ``recruit`` as it happened on ``date``, under the rules of that date.

    Refused (``DomainError`` naming the rule) when the recruitment is not in progress, the step
    is not one that may come next or is dated before the previous one, an actor is of another
    school, or a rule of the step is broken (see ``recruitment_rules``); an overridable rule may
    be excepted with ``exception_reason``. Effects: step 5 sets the cultivation contacts, step 9
    the sponsors; a branch vote that does not pass records a ``VOTE_FAILED`` event; step 17
    admits the probationary member, step 24 converts it, step 25 completes the recruitment.
    """
    steps = _lock(recruit)
    ruleset = ruleset_for(date)
    actor_list = list(actors)
    rules.enforce(rules.check_active(recruit))
    rules.enforce(
        [
            *rules.check_order(steps=steps, step=step, ruleset=ruleset),
            *rules.check_dates(steps=steps, date=date, end_date=end_date),
            *rules.check_actors_of_school(recruit, actor_list),
        ]
    )
    new = RecruitmentStep(
        school=recruit.school,
        recruit=recruit,
        step=step,
        date=date,
        end_date=end_date,
        ruleset=ruleset.key,
        other_actors=other_actors,
        meeting_reference=meeting_reference,
        entitled_to_vote=entitled_to_vote,
        attended=attended,
        yes_votes=yes_votes,
        written_yes_votes=written_yes_votes,
        no_votes=no_votes,
        abstentions=abstentions,
        training_days=None if training_days is None else Decimal(str(training_days)),
        training_hours=training_hours,
        league_recommended=league_recommended,
        special_circumstances=special_circumstances.strip(),
        opinion=opinion,
        exception_reason=exception_reason.strip(),
    )
    validate_record(new)
    context = rules.StepContext(
        recruit=recruit,
        new=new,
        ruleset=ruleset,
        branch=rules.branch_of(recruit.school),
        steps=steps,
        actors=actor_list,
    )
    new.exception_rule = rules.enforce(
        rules.check_step(context), exception_reason=new.exception_reason
    )
    new.save()
    new.actors.set(actor_list)
    _apply(recruit=recruit, new=new, steps=steps, actors=actor_list)
    return new


def _apply(
    *,
    recruit: Recruit,
    new: RecruitmentStep,
    steps: list[RecruitmentStep],
    actors: list[Member],
) -> None:
    """The effects of a step just saved on the recruit, its member record and its events."""
    if new.step == Step.CONTACTS_ASSIGNED:
        recruit.contacts.set(actors)
    elif new.step == Step.SPONSORS_CHOSEN:
        recruit.sponsors.set(actors)
    elif new.step in rules.VOTE_STEPS and not rules.vote_passed(new):
        summary = _(
            "%(yes)s yes votes (%(written)s in writing) of %(entitled)s full members entitled "
            "to vote; more than half are needed."
        ) % {
            "yes": new.total_yes_votes,
            "written": new.written_yes_votes or 0,
            "entitled": new.entitled_to_vote,
        }
        RecruitEvent.objects.create(
            school=recruit.school,
            recruit=recruit,
            kind=RecruitEventKind.VOTE_FAILED,
            date=new.date,
            reason=summary,
        )
    elif new.step == Step.APPROVAL:
        resolution = rules.last_step(steps, Step.BRANCH_VOTE, passed=True)
        assert resolution is not None  # the order of steps guarantees a passed branch vote
        recruit.member = _admit(recruit=recruit, resolution=resolution, approved_on=new.date)
    elif new.step == Step.CONVERSION_APPROVAL:
        _convert(recruit=recruit, approved_on=new.date)
    elif new.step == Step.ARCHIVED:
        recruit.status = RecruitStatus.COMPLETED
    recruit.stage = STAGE_REACHED_BY_STEP.get(new.step, recruit.stage)
    recruit.save(update_fields=["member", "stage", "status", "updated_at"])


def _admit(*, recruit: Recruit, resolution: RecruitmentStep, approved_on: dt.date) -> Member:
    """The probationary member, admitted on the day of the branch resolution."""
    probation: RuleSet = ruleset_for(resolution.date)
    member = Member(
        school=recruit.school,
        name=recruit.name,
        gender=recruit.gender,
        birth_date=recruit.birth_date,
        category=recruit.category,
        staff=recruit.staff,
        student=recruit.student,
        status=MemberStatus.PROBATIONARY,
        joined_on=resolution.date,
        probation_ends_on=add_months(resolution.date, probation.probation_months),
    )
    validate_record(member)
    member.save()
    MembershipEvent.objects.create(
        school=recruit.school, member=member, kind=MembershipEventKind.ADMITTED, date=approved_on
    )
    return member


def _convert(*, recruit: Recruit, approved_on: dt.date) -> None:
    """Full membership from the day probation ended."""
    member = recruit.member
    assert member is not None  # step 17 created it
    member.status = MemberStatus.FULL
    member.full_on = member.probation_ends_on
    member.save(update_fields=["status", "full_on", "updated_at"])
    MembershipEvent.objects.create(
        school=recruit.school, member=member, kind=MembershipEventKind.CONVERTED, date=approved_on
    )


@transaction.atomic
def add_cultivation_record(
    *, recruit: Recruit, kind: str, date: dt.date, summary: str = ""
) -> CultivationRecord:
    """A thought report or a branch assessment of a recruit in progress, dated after applying."""
    steps = _lock(recruit)
    rules.enforce(rules.check_active(recruit))
    rules.enforce(rules.check_cultivation_date(steps=steps, date=date))
    record = CultivationRecord(
        school=recruit.school, recruit=recruit, kind=kind, date=date, summary=summary
    )
    validate_record(record)
    record.save()
    return record


@transaction.atomic
def record_public_notice(
    *, recruit: Recruit, start: dt.date, end: dt.date, reason: str = ""
) -> RecruitEvent:
    """The public notice (公示) of a recruit in progress, from ``start`` to ``end`` included.

    Hard: it ends after it starts; under the rules of ``start`` (2014) it lasts at least five
    working days, Monday to Friday.
    """
    _lock(recruit)
    rules.enforce(rules.check_active(recruit))
    rules.enforce(rules.check_public_notice(start=start, end=end, ruleset=ruleset_for(start)))
    return RecruitEvent.objects.create(
        school=recruit.school,
        recruit=recruit,
        kind=RecruitEventKind.PUBLIC_NOTICE,
        date=start,
        end_date=end,
        reason=reason,
    )


@transaction.atomic
def extend_probation(*, recruit: Recruit, date: dt.date, months: int, reason: str) -> RecruitEvent:
    """Extend the probation of a probationary member by ``months`` (all hard rules).

    Only a probationary member whose conversion has not been voted, only once, by
    ``extension_min_months`` to ``extension_max_months`` of the rules of ``date``, with a reason,
    dated not before the last step. Moves ``member.probation_ends_on``.
    """
    steps = _lock(recruit)
    rules.enforce(rules.check_active(recruit))
    earlier = (
        RecruitEvent.objects.filter(recruit=recruit, kind=RecruitEventKind.PROBATION_EXTENDED)
        .order_by("date")
        .first()
    )
    rules.enforce(
        [
            *rules.check_reason(reason),
            *rules.check_dates(steps=steps, date=date),
            *rules.check_extension(
                recruit=recruit,
                steps=steps,
                months=months,
                ruleset=ruleset_for(date),
                extended_on=earlier.date if earlier else None,
            ),
        ]
    )
    member = recruit.member
    assert member is not None and member.probation_ends_on is not None  # checked above
    member.probation_ends_on = add_months(member.probation_ends_on, months)
    member.save(update_fields=["probation_ends_on", "updated_at"])
    MembershipEvent.objects.create(
        school=recruit.school,
        member=member,
        kind=MembershipEventKind.PROBATION_EXTENDED,
        date=date,
        note=reason,
    )
    return RecruitEvent.objects.create(
        school=recruit.school,
        recruit=recruit,
        kind=RecruitEventKind.PROBATION_EXTENDED,
        date=date,
        months=months,
        reason=reason,
    )


@transaction.atomic
def revoke_candidacy(*, recruit: Recruit, date: dt.date, reason: str) -> RecruitEvent:
    """End a recruitment in progress by revocation; a probationary member's probation with it.

    Hard: a reason; dated not before the last step; not once the member is full.
    """
    steps = _lock(recruit)
    rules.enforce(rules.check_active(recruit))
    member = recruit.member
    rules.enforce(
        [
            *rules.check_reason(reason),
            *rules.check_dates(steps=steps, date=date),
            *rules.check_revocable(recruit),
        ]
    )
    recruit.status = RecruitStatus.REVOKED
    recruit.save(update_fields=["status", "updated_at"])
    if member is not None:
        member.status = MemberStatus.REVOKED
        member.save(update_fields=["status", "updated_at"])
        MembershipEvent.objects.create(
            school=recruit.school,
            member=member,
            kind=MembershipEventKind.REVOKED,
            date=date,
            note=reason,
        )
    return RecruitEvent.objects.create(
        school=recruit.school,
        recruit=recruit,
        kind=RecruitEventKind.REVOKED,
        date=date,
        reason=reason,
    )


@transaction.atomic
def withdraw(*, recruit: Recruit, date: dt.date, reason: str) -> RecruitEvent:
    """End a recruitment in progress at the recruit's request.

    Hard: a reason; dated not before the last step; not once admitted (a probationary member's
    probation is revoked instead, with ``revoke_candidacy``).
    """
    steps = _lock(recruit)
    rules.enforce(rules.check_active(recruit))
    rules.enforce(
        [
            *rules.check_reason(reason),
            *rules.check_dates(steps=steps, date=date),
            *rules.check_withdrawable(recruit),
        ]
    )
    recruit.status = RecruitStatus.WITHDRAWN
    recruit.save(update_fields=["status", "updated_at"])
    return RecruitEvent.objects.create(
        school=recruit.school,
        recruit=recruit,
        kind=RecruitEventKind.WITHDRAWN,
        date=date,
        reason=reason,
    )


@transaction.atomic
def attach_document(*, step: RecruitmentStep, title: str, file: Any) -> StepDocument:
    """A scanned form, minutes or opinion filed with a recorded step (type and size checked)."""

    if not title.strip():
        raise DomainError(_("Give the document a title."), code="title_required")
    document = StepDocument(
        school=step.school, step=step, title=title.strip(), file=check_upload(file)
    )
    validate_record(document)
    document.save()
    return document
