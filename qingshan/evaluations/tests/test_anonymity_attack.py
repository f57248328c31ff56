"""The reader of everything (docs/anonymity.md) tries to name the author of each free-text answer.

Forty students rate one teacher through their one-time links, one after another, in an order the
attacker is assumed to know exactly (from access logs, session rows or a watch on the door). The
attacker then holds the whole database — as it stands mid-campaign and after the count, with
SQLite's row order, PostgreSQL's physical order (``ctid``) and transaction ids (``xmin``) — and
every request path and log line. Each channel is played; none may pair raters with answers better
than chance. (A random pairing of forty gets about one right; six or more happens by chance less
than once in ten thousand runs.)
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.evaluations.enums import InstrumentKind, QuestionKind
from qingshan.evaluations.models import Campaign, RaterToken, RatingDue, SealedBallot, TextAnswer
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services.keys import issue_keys
from qingshan.evaluations.services.library import install_instrument
from tests import factories

RATERS = 40
BY_CHANCE = 5  # more correct pairings than this is an attack that works
RATER_PATHS = {"/r/", "/r/exchange/", "/r/rate/", "/r/submit/", "/r/thanks/"}

pytestmark = pytest.mark.django_db(transaction=True)


def _campaign(school: Any) -> Campaign:
    term = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    school_class = factories.SchoolClassFactory(school=school)
    factories.TeachingAssignmentFactory(school=school, term=term, school_class=school_class)
    factories.StudentFactory.create_batch(
        RATERS, school=school, school_class=school_class, enrolled_on=dt.date(2012, 9, 1)
    )
    now = timezone.now()
    campaign = campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS),
        term=term,
        name="评教",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
    )
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    return campaign


def _answers(campaign: Campaign, text: str) -> dict[str, str]:
    answers = {}
    for question in campaign.instrument.questions.all():
        if question.kind == QuestionKind.SCALE:
            answers[question.field_name] = "4"
        elif question.kind == QuestionKind.TEXT:
            answers[question.field_name] = text
    return answers


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _physical_order(table: str) -> list[dict[str, Any]]:
    """Rows as the storage holds them (SQLite's rowid order, PostgreSQL's heap order), each with
    its columns and, on PostgreSQL, the transaction that wrote it (``xmin``)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT xmin::text AS xmin, * FROM {table} ORDER BY ctid")
        else:
            cursor.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture
def rated(school: Any) -> dict[str, Any]:
    """Forty raters, each with a link, rate in a known order; every path and log line kept."""
    campaign = _campaign(school)
    tokens = list(RaterToken.objects.filter(campaign=campaign).order_by("pk"))
    keys = {item.token.pk: item.key for item in issue_keys(tokens=tokens)}
    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    paths: list[str] = []
    order: list[int] = []  # token ids in the order they rated: what the attacker knows
    mid_campaign: list[tuple[Any, ...]] = []
    try:
        for number, token in enumerate(tokens):
            browser = Client()
            due = RatingDue.objects.get(token=token)
            steps = [
                ("get", reverse("evaluations:rate_home"), {}),
                ("post", reverse("evaluations:exchange"), {"key": keys[token.pk]}),
                ("post", reverse("evaluations:rate"), {"due": due.pk}),
                (
                    "post",
                    reverse("evaluations:submit"),
                    {"due": due.pk, **_answers(campaign, f"意见{number:02d}")},
                ),
                ("get", reverse("evaluations:rate_thanks"), {}),
            ]
            for method, path, data in steps:
                response = getattr(browser, method)(path, data)
                assert response.status_code in (200, 302), (path, response.status_code)
                paths.append(path)
            order.append(token.pk)
            if number == RATERS // 2:
                mid_campaign = _physical_order(SealedBallot._meta.db_table)
        sessions_while_open = Session.objects.count()
        campaigns.close_campaign(campaign=campaign)
    finally:
        logging.getLogger().removeHandler(recorder)
    return {
        "campaign": campaign,
        "order": order,
        "keys": keys,
        "paths": paths,
        "log": recorder.lines,
        "mid_campaign": mid_campaign,
        "sessions_while_open": sessions_while_open,
        "texts": {f"意见{number:02d}": token_pk for number, token_pk in enumerate(order)},
    }


def _correct(guesses: dict[str, int], truth: dict[str, int]) -> int:
    return sum(1 for text, token_pk in guesses.items() if truth.get(text) == token_pk)


def test_the_answers_physical_order_names_no_rater(rated: dict[str, Any]) -> None:
    text_at = [row["text"] for row in _physical_order(TextAnswer._meta.db_table)]

    # Guess: the n-th answer stored is the n-th rater's.
    guesses = dict(zip(text_at, rated["order"], strict=True))

    assert len(text_at) == RATERS
    assert _correct(guesses, rated["texts"]) <= BY_CHANCE


def test_transaction_ids_pair_no_rater_with_an_answer(rated: dict[str, Any]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps no transaction ids in its rows")
    answer_xmins = {row["xmin"] for row in _physical_order(TextAnswer._meta.db_table)}
    due_xmins = {row["xmin"] for row in _physical_order(RatingDue._meta.db_table) if row["done"]}

    # Every answer was written by the one counting transaction, which no rater's flip shares.
    assert len(answer_xmins) == 1
    assert len(due_xmins) == RATERS
    assert not answer_xmins & due_xmins


def test_the_dues_order_against_the_answers_order_names_no_rater(rated: dict[str, Any]) -> None:
    """Pair the k-th due marked done (physically) with the k-th answer stored."""
    dues_order = [
        row["token_id"] for row in _physical_order(RatingDue._meta.db_table) if row["done"]
    ]
    text_at = [row["text"] for row in _physical_order(TextAnswer._meta.db_table)]

    guesses = dict(zip(text_at, dues_order, strict=False))

    assert _correct(guesses, rated["texts"]) <= BY_CHANCE


def test_sealed_ballots_mid_campaign_hold_nothing_readable(rated: dict[str, Any]) -> None:
    sealed = [bytes(row["sealed"]) for row in rated["mid_campaign"]]

    assert len(sealed) == RATERS // 2 + 1
    assert len({len(blob) for blob in sealed}) == 1  # one size: a ballot's length says nothing
    assert not any("意见".encode() in blob or b"\\u610f" in blob for blob in sealed)
    assert not SealedBallot.objects.exists()  # counting removed them


def test_no_session_row_holds_a_rater(rated: dict[str, Any]) -> None:
    assert rated["sessions_while_open"] == 0
    assert Session.objects.count() == 0


def test_no_address_or_log_line_carries_a_key_a_token_or_a_due(rated: dict[str, Any]) -> None:
    identifiers = set(rated["keys"].values())
    dues = RatingDue.objects.filter(token__campaign=rated["campaign"])
    numbers = {str(pk) for pk in dues.values_list("pk", flat=True)} | {
        str(pk) for pk in rated["keys"]
    }

    assert set(rated["paths"]) <= RATER_PATHS
    for line in rated["log"]:
        assert not any(key in line for key in identifiers), line
        assert not any(f"/{number}/" in line for number in numbers), line


def test_the_database_holds_no_raw_key(rated: dict[str, Any]) -> None:
    tables = [
        model._meta.db_table
        for model in (RaterToken, RatingDue, TextAnswer, SealedBallot, Campaign)
    ]
    stored = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")
            stored += [str(value) for row in cursor.fetchall() for value in row]

    assert not any(key in value for key in rated["keys"].values() for value in stored)
