"""Giving a rating: a token's key is exchanged for a session, then each rating due is answered once.

Invariants:
- a rating due flips from owed to done exactly once: the flip is one conditional UPDATE, so a
  second use of the same token for the same target, concurrent or later, changes no row and is
  refused; the answers are counted only after the flip succeeded, in the same transaction;
- every answer is checked before anything is written; a refused submission changes nothing;
- answers are recorded as counter increments and UUID-keyed text rows: no user, token or time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import CampaignStatus, QuestionKind
from qingshan.evaluations.models import (
    ChoiceCount,
    Question,
    RaterToken,
    RatingDue,
    ScaleCount,
    TextAnswer,
)

MAX_TEXT = 2000


class AlreadyRated(DomainError):
    """The rating due was given already (by an earlier or a concurrent submission)."""


def token_for_key(key: str) -> RaterToken | None:
    if not key or len(key) > 40:
        return None
    return (
        RaterToken.objects.select_related("campaign__instrument", "campaign__school")
        .filter(key=key)
        .first()
    )


def tokens_for_user(user: Any) -> list[RaterToken]:
    """Tokens of a signed-in student, staff member or party member, in open campaigns."""
    from django.db.models import Q

    links = Q()
    if hasattr(user, "student_record"):
        links |= Q(student=user.student_record)
    if hasattr(user, "staff_record"):
        links |= Q(staff=user.staff_record)
        member = (
            getattr(user.staff_record, "party_member", None)
            if hasattr(user.staff_record, "party_member")
            else None
        )
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


_QUESTIONS: dict[tuple[int, str], list[Question]] = {}


def questions_of(instrument: Any) -> list[Question]:
    """The instrument's questions, kept per process: an instrument's questions do not change once
    a campaign uses it (``views.manage.question_form`` refuses), and only a campaign in use is rated.
    The key includes the creation time, so a reused primary key never finds another's questions."""
    key = (instrument.pk, instrument.created_at.isoformat())
    if key not in _QUESTIONS:
        if len(_QUESTIONS) > 200:
            _QUESTIONS.clear()
        _QUESTIONS[key] = list(instrument.questions.all())
    return _QUESTIONS[key]


def clean_answers(questions: list[Question], raw: Mapping[str, Any]) -> dict[int, Any]:
    """Parse ``raw`` (form data keyed ``q<id>``) into {question id: value}; raise on any problem."""
    answers: dict[int, Any] = {}
    problems = []
    for question in questions:
        name = f"q{question.pk}"
        if question.kind == QuestionKind.MULTIPLE:
            values = raw.getlist(name) if hasattr(raw, "getlist") else raw.get(name) or []
            chosen = sorted({int(v) for v in values if str(v).isdigit()})
            if any(option not in question.values for option in chosen) or len(chosen) != len(
                set(values)
            ):
                problems.append(
                    _("“%(question)s”: choose among the options.")
                    % {"question": question.localized_text}
                )
            elif chosen:
                answers[question.pk] = chosen
        elif question.kind == QuestionKind.TEXT:
            text = str(raw.get(name) or "").strip()
            if len(text) > MAX_TEXT:
                problems.append(
                    _("“%(question)s”: at most %(count)d characters.")
                    % {"question": question.localized_text, "count": MAX_TEXT}
                )
            elif text:
                answers[question.pk] = text
        else:
            value = str(raw.get(name) or "").strip()
            if value:
                if not value.isdigit() or int(value) not in question.values:
                    problems.append(
                        _("“%(question)s”: choose one of the answers.")
                        % {"question": question.localized_text}
                    )
                else:
                    answers[question.pk] = int(value)
        if question.required and question.pk not in answers and question.kind != QuestionKind.TEXT:
            problems.append(
                _("“%(question)s” needs an answer.") % {"question": question.localized_text}
            )
    if problems:
        raise DomainError(problems, code="answers")
    return answers


@transaction.atomic
def submit_rating(
    *, due: RatingDue, raw_answers: Mapping[str, Any], questions: list[Question] | None = None
) -> None:
    """Record one rating of ``due.target`` by ``due.token``: once, all or nothing.

    ``questions``: the instrument's questions when the caller has them already.
    """
    campaign = due.target.campaign
    if not campaign.is_open_now:
        raise DomainError(_("This rating campaign is not open."), code="closed")
    if questions is None:
        questions = questions_of(campaign.instrument)
    answers = clean_answers(questions, raw_answers)
    flipped = RatingDue.objects.filter(pk=due.pk, done=False).update(done=True)
    if flipped != 1:
        raise AlreadyRated(
            _("This rating has been given already; it cannot be given twice."), code="already_rated"
        )
    scale_pairs: list[tuple[int, int]] = []
    choice_pairs: list[tuple[int, int]] = []
    texts = []
    for question in questions:
        value = answers.get(question.pk)
        if value is None:
            continue
        if question.kind == QuestionKind.SCALE:
            scale_pairs.append((question.pk, value))
        elif question.kind == QuestionKind.SINGLE:
            choice_pairs.append((question.pk, value))
        elif question.kind == QuestionKind.MULTIPLE:
            choice_pairs += [(question.pk, option) for option in value]
        else:
            texts.append(
                TextAnswer(school=due.school, target=due.target, question=question, text=value)
            )
    _increment(ScaleCount, "value", due.target_id, scale_pairs)
    _increment(ChoiceCount, "option", due.target_id, choice_pairs)
    TextAnswer.objects.bulk_create(texts)


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
