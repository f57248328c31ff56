"""Ballots: how a rating waits, sealed, until its campaign closes, and how closing counts them.

Invariants:
- a ballot holds everything of one rating (the target, every answer) sealed with a key kept
  outside the database and padded to one size per instrument, so neither its content nor its
  length says anything; its row carries no target, token, user or time;
- counting happens once, when the campaign closes, in the closing transaction: every ballot of
  the campaign is opened, added to the counters, its free text written in a shuffled order, and
  deleted. On PostgreSQL every row it writes carries the same transaction id; on SQLite the text
  rows' order is the shuffle's. Nothing written here shares an order with who has rated.
"""

from __future__ import annotations

import json
import secrets
import struct
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from qingshan.core.sealing import seal, unseal
from qingshan.evaluations.enums import QuestionKind
from qingshan.evaluations.models import (
    Campaign,
    ChoiceCount,
    Question,
    RatingDue,
    ScaleCount,
    SealedBallot,
    TextAnswer,
)

BALLOT_PURPOSE = "ballot"
MAX_TEXT = 2000
# A ballot's JSON is UTF-8 escaping only control characters, so a character takes at most 6
# bytes (\\u0001); escaped as ASCII, an emoji took 12 and a long text of them did not fit.
TEXT_BYTES = 6 * MAX_TEXT + 16
HEADER = struct.Struct(">I")  # the length of the ballot's JSON before its padding


def ballot_size(questions: Sequence[Question]) -> int:
    """The one size every ballot of an instrument is padded to: room for the target, every
    score and every option of every question, and the longest text of each text question."""
    room = 64
    for question in questions:
        room += 32 + 8 * len(question.values)
        if question.kind == QuestionKind.TEXT:
            room += TEXT_BYTES
    return room


def seal_ballot(
    *,
    due: RatingDue,
    questions: Sequence[Question],
    scores: Mapping[int, int],
    choices: Mapping[int, Sequence[int]],
    texts: Mapping[int, str],
) -> None:
    """Store one rating sealed (within the caller's transaction): one INSERT of the school, the
    campaign and the sealed bytes, nothing else."""
    body = json.dumps(
        {
            "t": due.target_id,
            "s": {str(key): value for key, value in sorted(scores.items())},
            "c": {str(key): list(value) for key, value in sorted(choices.items())},
            "x": {str(key): value for key, value in sorted(texts.items())},
        },
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    size = ballot_size(questions)
    if len(body) > size:
        raise ValueError("a ballot does not fit its instrument's ballot size")
    plaintext = HEADER.pack(len(body)) + body + bytes(size - len(body))
    table = connection.ops.quote_name(SealedBallot._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (school_id, campaign_id, sealed) VALUES (%s, %s, %s)",
            [due.school_id, due.target.campaign_id, seal(BALLOT_PURPOSE, plaintext)],
        )


@dataclass(frozen=True)
class OpenedBallot:
    target: int
    scores: dict[int, int]
    choices: dict[int, list[int]]
    texts: dict[int, str]


def _opened(ballot: SealedBallot) -> OpenedBallot:
    plaintext = unseal(BALLOT_PURPOSE, bytes(ballot.sealed))
    (length,) = HEADER.unpack_from(plaintext)
    body = json.loads(plaintext[HEADER.size : HEADER.size + length])
    return OpenedBallot(
        target=int(body["t"]),
        scores={int(key): int(value) for key, value in body["s"].items()},
        choices={int(key): [int(option) for option in value] for key, value in body["c"].items()},
        texts={int(key): str(value) for key, value in body["x"].items()},
    )


@transaction.atomic
def count_ballots(*, campaign: Campaign) -> int:
    """Open every sealed ballot of the campaign, add it to the counters and the free text, and
    delete it; the number counted. Called by the closing transition, inside its transaction."""
    ballots = list(SealedBallot.objects.filter(campaign=campaign))
    if not ballots:
        return 0
    scale: Counter[tuple[int, int, int]] = Counter()
    choice: Counter[tuple[int, int, int]] = Counter()
    texts: list[TextAnswer] = []
    for ballot in ballots:
        opened = _opened(ballot)
        for question, score in opened.scores.items():
            scale[(opened.target, question, score)] += 1
        for question, options in opened.choices.items():
            for option in options:
                choice[(opened.target, question, option)] += 1
        texts += [
            TextAnswer(
                school_id=campaign.school_id,
                target_id=opened.target,
                question_id=question,
                text=text,
            )
            for question, text in opened.texts.items()
        ]
    _add_counts(ScaleCount, "value", scale)
    _add_counts(ChoiceCount, "option", choice)
    secrets.SystemRandom().shuffle(texts)
    TextAnswer.objects.bulk_create(texts, batch_size=1000)
    SealedBallot.objects.filter(pk__in=[ballot.pk for ballot in ballots]).delete()
    return len(ballots)


def _add_counts(
    model: type[ScaleCount] | type[ChoiceCount],
    column: str,
    counts: Counter[tuple[int, int, int]],
) -> None:
    """Add each (target, question, value) count to its counter row, a few hundred per query."""
    table = connection.ops.quote_name(model._meta.db_table)
    items = sorted(counts.items())
    for start in range(0, len(items), 300):
        chunk = items[start : start + 300]
        cases = " ".join(
            [f"WHEN target_id = %s AND question_id = %s AND {column} = %s THEN %s"] * len(chunk)
        )
        where = " OR ".join(
            [f"(target_id = %s AND question_id = %s AND {column} = %s)"] * len(chunk)
        )
        params: list[int] = [value for (key, added) in chunk for value in (*key, added)]
        params += [value for (key, _added) in chunk for value in key]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET count = count + CASE {cases} ELSE 0 END WHERE {where}", params
            )
