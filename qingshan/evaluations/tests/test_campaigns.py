"""The campaign's state machine, preparation, anonymity by construction, one token one rating."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import OperationalError, close_old_connections, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.core.errors import DomainError
from qingshan.core.notices import NoticeKind, notices_for
from qingshan.evaluations.enums import CampaignStatus, InstrumentKind
from qingshan.evaluations.models import (
    Campaign,
    CampaignTransition,
    RatingDue,
    ScaleCount,
    SealedBallot,
    TextAnswer,
)
from qingshan.evaluations.services import campaigns, ratings
from qingshan.evaluations.services.keys import issue_keys
from qingshan.evaluations.services.library import install_instrument
from qingshan.evaluations.tests.factories import give_rating
from tests import factories


def _campaign(
    school: Any,
    kind: str = InstrumentKind.STUDENTS_RATE_TEACHERS,
    students: int = 2,
    **options: Any,
) -> Campaign:
    term = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    school_class = factories.SchoolClassFactory(school=school)
    for subject in ("语文", "数学"):
        factories.TeachingAssignmentFactory(
            school=school, term=term, school_class=school_class, subject=subject
        )
    for _n in range(students):
        factories.GuardianLinkFactory(
            school=school,
            student__school_class=school_class,
            student__enrolled_on=dt.date(2012, 9, 1),
        )
    now = timezone.now()
    return campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind=kind),
        term=term,
        name="2013秋评教",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=7),
        **options,
    )


def _answers(campaign: Campaign, score: int = 4, text: str = "") -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in campaign.instrument.questions.all():
        if question.kind == "scale":
            answers[question.field_name] = str(score)
        elif question.kind == "text" and text:
            answers[question.field_name] = text
    return answers


def test_preparing_draws_a_token_per_student_and_dues_for_each_teacher_of_the_class(
    school: Any,
) -> None:
    campaign = _campaign(school, students=3)

    campaigns.prepare_campaign(campaign=campaign)

    assert campaign.tokens.count() == 3
    assert RatingDue.objects.filter(token__campaign=campaign).count() == 6
    assert sorted(campaign.targets.values_list("invited", flat=True)) == [3, 3]
    assert ScaleCount.objects.filter(target__campaign=campaign).count() == 2 * 10 * 5
    assert campaign.status == CampaignStatus.PREPARED


def test_parents_rate_the_school_one_token_per_guardian(school: Any) -> None:
    campaign = _campaign(school, kind=InstrumentKind.PARENTS_RATE_SCHOOL, students=3)

    campaigns.prepare_campaign(campaign=campaign)

    assert list(campaign.targets.values_list("kind", "invited")) == [("school", 3)]
    assert set(campaign.tokens.values_list("rater_kind", flat=True)) == {"parent"}


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["prepare", "open", "close", "finish_review", "publish"], True),
        (["open"], False),  # a draft cannot open
        (["prepare", "open", "publish"], False),  # publish needs closing and review
        (
            ["prepare", "open", "close", "open", "close", "finish_review"],
            True,
        ),  # reopen before review
        (["prepare", "open", "close", "finish_review", "open"], False),  # no reopening after review
    ],
)
def test_transitions_follow_the_order_and_are_logged(
    school: Any, path: list[str], allowed: bool
) -> None:
    campaign = _campaign(school)
    actions = {
        "prepare": campaigns.prepare_campaign,
        "open": campaigns.open_campaign,
        "close": campaigns.close_campaign,
        "finish_review": campaigns.finish_review,
        "publish": campaigns.publish_campaign,
    }

    if allowed:
        for step in path:
            actions[step](campaign=campaign)
        assert CampaignTransition.objects.filter(campaign=campaign).count() == len(path)
    else:
        with pytest.raises(DomainError):
            for step in path:
                actions[step](campaign=campaign)


def test_review_cannot_finish_while_text_answers_wait(school: Any) -> None:
    campaign = _campaign(school)
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    due = RatingDue.objects.filter(token__campaign=campaign).first()
    give_rating(due, _answers(campaign, text="讲得很好"))
    campaigns.close_campaign(campaign=campaign)

    with pytest.raises(DomainError, match="wait for review"):
        campaigns.finish_review(campaign=campaign)
    campaigns.review_text_answer(answer=TextAnswer.objects.get(), review="public")
    campaigns.finish_review(campaign=campaign)


def test_the_schedule_opens_and_closes_campaigns(school: Any) -> None:
    campaign = _campaign(school)
    campaigns.prepare_campaign(campaign=campaign)

    campaigns.apply_schedule(now=timezone.now())
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.OPEN
    campaigns.apply_schedule(now=campaign.closes_at)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED


@pytest.fixture
def open_campaign(school: Any) -> Campaign:
    campaign = _campaign(school)
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    return campaign


def test_a_rating_waits_sealed_and_is_counted_when_the_campaign_closes(
    open_campaign: Campaign,
) -> None:
    due = RatingDue.objects.filter(token__campaign=open_campaign).first()

    give_rating(due, _answers(open_campaign, score=5))
    due.refresh_from_db()
    counts = ScaleCount.objects.filter(target=due.target, value=5)
    while_open = sorted(set(counts.values_list("count", flat=True)))
    sealed = SealedBallot.objects.filter(campaign=open_campaign).count()
    campaigns.close_campaign(campaign=open_campaign)

    assert due.done is True
    assert (while_open, sealed) == ([0], 1)
    assert sorted(set(counts.values_list("count", flat=True))) == [1]
    assert not SealedBallot.objects.exists()


def test_a_second_submission_is_refused_and_counts_nothing(open_campaign: Campaign) -> None:
    due = RatingDue.objects.filter(token__campaign=open_campaign).first()
    give_rating(due, _answers(open_campaign))

    with pytest.raises(DomainError, match="given already"):
        give_rating(due, _answers(open_campaign))
    campaigns.close_campaign(campaign=open_campaign)

    assert sum(ScaleCount.objects.filter(target=due.target).values_list("count", flat=True)) == 10


def test_a_missing_required_answer_is_refused_and_nothing_is_written(
    open_campaign: Campaign,
) -> None:
    due = RatingDue.objects.filter(token__campaign=open_campaign).first()
    answers = _answers(open_campaign)
    answers.pop(next(iter(answers)))

    with pytest.raises(ValidationError, match="needs an answer"):
        give_rating(due, answers)
    with pytest.raises(DomainError, match="do not fit"):
        ratings.submit_rating(due=due, scores={}, choices={}, texts={})

    due.refresh_from_db()
    assert due.done is False
    assert not SealedBallot.objects.exists()


def test_a_closed_campaign_refuses_ratings(open_campaign: Campaign) -> None:
    campaigns.close_campaign(campaign=open_campaign)
    due = RatingDue.objects.filter(token__campaign=open_campaign).first()

    with pytest.raises(DomainError, match="not open"):
        give_rating(due, _answers(open_campaign))


def test_stored_answers_carry_nothing_that_links_to_a_rater(open_campaign: Campaign) -> None:
    dues = list(RatingDue.objects.filter(token__campaign=open_campaign).select_related("token"))
    keys = {item.key for item in issue_keys(tokens=[due.token for due in dues])}
    for due in dues:
        give_rating(due, _answers(open_campaign, text=f"意见{due.pk}"))
    campaigns.close_campaign(campaign=open_campaign)

    text_columns = {field.column for field in TextAnswer._meta.concrete_fields}
    count_columns = {field.column for field in ScaleCount._meta.concrete_fields}
    due_columns = {field.column for field in RatingDue._meta.concrete_fields}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {TextAnswer._meta.db_table}")
        stored = cursor.fetchall()
    token_keys = keys
    user_ids = {str(due.token.student_id) for due in dues}

    assert text_columns == {"id", "school_id", "target_id", "question_id", "text", "review"}
    assert count_columns == {"id", "school_id", "target_id", "question_id", "value", "count"}
    assert not any(
        "time" in column or "date" in column or "_at" in column
        for column in text_columns | count_columns | due_columns
    )
    assert not any(str(value) in token_keys for row in stored for value in row)
    assert len(stored) == len(dues) and not (user_ids & {str(row[0]) for row in stored})


def test_the_order_of_stored_text_answers_reveals_nothing(open_campaign: Campaign) -> None:
    dues = list(RatingDue.objects.filter(token__campaign=open_campaign).order_by("pk"))
    for number, due in enumerate(dues * 1):
        give_rating(due, _answers(open_campaign, text=f"第{number}条"))
    campaigns.close_campaign(campaign=open_campaign)

    read_back = [answer.text for answer in TextAnswer.objects.all()]
    keys = [answer.pk for answer in TextAnswer.objects.all()]

    assert keys == sorted(keys)  # always read in key order, and the keys are random UUIDs
    assert len({key.version for key in keys}) == 1 and keys[0].version == 4
    assert sorted(read_back) == sorted(f"第{n}条" for n in range(len(dues)))


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_with_one_token_store_exactly_one(school: Any) -> None:
    campaign = _campaign(school)
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    due = RatingDue.objects.filter(token__campaign=campaign).first()
    answers = _answers(campaign)
    outcomes: list[str] = []
    start = threading.Barrier(20)

    def submit() -> None:
        start.wait()
        try:
            give_rating(
                RatingDue.objects.select_related("target__campaign__instrument").get(pk=due.pk),
                answers,
            )
            outcomes.append("stored")
        except DomainError:
            outcomes.append("refused")
        except (
            Exception
        ) as error:  # database busy under the race counts as refused, never as stored twice
            outcomes.append(type(error).__name__)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    campaigns.close_campaign(campaign=campaign)
    assert outcomes.count("stored") == 1
    assert sum(ScaleCount.objects.filter(target=due.target).values_list("count", flat=True)) == 10


def test_a_student_scans_rates_and_cannot_rate_again(open_campaign: Campaign) -> None:
    token = open_campaign.tokens.first()
    key = issue_keys(tokens=[token])[0].key
    client = Client()

    landing = client.post(reverse("evaluations:exchange"), {"key": key})
    home = client.get(landing["Location"])
    due = token.dues.first()
    form = client.post(reverse("evaluations:rate"), {"due": due.pk})
    first = client.post(reverse("evaluations:submit"), {"due": due.pk, **_answers(open_campaign)})
    again = client.post(reverse("evaluations:submit"), {"due": due.pk, **_answers(open_campaign)})

    assert (landing.status_code, landing["Location"]) == (302, reverse("evaluations:rate_home"))
    assert landing["Referrer-Policy"] == "same-origin"
    assert key not in home.content.decode()
    assert form.status_code == 200
    assert (first.status_code, first["Location"]) == (302, reverse("evaluations:rate_thanks"))
    assert again.status_code == 409
    assert 'id="already-rated"' in again.content.decode()
    assert not Session.objects.exists()  # no server-side session holds the rater


def test_an_unknown_key_gets_a_clear_page(db: None) -> None:
    response = Client().post(reverse("evaluations:exchange"), {"key": "not-a-real-key"})

    assert response.status_code == 404
    assert "This link is not known" in response.content.decode()


def test_a_reprinted_slip_replaces_the_key_printed_before(open_campaign: Campaign) -> None:
    token = open_campaign.tokens.first()
    old = issue_keys(tokens=[token])[0].key
    new = issue_keys(tokens=[token])[0].key

    refused = Client().post(reverse("evaluations:exchange"), {"key": old})
    accepted = Client().post(reverse("evaluations:exchange"), {"key": new})

    assert (refused.status_code, accepted.status_code) == (404, 302)


def test_another_raters_due_is_not_reachable(open_campaign: Campaign) -> None:
    mine, theirs = open_campaign.tokens.all()[:2]
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[mine])[0].key})

    form = client.post(reverse("evaluations:rate"), {"due": theirs.dues.first().pk})
    given = client.post(
        reverse("evaluations:submit"),
        {"due": theirs.dues.first().pk, **_answers(open_campaign)},
    )

    assert (form.status_code, given.status_code) == (404, 404)
    assert not SealedBallot.objects.exists()


def test_a_rating_page_with_a_missing_answer_says_which(open_campaign: Campaign) -> None:
    token = open_campaign.tokens.first()
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[token])[0].key})

    response = client.post(reverse("evaluations:submit"), {"due": token.dues.first().pk})

    assert response.status_code == 422
    assert "needs an answer" in response.content.decode()


def test_the_schedule_command_closes_a_campaign_whose_time_is_up(school: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    campaign = _campaign(school)
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(
        closes_at=timezone.now() - dt.timedelta(minutes=1)
    )

    call_command("apply_rating_schedule", stdout=StringIO())

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED


@pytest.mark.django_db(transaction=True)
def test_many_raters_of_one_teacher_at_once_are_all_counted(school: Any) -> None:
    campaign = _campaign(school, students=12)
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    target = campaign.targets.first()
    dues = list(RatingDue.objects.filter(target=target))
    outcomes: list[str] = []
    retries: list[int] = []
    start = threading.Barrier(len(dues))

    def submit(due: RatingDue, score: int) -> None:
        # The in-memory SQLite of the tests reports a locked table at once instead of waiting;
        # a browser would show the 503 "please retry" page, so the rater tries again.
        start.wait()
        for attempt in range(100):
            try:
                fresh = RatingDue.objects.select_related("target__campaign__instrument").get(
                    pk=due.pk
                )
                give_rating(fresh, _answers(campaign, score=score))
                outcomes.append("stored")
                retries.append(attempt)
                break
            except OperationalError:
                time.sleep(0.01)
            except Exception as error:
                outcomes.append(type(error).__name__)
                break
        connection.close()

    threads = [
        threading.Thread(target=submit, args=(due, 1 + index % 5)) for index, due in enumerate(dues)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    campaigns.close_campaign(campaign=campaign)
    assert outcomes == ["stored"] * len(dues)
    assert (
        sum(ScaleCount.objects.filter(target=target).values_list("count", flat=True))
        == len(dues) * 10
    )
    if connection.vendor == "postgresql":
        assert sum(retries) == 0  # raters write ballots of their own: nothing to wait on


def test_a_campaigns_page_changes_nothing_and_says_the_schedule_is_due(
    school: Any, client_for: Any
) -> None:
    mine = _campaign(school)
    campaigns.prepare_campaign(campaign=mine)

    response = client_for("secretary", school).get(
        reverse("evaluations:campaign_detail", args=[mine.pk])
    )

    mine.refresh_from_db()
    assert mine.status == CampaignStatus.PREPARED
    assert response.context["schedule_due"] == "open"


def test_applying_the_schedule_from_its_page_opens_that_campaign_only(
    school: Any, other_school: Any, client_for: Any
) -> None:
    mine, theirs = _campaign(school), _campaign(other_school)
    for campaign in (mine, theirs):
        campaigns.prepare_campaign(campaign=campaign)

    client_for("secretary", school).post(
        reverse("evaluations:campaign_action", args=[mine.pk, "schedule"])
    )

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == (CampaignStatus.OPEN, CampaignStatus.PREPARED)


def test_a_student_is_told_in_the_inbox_how_many_ratings_they_owe(
    open_campaign: Campaign, school: Any, user_with_role: Any
) -> None:
    token = open_campaign.tokens.filter(student__isnull=False).first()
    user = user_with_role("student", school)
    token.student.user = user
    token.student.save(update_fields=["user"])
    owed = RatingDue.objects.filter(token=token, done=False).count()

    notices = notices_for(school=school, user=user, day=timezone.localdate())

    titles = [str(n.title) for n in notices if n.kind == NoticeKind.RATING_DUE]
    assert owed and len(titles) == 1 and f"{open_campaign.name}: {owed} rating" in titles[0]
