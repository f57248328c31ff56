"""Giving a rating: each rating due is answered once, with answers the rating form has cleaned.

Invariants:
- a rating due flips from owed to done exactly once: the flip is one conditional UPDATE, so a
  second use of the same token for the same target, concurrent or later, changes no row and is
  refused; the answers are counted only after the flip succeeded, in the same transaction;
- every answer is checked against the instrument's questions before anything is written (the form
  says what is wrong; this says only that it does not fit); a refused submission changes nothing;
- answers are recorded as counter increments and UUID-keyed text rows: no user, token or time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection, transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import QuestionKind
from qingshan.evaluations.models import ChoiceCount, Question, RatingDue, ScaleCount, TextAnswer
from qingshan.evaluations.selectors.rating import questions_of

MAX_TEXT = 2000


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
    flipped = RatingDue.objects.filter(pk=due.pk, done=False).update(done=True)
    if flipped != 1:
        raise AlreadyRated(
            _("This rating has been given already; it cannot be given twice."), code="already_rated"
        )
    scale_pairs = sorted(scores.items())
    choice_pairs = sorted(
        (question_id, option) for question_id, options in choices.items() for option in options
    )
    _increment(ScaleCount, "value", due.target_id, scale_pairs)
    _increment(ChoiceCount, "option", due.target_id, choice_pairs)
    TextAnswer.objects.bulk_create(
        TextAnswer(
            school_id=due.school_id, target_id=due.target_id, question_id=question_id, text=text
        )
        for question_id, text in sorted(texts.items())
    )


def _increment(
    model: type[ScaleCount] | type[ChoiceCount],
    column: str,
    target_id: int,
    pairs: list[tuple[int, int]],
) -> None:
    """Add one to each (question, value) counter of the target.

    Raters of the same target update overlapping rows at the same time: the rows are first locked
    in one global order (by id), so two submissions never wait on each other crosswise (deadlock).
    SQLite has a single writer and needs no row locks.
    """
    if not pairs:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    rows = ", ".join(["(%s, %s)"] * len(pairs))
    params = [target_id, *(item for pair in pairs for item in pair)]
    match = f"target_id = %s AND (question_id, {column}) IN (VALUES {rows})"
    with connection.cursor() as cursor:
        if connection.features.has_select_for_update:
            cursor.execute(
                f"WITH locked AS (SELECT id FROM {table} WHERE {match} ORDER BY id FOR UPDATE) "
                f"UPDATE {table} SET count = {table}.count + 1 FROM locked WHERE {table}.id = locked.id",
                params,
            )
        else:
            cursor.execute(f"UPDATE {table} SET count = count + 1 WHERE {match}", params)
