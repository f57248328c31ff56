"""The campaign's life: create, prepare (targets, tokens, dues, counters), open, close, review,
publish — each transition guarded, logged with who and when.

Invariants: only a prepared campaign has targets and tokens; counters exist for every target ×
question × value before the campaign opens; a campaign reopens only before its review.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import validate_record
from qingshan.evaluations.enums import (
    INSTRUMENT_SHAPE,
    CampaignStatus,
    InstrumentKind,
    QuestionKind,
    RaterKind,
    ReviewStatus,
    TargetKind,
)
from qingshan.evaluations.models import (
    Campaign,
    CampaignTransition,
    ChoiceCount,
    Instrument,
    RaterToken,
    RatingDue,
    ScaleCount,
    Target,
    TextAnswer,
)
from qingshan.evaluations.services.ballots import count_ballots
from qingshan.organization.models import (
    Department,
    GuardianLink,
    Staff,
    Student,
    TeachingAssignment,
    Term,
)
from qingshan.party.models import Member

ALLOWED: dict[int, tuple[int, ...]] = {
    CampaignStatus.DRAFT: (CampaignStatus.PREPARED,),
    CampaignStatus.PREPARED: (CampaignStatus.OPEN,),
    CampaignStatus.OPEN: (CampaignStatus.CLOSED,),
    CampaignStatus.CLOSED: (CampaignStatus.OPEN, CampaignStatus.REVIEWED),
    CampaignStatus.REVIEWED: (CampaignStatus.PUBLISHED,),
    CampaignStatus.PUBLISHED: (),
}


@transaction.atomic
def create_campaign(
    *,
    school: School,
    instrument: Instrument,
    term: Term,
    name: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    public_tokens: int = 0,
) -> Campaign:
    campaign = Campaign(
        school=school,
        instrument=instrument,
        term=term,
        name=name,
        opens_at=opens_at,
        closes_at=closes_at,
        public_tokens=public_tokens,
    )
    validate_record(campaign)
    if instrument.kind == InstrumentKind.PUBLIC_RATES_MEMBERS and public_tokens < 1:
        raise DomainError(_("Say how many links to print for the public."), code="public_tokens")
    campaign.save()
    return campaign


def _transition(campaign: Campaign, to: int, actor: Any, note: str = "") -> Campaign:
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if to not in ALLOWED[locked.status]:
        raise DomainError(
            _("A campaign that is %(current)s cannot become %(next)s.")
            % {"current": locked.get_status_display(), "next": CampaignStatus(to).label},
            code="transition",
        )
    CampaignTransition.objects.create(
        school=locked.school,
        campaign=locked,
        from_status=locked.status,
        to_status=to,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )
    if to == CampaignStatus.CLOSED:
        count_ballots(campaign=locked)
    locked.status = to
    locked.save(update_fields=["status", "updated_at"])
    campaign.status = to
    return locked


@transaction.atomic
def prepare_campaign(*, campaign: Campaign, actor: Any = None) -> Campaign:
    """Draw targets and raters from the school's records, make a token per rater, what each owes,
    and the answer counters."""
    questions = list(campaign.instrument.questions.all())
    if not questions:
        raise DomainError(_("The instrument has no questions yet."), code="no_questions")
    plan = RaterPlan(campaign)
    plan.draw()
    if not plan.targets or not plan.tokens:
        raise DomainError(_("Nobody to rate or nobody to rate them in this term."), code="empty")
    targets = Target.objects.bulk_create(plan.targets.values())
    tokens = RaterToken.objects.bulk_create(plan.tokens, batch_size=1000)
    dues = [
        RatingDue(school=campaign.school, token=token, target=plan.targets[target_key])
        for token, keys in zip(tokens, plan.owes, strict=True)
        for target_key in keys
    ]
    RatingDue.objects.bulk_create(dues, batch_size=2000)
    invited: dict[int, int] = defaultdict(int)
    for due in dues:
        invited[due.target.pk] += 1
    for target in targets:
        target.invited = invited[target.pk]
    Target.objects.bulk_update(targets, ["invited"])
    ScaleCount.objects.bulk_create(
        (
            ScaleCount(school=campaign.school, target=target, question=question, value=value)
            for target in targets
            for question in questions
            if question.kind == QuestionKind.SCALE
            for value in question.values
        ),
        batch_size=2000,
    )
    ChoiceCount.objects.bulk_create(
        (
            ChoiceCount(school=campaign.school, target=target, question=question, option=option)
            for target in targets
            for question in questions
            if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
            for option in question.values
        ),
        batch_size=2000,
    )
    return _transition(campaign, CampaignStatus.PREPARED, actor)


@transaction.atomic
def open_campaign(*, campaign: Campaign, actor: Any = None) -> Campaign:
    """Open a prepared campaign, or reopen a closed one that has not been reviewed."""
    if campaign.closes_at <= timezone.now():
        raise DomainError(
            _("The closing time has passed; move it later first."), code="closing_passed"
        )
    return _transition(campaign, CampaignStatus.OPEN, actor)


@transaction.atomic
def close_campaign(*, campaign: Campaign, actor: Any = None) -> Campaign:
    return _transition(campaign, CampaignStatus.CLOSED, actor)


@transaction.atomic
def finish_review(*, campaign: Campaign, actor: Any = None) -> Campaign:
    pending = TextAnswer.objects.filter(
        target__campaign=campaign, review=ReviewStatus.PENDING
    ).count()
    if pending:
        raise DomainError(
            _("%(count)d free-text answers still wait for review.") % {"count": pending},
            code="pending_review",
        )
    return _transition(campaign, CampaignStatus.REVIEWED, actor)


@transaction.atomic
def publish_campaign(*, campaign: Campaign, actor: Any = None) -> Campaign:
    return _transition(campaign, CampaignStatus.PUBLISHED, actor)


@transaction.atomic
def review_text_answer(*, answer: TextAnswer, review: str) -> TextAnswer:
    if answer.target.campaign.status != CampaignStatus.CLOSED:
        raise DomainError(
            _("Free-text answers are reviewed once the campaign is closed."), code="not_closed"
        )
    if review not in (ReviewStatus.PUBLIC, ReviewStatus.PRIVATE, ReviewStatus.WITHHELD):
        raise DomainError(_("Choose public, private or withheld."), code="review")
    answer.review = review
    answer.save(update_fields=["review"])
    return answer


def apply_schedule(
    *, now: dt.datetime, campaigns: QuerySet[Campaign] | None = None
) -> list[Campaign]:
    """Open prepared campaigns whose time has come and close open ones whose time is up:
    every school's (the scheduled command), or only ``campaigns`` (a page showing one)."""
    changed = []
    candidates = Campaign.objects.all() if campaigns is None else campaigns
    for campaign in candidates.filter(
        Q(status=CampaignStatus.PREPARED, opens_at__lte=now, closes_at__gt=now)
        | Q(status=CampaignStatus.OPEN, closes_at__lte=now)
    ):
        with transaction.atomic():
            to = (
                CampaignStatus.OPEN
                if campaign.status == CampaignStatus.PREPARED
                else CampaignStatus.CLOSED
            )
            changed.append(_transition(campaign, to, None, note=_("on schedule")))
    return changed


class RaterPlan:
    """Who rates whom in a campaign, drawn from the term's records (unsaved rows)."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.school = campaign.school
        self.targets: dict[Any, Target] = {}
        self.tokens: list[RaterToken] = []
        self.owes: list[list[Any]] = []

    def target(self, key: Any, kind: str, label: str, **links: Any) -> Any:
        if key not in self.targets:
            self.targets[key] = Target(
                school=self.school, campaign=self.campaign, kind=kind, label=label, **links
            )
        return key

    def token(self, kind: str, owes: list[Any], label: str = "", **links: Any) -> None:
        if owes:
            self.tokens.append(
                RaterToken(
                    school=self.school,
                    campaign=self.campaign,
                    rater_kind=kind,
                    label=label,
                    **links,
                )
            )
            self.owes.append(owes)

    def students(self) -> list[Student]:
        term = self.campaign.term
        return list(
            Student.objects.for_school(self.school)
            .filter(enrolled_on__lte=term.end_date)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=term.start_date))
            .select_related("school_class__head_teacher")
            .order_by("school_class__name", "student_no")
        )

    def draw(self) -> None:
        kind = self.campaign.instrument.kind
        getattr(self, f"_draw_{INSTRUMENT_SHAPE[kind][0]}_{INSTRUMENT_SHAPE[kind][1]}")()

    def _draw_student_teacher(self) -> None:
        teachers_of: dict[int, set[Staff]] = defaultdict(set)
        for assignment in (
            TeachingAssignment.objects.for_school(self.school)
            .filter(term=self.campaign.term)
            .select_related("teacher")
        ):
            teachers_of[assignment.school_class_id].add(assignment.teacher)
        for student in self.students():
            teachers = sorted(
                teachers_of.get(student.school_class_id, ()), key=lambda staff: staff.staff_no
            )
            owes = [
                self.target(("staff", t.pk), TargetKind.TEACHER, t.name, staff=t) for t in teachers
            ]
            self.token(
                RaterKind.STUDENT,
                owes,
                label=f"{student.school_class.name} {student.student_no}",
                student=student,
                school_class=student.school_class,
            )

    def _guardians(self) -> list[tuple[Any, list[Student]]]:
        students = {student.pk: student for student in self.students()}
        children: dict[Any, list[Student]] = defaultdict(list)
        guardians = {}
        for link in (
            GuardianLink.objects.for_school(self.school)
            .filter(student_id__in=students)
            .select_related("guardian")
        ):
            children[link.guardian_id].append(students[link.student_id])
            guardians[link.guardian_id] = link.guardian
        return [(guardians[key], children[key]) for key in sorted(guardians)]

    def _draw_parent_school(self) -> None:
        for guardian, children in self._guardians():
            owes = [self.target("school", TargetKind.SCHOOL, self.school.name)]
            first = children[0]
            self.token(
                RaterKind.PARENT,
                owes,
                label=f"{first.school_class.name} {first.name}",
                guardian=guardian,
                school_class=first.school_class,
            )

    def _draw_parent_head_teacher(self) -> None:
        for guardian, children in self._guardians():
            heads = {
                child.school_class.head_teacher
                for child in children
                if child.school_class.head_teacher
            }
            owes = [
                self.target(("staff", h.pk), TargetKind.HEAD_TEACHER, h.name, staff=h)
                for h in sorted(heads, key=lambda s: s.staff_no)
            ]
            first = children[0]
            self.token(
                RaterKind.PARENT,
                owes,
                label=f"{first.school_class.name} {first.name}",
                guardian=guardian,
                school_class=first.school_class,
            )

    def _members(self) -> list[Any]:
        return list(Member.objects.for_school(self.school).in_standing().order_by("name"))

    def _draw_public_party_member(self) -> None:
        owes = [
            self.target(("member", m.pk), TargetKind.PARTY_MEMBER, m.name, member=m)
            for m in self._members()
        ]
        for number in range(1, self.campaign.public_tokens + 1):
            self.token(
                RaterKind.PUBLIC,
                list(owes),
                label=_("Public rater %(number)d") % {"number": number},
            )

    def _draw_member_party_member(self) -> None:
        members = self._members()
        for member in members:
            owes = [
                self.target(("member", m.pk), TargetKind.PARTY_MEMBER, m.name, member=m)
                for m in members
                if m.pk != member.pk
            ]
            self.token(RaterKind.MEMBER, owes, label=member.name, member=member)

    def _draw_staff_department(self) -> None:
        departments = list(Department.objects.for_school(self.school).active())
        term = self.campaign.term
        staff = (
            Staff.objects.for_school(self.school)
            .filter(hired_on__lte=term.end_date)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=term.start_date))
        )
        for person in staff.order_by("staff_no"):
            owes = [
                self.target(("department", d.pk), TargetKind.DEPARTMENT, d.name, department=d)
                for d in departments
            ]
            self.token(RaterKind.STAFF, owes, label=person.name, staff=person)


@transaction.atomic
def review_text_answers(*, campaign: Campaign, reviews: dict[Any, str]) -> None:
    """The review of several free-text answers at once: all saved, or none."""
    for answer, review in reviews.items():
        if answer.target.campaign_id != campaign.pk:
            raise DomainError(_("This answer is not from this campaign."), code="other_campaign")
        review_text_answer(answer=answer, review=review)
