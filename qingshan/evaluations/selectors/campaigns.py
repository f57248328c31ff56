"""Reading a school's instruments, campaigns, raters' tokens, participation and the text answers
waiting for review.

Invariants: every read is scoped to one school — a function given the school filters by it, one
given a campaign or an instrument (fetched through a school-scoped selector) filters by that
record's school as well, so a row of another school never appears. Participation is counted per
token (names and counts only), never per answer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School
from qingshan.evaluations.enums import CampaignStatus, ReviewStatus, SlipBatchStatus
from qingshan.evaluations.models import (
    Campaign,
    CampaignTransition,
    FollowUp,
    FollowUpRecord,
    Instrument,
    Question,
    RaterToken,
    SlipBatch,
    Target,
    TextAnswer,
)

# --- instruments and questions ------------------------------------------------------------------


def instruments(school: School) -> QuerySet[Instrument]:
    """The school's instruments, in the model's order (kind, name)."""
    return Instrument.objects.for_school(school)


def instruments_with_question_counts(school: School) -> QuerySet[Instrument]:
    """The school's instruments, each with ``question_count``."""
    return instruments(school).annotate(question_count=Count("questions"))


def instruments_with_questions(school: School) -> QuerySet[Instrument]:
    """The school's instruments with their questions fetched alongside (two queries in all)."""
    return instruments(school).prefetch_related("questions")


def questions(school: School) -> QuerySet[Question]:
    """Every question of the school's instruments."""
    return Question.objects.for_school(school)


def instrument_questions(instrument: Instrument) -> QuerySet[Question]:
    """The instrument's questions in their order."""
    return Question.objects.filter(school_id=instrument.school_id, instrument=instrument)


def instrument_in_use(instrument: Instrument) -> bool:
    """Whether a campaign past its draft uses the instrument (its questions are then frozen)."""
    return (
        Campaign.objects.filter(school_id=instrument.school_id)
        .filter(instrument=instrument)
        .exclude(status=CampaignStatus.DRAFT)
        .exists()
    )


# --- campaigns ----------------------------------------------------------------------------------


def campaigns(school: School) -> QuerySet[Campaign]:
    """The school's campaigns with their instrument and term, latest opening first."""
    return Campaign.objects.for_school(school).select_related("instrument", "term")


def campaigns_by_opening(school: School) -> QuerySet[Campaign]:
    """The school's campaigns, latest opening first, then by id (a stable order for paging)."""
    return Campaign.objects.for_school(school).order_by("-opens_at", "pk")


def same_campaign(campaign: Campaign) -> QuerySet[Campaign]:
    """The campaign alone, as a query set (for the schedule of one campaign's page)."""
    return Campaign.objects.filter(school_id=campaign.school_id, pk=campaign.pk)


def transitions(campaign: Campaign) -> QuerySet[CampaignTransition]:
    """The campaign's logged transitions with who made each, oldest first."""
    return CampaignTransition.objects.filter(
        school_id=campaign.school_id, campaign=campaign
    ).select_related("actor")


# --- tokens and participation ------------------------------------------------------------------


def tokens(campaign: Campaign) -> QuerySet[RaterToken]:
    """The campaign's rater tokens (one per invited rater), in the order they were drawn."""
    return RaterToken.objects.filter(school_id=campaign.school_id, campaign=campaign).order_by("pk")


def tokens_by_class(campaign: Campaign) -> QuerySet[RaterToken]:
    """The campaign's tokens with their class, by class name and label (for the links sheet)."""
    return tokens(campaign).select_related("school_class").order_by("school_class__name", "label")


def token_groups(campaign: Campaign) -> QuerySet[Any, Any]:
    """One row per class of the campaign's raters (``school_class`` is ``None`` for raters without
    a class): ``school_class``, ``school_class__name`` and the number of tokens ``n``."""
    return (
        tokens(campaign)
        .values("school_class", "school_class__name")
        .annotate(n=Count("pk"))
        .order_by("school_class__name")
    )


def tokens_of_group(campaign: Campaign, group: str) -> QuerySet[RaterToken]:
    """The tokens of one class (``group`` is the class id, or ``"none"`` for raters without a
    class), by label; empty for a group that is neither."""
    found = tokens(campaign).select_related("school_class").order_by("label")
    if group == "none":
        return found.filter(school_class__isnull=True)
    if not group.isdigit():
        return found.none()
    return found.filter(school_class_id=int(group))


def slip_batches(campaign: Campaign) -> QuerySet[SlipBatch]:
    """The campaign's files of QR slips, latest first."""
    return SlipBatch.objects.filter(school_id=campaign.school_id, campaign=campaign).order_by(
        "-created_at", "-pk"
    )


def slips_in_progress(campaign: Campaign) -> bool:
    """Whether a file of every class's slips is waiting or being made (it will replace every
    rater's key when it is done)."""
    return (
        slip_batches(campaign)
        .filter(status__in=[SlipBatchStatus.WAITING, SlipBatchStatus.BUILDING])
        .exists()
    )


def schedule_due(campaign: Campaign, now: dt.datetime) -> str:
    """What the schedule asks of the campaign now and the scheduler has not yet done: "open"
    (prepared, its window has begun), "close" (open, its window is over) or ""."""
    if campaign.status == CampaignStatus.PREPARED and campaign.opens_at <= now < campaign.closes_at:
        return "open"
    if campaign.status == CampaignStatus.OPEN and campaign.closes_at <= now:
        return "close"
    return ""


def participation_by_class(campaign: Campaign) -> QuerySet[Any, Any]:
    """Per class and kind of rater: ``invited`` (tokens) and ``responded`` (tokens that have
    given at least one rating)."""
    return (
        tokens(campaign)
        .values("school_class__name", "rater_kind")
        .annotate(
            invited=Count("pk", distinct=True),
            responded=Count("pk", filter=Q(dues__done=True), distinct=True),
        )
        .order_by("school_class__name", "rater_kind")
    )


def participation_by_kind(campaign: Campaign) -> list[dict[str, Any]]:
    """Per kind of rater: ``rater_kind``, ``invited`` and ``responded`` (as for the classes)."""
    return [
        dict(row)
        for row in tokens(campaign)
        .values("rater_kind")
        .annotate(
            invited=Count("pk", distinct=True),
            responded=Count("pk", filter=Q(dues__done=True), distinct=True),
        )
        .order_by("rater_kind")
    ]


def waiting_raters(campaign: Campaign) -> QuerySet[RaterToken]:
    """Tokens that still owe a rating, each with ``owed`` and ``given`` and the person invited,
    by class and label (who to remind; never what anyone answered)."""
    return (
        tokens(campaign)
        .annotate(
            owed=Count("dues", filter=Q(dues__done=False)),
            given=Count("dues", filter=Q(dues__done=True)),
        )
        .filter(owed__gt=0)
        .select_related("student", "guardian", "staff", "member", "school_class")
        .order_by("school_class__name", "label")
    )


# --- free-text answers under review -------------------------------------------------------------


def _text_answers(campaign: Campaign) -> QuerySet[TextAnswer]:
    return TextAnswer.objects.filter(school_id=campaign.school_id, target__campaign=campaign)


def pending_review_count(campaign: Campaign) -> int:
    """How many of the campaign's free-text answers wait for review."""
    return _text_answers(campaign).filter(review=ReviewStatus.PENDING).count()


def answers_to_review(campaign: Campaign) -> QuerySet[TextAnswer]:
    """The campaign's free-text answers with their target and question, by the person rated and
    then in key order (which is random)."""
    return (
        _text_answers(campaign).select_related("target", "question").order_by("target__label", "id")
    )


def answers_by_key(campaign: Campaign, keys: Iterable[str]) -> QuerySet[TextAnswer]:
    """The campaign's free-text answers whose key is among ``keys`` (keys that are not UUIDs are
    ignored), each with its target's campaign."""
    valid = []
    for key in keys:
        try:
            valid.append(uuid.UUID(str(key)))
        except ValueError:
            continue
    return _text_answers(campaign).filter(pk__in=valid).select_related("target__campaign")


# --- targets and their follow-ups ----------------------------------------------------------------


def targets(school: School) -> QuerySet[Target]:
    """Every person or unit rated in the school's campaigns."""
    return Target.objects.for_school(school)


def targets_with_results_context(school: School) -> QuerySet[Target]:
    """The school's targets with what a result page reads: the campaign and its instrument, the
    staff member and the party member's staff record."""
    return targets(school).select_related("campaign__instrument", "staff", "member__staff")


def published_targets_of_user(school: School, user: Any) -> list[Target]:
    """The targets of published campaigns that are ``user`` — as the staff member rated, or the
    party member whose staff record is theirs — latest campaign first."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        targets(school)
        .filter(campaign__status=CampaignStatus.PUBLISHED)
        .filter(Q(staff__user=user) | Q(member__staff__user=user))
        .select_related("campaign__term", "campaign__instrument")
        .order_by("-campaign__opens_at", "pk")
    )


def follow_ups_of(target: Target) -> QuerySet[FollowUp]:
    """The follow-ups opened for the target, in the model's order (open ones first)."""
    return FollowUp.objects.filter(school_id=target.school_id, target=target)


def follow_up_records(follow_up: FollowUp) -> QuerySet[FollowUpRecord]:
    """What was recorded on the follow-up, in the model's order."""
    return FollowUpRecord.objects.filter(school_id=follow_up.school_id, follow_up=follow_up)
