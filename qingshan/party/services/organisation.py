"""Writes about the branch, its committee, groups and members (关系转接 included).

Invariants: one branch per school; every group belongs to the school's branch; a member's
standing changes only through these functions, each leaving a ``MembershipEvent``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.party.enums import ACTIVE_MEMBER_STATUSES, MembershipEventKind, MemberStatus
from qingshan.party.models import Branch, CommitteeSeat, Member, MembershipEvent, PartyGroup
from qingshan.party.rulesets import age_on, ruleset_for


def register_breaches(member: Member) -> dict[str, str]:
    """The recruitment rules a member entered directly breaks (field → message): admitted
    under the minimum age, or full before the probation of the rules of the admission day."""
    found: dict[str, str] = {}
    if member.joined_on is None:
        return found
    rules = ruleset_for(member.joined_on)
    if member.birth_date and age_on(member.birth_date, member.joined_on) < rules.minimum_age:
        found["birth_date"] = _("Admitted on %(joined)s under the age of %(age)s (%(rules)s).") % {
            "joined": member.joined_on.isoformat(),
            "age": rules.minimum_age,
            "rules": rules.name,
        }
    earliest_full = add_months(member.joined_on, rules.probation_months)
    if member.full_on and member.full_on < earliest_full:
        found["full_on"] = _(
            "Full on %(full)s, before the %(months)s months of probation were over "
            "(%(earliest)s at the earliest, %(rules)s)."
        ) % {
            "full": member.full_on.isoformat(),
            "months": rules.probation_months,
            "earliest": earliest_full.isoformat(),
            "rules": rules.name,
        }
    return found


def _check_member(member: Member) -> None:
    breaches = register_breaches(member)
    if breaches and not member.register_note.strip():
        hint = _("If the record is right, explain it as a historic record.")
        raise ValidationError(
            {field: f"{message} {hint}" for field, message in breaches.items()},
            code="register_rules",
        )
    if member.status == MemberStatus.FULL and member.full_on is None:
        raise ValidationError({"full_on": _("A full member needs the date of full membership.")})
    if member.status == MemberStatus.PROBATIONARY:
        if member.full_on is not None:
            raise ValidationError(
                {"full_on": _("A probationary member has no date of full membership yet.")}
            )
        if member.probation_ends_on is None:
            member.probation_ends_on = add_months(member.joined_on, 12)
    if member.group is not None and member.group.branch.school_id != member.school_id:
        raise ValidationError(
            {"group": _("%(value)s belongs to another school.") % {"value": member.group}}
        )


def branch_or_refuse(school: School) -> Branch:
    branch = Branch.objects.for_school(school).first()
    if branch is None:
        raise DomainError(_("Set up the school's party branch first."), code="no_branch")
    return branch


@transaction.atomic
def create_branch(
    *, school: School, model: type[Branch] = Branch, values: dict[str, Any]
) -> Branch:
    if Branch.objects.for_school(school).exists():
        raise DomainError(_("The school has a party branch already."), code="branch_exists")
    return core_services.create_record(school=school, model=Branch, values=values)


@transaction.atomic
def create_group(
    *, school: School, model: type[PartyGroup] = PartyGroup, values: dict[str, Any]
) -> PartyGroup:
    return core_services.create_record(
        school=school, model=PartyGroup, values={**values, "branch": branch_or_refuse(school)}
    )


@transaction.atomic
def create_member(
    *, school: School, model: type[Member] = Member, values: dict[str, Any]
) -> Member:
    return core_services.create_record(
        school=school, model=Member, values=values, checks=(_check_member,)
    )


@transaction.atomic
def update_member(*, record: Member, values: dict[str, Any]) -> Member:
    return core_services.update_record(record=record, values=values, checks=(_check_member,))


@transaction.atomic
def transfer_in(
    *, school: School, values: dict[str, Any], date: dt.date, counterpart: str
) -> Member:
    """A member whose organisational relationship moves to this branch (关系转入)."""
    if values.get("status") not in ACTIVE_MEMBER_STATUSES:
        raise DomainError(
            _("Only a probationary or full member can be transferred in."), code="inactive"
        )
    if date < values["joined_on"]:
        raise DomainError(
            _("A member cannot be transferred in before being admitted."), code="before_admission"
        )
    member = create_member(school=school, values=values)
    MembershipEvent.objects.create(
        school=school,
        member=member,
        kind=MembershipEventKind.TRANSFER_IN,
        date=date,
        counterpart=counterpart,
    )
    return member


def _depart(
    member: Member, *, kind: str, status: str, date: dt.date, counterpart: str = "", note: str = ""
) -> Member:
    if not member.is_active:
        raise DomainError(
            _("%(member)s is no longer an active member.") % {"member": member}, code="inactive"
        )
    if date < member.joined_on:
        raise DomainError(_("This date is before the member's admission."), code="before_admission")
    member.status = status
    member.save(update_fields=["status", "updated_at"])
    MembershipEvent.objects.create(
        school=member.school,
        member=member,
        kind=kind,
        date=date,
        counterpart=counterpart,
        note=note,
    )
    CommitteeSeat.objects.filter(member=member, end_on__isnull=True).update(end_on=date)
    return member


@transaction.atomic
def transfer_out(*, member: Member, date: dt.date, counterpart: str, note: str = "") -> Member:
    """The member's organisational relationship moves to another organisation (关系转出)."""
    if not counterpart.strip():
        raise DomainError(
            _("Name the organisation the membership goes to."), code="counterpart_required"
        )
    return _depart(
        member,
        kind=MembershipEventKind.TRANSFER_OUT,
        status=MemberStatus.TRANSFERRED_OUT,
        date=date,
        counterpart=counterpart,
        note=note,
    )


@transaction.atomic
def record_death(*, member: Member, date: dt.date, note: str = "") -> Member:
    return _depart(
        member,
        kind=MembershipEventKind.DECEASED,
        status=MemberStatus.DECEASED,
        date=date,
        note=note,
    )


@transaction.atomic
def set_committee_seat(
    *, branch: Branch, member: Member, duty: str, start_on: dt.date
) -> CommitteeSeat:
    """Seat a member in a committee duty from ``start_on``; the previous holder's term ends that day."""
    if member.school_id != branch.school_id:
        raise DomainError(
            _("%(value)s belongs to another school.") % {"value": member}, code="other_school"
        )
    if member.status != MemberStatus.FULL:
        raise DomainError(_("Only a full member can sit on the branch committee."), code="not_full")
    CommitteeSeat.objects.filter(branch=branch, duty=duty, end_on__isnull=True).update(
        end_on=start_on
    )
    return CommitteeSeat.objects.create(
        school=branch.school, branch=branch, member=member, duty=duty, start_on=start_on
    )
