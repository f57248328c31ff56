"""Giving a rating: each rating due is answered once, with answers the rating form has cleaned.

Invariants:
- a rating due flips from owed to done exactly once: the flip is one conditional UPDATE, so a
  second use of the same token for the same target, concurrent or later, changes no row and is
  refused; the answers are counted only after the flip succeeded, in the same transaction;
- every answer is checked against the instrument's questions before anything is written (the form
  says what is wrong; this says only that it does not fit); a refused submission changes nothing;
- the answers are sealed into one ballot (``services.ballots``), counted when the campaign
  closes: nothing written here can be read, and nothing shares an order with the answers
  counted later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection, transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import CampaignStatus, QuestionKind
from qingshan.evaluations.models import Campaign, Question, RatingDue
from qingshan.evaluations.selectors.rating import questions_of
from qingshan.evaluations.services.ballots import MAX_TEXT, seal_ballot


class AlreadyRated(DomainError):
    """The rating due was given already (by an earlier or a concurrent submission)."""


def _fits(
    questions: list[Question],
    scores: Mapping[int, int],
    choices: Mapping[int, Sequence[int]],
    texts: Mapping[int, str],
) -> bool:
    """Whether the answers are answers to these questions: each question answered by its kind,
    with a value it has a counter for (one option for a single choice), every required scale or
    choice question answered, free text non-empty and not too long."""
    by_id = {question.pk: question for question in questions}
    for question_id, score in scores.items():
        question = by_id.get(question_id)
        if question is None or question.kind != QuestionKind.SCALE:
            return False
        if score not in question.values:
            return False
    for question_id, options in choices.items():
        question = by_id.get(question_id)
        if question is None or question.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            return False
        if not options or len(set(options)) != len(options):
            return False
        if question.kind == QuestionKind.SINGLE and len(options) != 1:
            return False
        if any(option not in question.values for option in options):
            return False
    for question_id, text in texts.items():
        question = by_id.get(question_id)
        if question is None or question.kind != QuestionKind.TEXT:
            return False
        if not text or len(text) > MAX_TEXT:
            return False
    answered = scores.keys() | choices.keys()
    return all(
        question.pk in answered
        for question in questions
        if question.required and question.kind != QuestionKind.TEXT
    )


@transaction.atomic
def submit_rating(
    *,
    due: RatingDue,
    scores: Mapping[int, int],
    choices: Mapping[int, Sequence[int]],
    texts: Mapping[int, str],
) -> None:
    """Record one rating of ``due.target`` by ``due.token``: once, all or nothing.

    The answers are keyed by question id, as ``forms.RatingForm`` cleans them: ``scores`` the
    score of each scale question answered, ``choices`` the chosen options of each choice
    question answered, ``texts`` each free-text answer given. Answers that do not fit the
    instrument's questions are refused before anything is written.
    """
    campaign = due.target.campaign
    if not campaign.is_open_now:
        raise DomainError(_("This rating campaign is not open."), code="closed")
    questions = questions_of(campaign.instrument)
    if not _fits(questions, scores, choices, texts):
        raise DomainError(
            _("These answers do not fit the questions of this rating."), code="answers"
        )
    if not _flip(due):
        raise AlreadyRated(
            _("This rating has been given already; it cannot be given twice."), code="already_rated"
        )
    # The ballot must reach the box before the campaign's closing count, never after it: the
    # status is read under a shared lock on the campaign (PostgreSQL: FOR SHARE, which closing's
    # FOR UPDATE waits for; SQLite: the write lock the update above took), so a rating racing
    # the close either lands before the count or is refused.
    if not _still_open(campaign):
        raise DomainError(_("This rating campaign is not open."), code="closed")
    seal_ballot(due=due, questions=questions, scores=scores, choices=choices, texts=texts)


def _flip(due: RatingDue) -> bool:
    """Mark the due given if it is still owed; whether it was (one conditional UPDATE, so of
    two concurrent submissions one changes the row and the other finds it given)."""
    table = connection.ops.quote_name(RatingDue._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET done = %s WHERE id = %s AND NOT done", [True, due.pk])
        return cursor.rowcount == 1


def _still_open(campaign: Campaign) -> bool:
    table = connection.ops.quote_name(Campaign._meta.db_table)
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT status FROM {table} WHERE id = %s{lock}", [campaign.pk])
        row = cursor.fetchone()
    return row is not None and row[0] == CampaignStatus.OPEN
