"""Reads of the rater's pages: a key's token, the tokens of a signed-in person, what a browser's
tokens owe, and an instrument's questions.

Invariants: a rater is not a member of the school, so these reads are scoped by the tokens the
browser holds (exchanged keys, or the signed-in person's own tokens) rather than by a request's
school: a due is found only through one of those tokens, and a token leads only to its own
campaign's school. Nothing here reads an answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from qingshan.core.params import MAX_ID
from qingshan.core.statements import RowWithRelated
from qingshan.evaluations.enums import CampaignStatus
from qingshan.evaluations.models import Instrument, Question, RaterToken, RatingDue
from qingshan.evaluations.services.keys import hashes_of
from qingshan.organization.models import TeachingAssignment

MAX_KEY = 40


def token_for_key(key: str) -> RaterToken | None:
    """The token of a one-time key with its campaign, the instrument and the school; ``None`` for
    an unknown or malformed key."""
    if not key or len(key) > MAX_KEY:
        return None
    return (
        RaterToken.objects.select_related("campaign__instrument", "campaign__school")
        .filter(key_hash__in=hashes_of(key))
        .first()
    )


def tokens_for_user(user: Any) -> list[RaterToken]:
    """The tokens of a signed-in student, staff member or party member in campaigns open now,
    soonest closing first (empty for anyone else)."""
    links = Q()
    if hasattr(user, "student_record"):
        links |= Q(student=user.student_record)
    if hasattr(user, "staff_record"):
        links |= Q(staff=user.staff_record)
        member = getattr(user.staff_record, "party_member", None)
        if member is not None:
            links |= Q(member=member)
    if not links:
        return []
    return list(
        RaterToken.objects.filter(
            links, campaign__status=CampaignStatus.OPEN, campaign__closes_at__gt=timezone.now()
        )
        .select_related("campaign__instrument")
        .order_by("campaign__closes_at")
    )


def dues_of_tokens(token_ids: Sequence[int]) -> QuerySet[RatingDue]:
    """What the tokens owe or have given, each with its target, campaign and instrument."""
    return RatingDue.objects.filter(token_id__in=token_ids).select_related(
        "target__campaign__instrument"
    )


def lessons_of(dues: Sequence[RatingDue]) -> dict[int, str]:
    """Due id → what the rated teacher teaches the rater's class that term ("数学, 英语 ·
    2013级机电1班"), for the dues of raters with a class rating a staff member who teaches it;
    two queries whatever the number of dues (none without such dues)."""
    teaching = [due for due in dues if due.target.staff_id is not None]
    if not teaching:
        return {}
    class_of = dict(
        RaterToken.objects.filter(pk__in={due.token_id for due in teaching})
        .exclude(school_class=None)
        .values_list("pk", "school_class_id")
    )
    if not class_of:
        return {}
    taught: dict[tuple[int, int, int], tuple[list[str], str]] = {}
    for term, teacher, school_class, subject, name in (
        TeachingAssignment.objects.filter(
            term_id__in={due.target.campaign.term_id for due in teaching},
            teacher_id__in={due.target.staff_id for due in teaching},
            school_class_id__in=set(class_of.values()),
        )
        .order_by("subject")
        .values_list("term_id", "teacher_id", "school_class_id", "subject", "school_class__name")
    ):
        taught.setdefault((term, teacher, school_class), ([], name))[0].append(subject)
    found = {}
    for due in teaching:
        key = (due.target.campaign.term_id, due.target.staff_id, class_of.get(due.token_id, 0))
        if key in taught:
            subjects, name = taught[key]
            found[due.pk] = f"{', '.join(subjects)} · {name}"
    return found


_DUE_TO_RATE: RowWithRelated[RatingDue] = RowWithRelated(
    RatingDue, ("target", "campaign", "instrument")
)


def due_to_rate(token_ids: Sequence[int], pk: int) -> RatingDue | None:
    """The due ``pk`` if one of the tokens owes or has given it, with its target, the target's
    campaign and the campaign's instrument: what a rating's page and its submission read, in one
    statement built once per process (a submission comes by the thousand)."""
    if not token_ids or not 0 < pk <= MAX_ID:
        return None
    statement = _DUE_TO_RATE
    tokens = ", ".join(["%s"] * len(token_ids))
    return statement.first(
        f"{statement.column('id')} = %s AND {statement.column('token')} IN ({tokens})",
        [pk, *token_ids],
    )


def dues_to_list(token_ids: Sequence[int]) -> list[RatingDue]:
    """The tokens' dues for the rater's home page: those still owed first, then by the name of
    the person rated."""
    return list(dues_of_tokens(token_ids).order_by("done", "target__label"))


def given_due(token_ids: Sequence[int], pk: int) -> RatingDue | None:
    """The due ``pk`` if one of the tokens owns it and has given it, with its target; else
    ``None``."""
    return (
        RatingDue.objects.filter(pk=pk, token_id__in=token_ids, done=True)
        .select_related("target")
        .first()
    )


def owed_count(due: RatingDue) -> int:
    """How many ratings the due's token still owes."""
    return RatingDue.objects.filter(
        school_id=due.school_id, token_id=due.token_id, done=False
    ).count()


_QUESTIONS: dict[tuple[Any, ...], list[Question]] = {}


def instrument_version(instrument: Instrument) -> tuple[Any, ...]:
    """What identifies an instrument's questions for caching: the id, and the creation and
    last-change times (so a reused primary key never finds another instrument's questions)."""
    return (instrument.pk, instrument.created_at, instrument.updated_at)


def questions_of(instrument: Instrument) -> list[Question]:
    """The instrument's questions in their order, kept per process: an instrument's questions do
    not change once a campaign past its draft uses it (the question pages refuse), and only a
    campaign that is open is rated."""
    key = instrument_version(instrument)
    found = _QUESTIONS.get(key)
    if found is None:
        if len(_QUESTIONS) > 200:
            _QUESTIONS.clear()
        found = _QUESTIONS[key] = list(
            Question.objects.filter(school_id=instrument.school_id, instrument=instrument)
        )
    return found
