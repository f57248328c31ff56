"""Who may see a campaign's results, and which free-text answers each viewer reads.

Invariants:
- before a campaign is closed nobody sees any result, and a target of another school is never
  seen;
- managers (``evaluations.manage`` at the school: the secretary, the school administrator) see
  everything once the campaign is closed;
- the rated person sees their own result once the campaign is published, and only the questions
  whose visibility is TARGET or SCHOOL;
- staff of the school (``organization.view``) see the SCHOOL questions once it is published;
- nobody else sees anything (a student, a teacher looking at another teacher's TARGET questions);
- free text: PUBLIC answers to whoever may see the question, PRIVATE ones to the rated person and
  the managers, WITHHELD ones to nobody; PENDING ones to the managers only, while the campaign is
  closed (they review them then); non-managers read none of a result that is not shown; answers
  are always in key order, which is random.
"""

from __future__ import annotations

from typing import Any

from qingshan.core.models import School
from qingshan.evaluations.enums import CampaignStatus, ReviewStatus, Visibility
from qingshan.evaluations.models import Question, RatingDue, Target, TextAnswer
from qingshan.evaluations.selectors.statistics import enough_raters

TO_TARGET = (Visibility.TARGET, Visibility.SCHOOL)
TO_STAFF = (Visibility.SCHOOL,)


def is_rated_person(*, user: Any, target: Target) -> bool:
    """Whether ``user`` is the person rated: the staff member, or the party member's staff
    record."""
    if user is None or not user.is_authenticated:
        return False
    if target.staff_id is not None and target.staff is not None:
        return target.staff.user_id is not None and target.staff.user_id == user.pk
    if target.member_id is not None and target.member is not None:
        staff = target.member.staff
        return staff is not None and staff.user_id is not None and staff.user_id == user.pk
    return False


def may_see_results(
    *, user: Any, school: School, target: Target, question: Question | None = None
) -> bool:
    """Whether ``user`` may see ``question``'s results for ``target`` (``None``: any of them).

    At most one query beyond the permission checks (the visible questions, for ``None``).
    """
    if user is None or not user.is_authenticated or target.school_id != school.pk:
        return False
    status = target.campaign.status
    if status < CampaignStatus.CLOSED:
        return False
    if user.has_perm("evaluations.manage", school):
        return True
    if status != CampaignStatus.PUBLISHED:
        return False
    if is_rated_person(user=user, target=target):
        allowed: tuple[str, ...] = TO_TARGET
    elif user.has_perm("organization.view", school):
        allowed = TO_STAFF
    else:
        return False
    if question is not None:
        return question.instrument_id == target.campaign.instrument_id and (
            question.visibility in allowed
        )
    return Question.objects.filter(
        instrument_id=target.campaign.instrument_id, visibility__in=allowed
    ).exists()


def text_answers(
    *, target: Target, viewer_is_target: bool, viewer_is_manager: bool
) -> list[TextAnswer]:
    """The free-text answers about ``target`` the viewer may read, in key order (see the module).

    A viewer who is neither the target nor a manager is a staff member reading the SCHOOL
    questions. At most two queries.
    """
    status = target.campaign.status
    if viewer_is_manager:
        if status < CampaignStatus.CLOSED:
            return []
        reviews = [ReviewStatus.PUBLIC, ReviewStatus.PRIVATE]
        if status == CampaignStatus.CLOSED:
            reviews.append(ReviewStatus.PENDING)
        visibilities: tuple[str, ...] = tuple(Visibility.values)
    else:
        if status != CampaignStatus.PUBLISHED or not _shown(target):
            return []
        if viewer_is_target:
            reviews, visibilities = [ReviewStatus.PUBLIC, ReviewStatus.PRIVATE], TO_TARGET
        else:
            reviews, visibilities = [ReviewStatus.PUBLIC], TO_STAFF
    return list(
        TextAnswer.objects.filter(
            school_id=target.school_id,
            target=target,
            review__in=reviews,
            question__visibility__in=visibilities,
        )
        .select_related("question")
        .order_by("id")
    )


def _shown(target: Target) -> bool:
    instrument = target.campaign.instrument
    raters = RatingDue.objects.filter(target=target, done=True).count()
    return enough_raters(
        raters=raters,
        invited=target.invited,
        min_raters=instrument.min_raters,
        min_share=instrument.min_share,
    )
