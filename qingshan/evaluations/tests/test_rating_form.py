"""The rating form: built once per instrument from its questions, it refuses every answer that does
not fit (with the question named, in the rater's language), and a refused page writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import InstrumentKind, QuestionKind
from qingshan.evaluations.forms import rating_form_for
from qingshan.evaluations.models import (
    Campaign,
    ChoiceCount,
    Instrument,
    Question,
    RatingDue,
    ScaleCount,
    SealedBallot,
    TextAnswer,
)
from qingshan.evaluations.services import campaigns, ratings
from qingshan.evaluations.services.campaigns import close_campaign
from qingshan.evaluations.services.keys import issue_keys
from tests import factories

OPTIONS = [{"zh": "甲", "en": "A"}, {"zh": "乙", "en": "B"}, {"zh": "丙", "en": "C"}]


@pytest.fixture
def instrument(school: Any) -> Instrument:
    """Students rate teachers with one question of each kind, all required."""
    instrument = Instrument.objects.create(
        school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS, name="评教", name_en="Rating"
    )
    for order, (kind, text, text_en) in enumerate(
        [
            (QuestionKind.SCALE, "态度", "Attitude"),
            (QuestionKind.SINGLE, "最需改进", "Improve first"),
            (QuestionKind.MULTIPLE, "优点", "Strengths"),
            (QuestionKind.TEXT, "意见", "Remarks"),
        ]
    ):
        Question.objects.create(
            school=school,
            instrument=instrument,
            order=order,
            kind=kind,
            text=text,
            text_en=text_en,
            options=OPTIONS if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) else [],
            required=True,
        )
    return instrument


def _questions(instrument: Instrument) -> dict[str, Question]:
    return {question.kind: question for question in instrument.questions.all()}


def _valid(instrument: Instrument, **changes: Any) -> dict[str, Any]:
    found = _questions(instrument)
    data: dict[str, Any] = {
        found[QuestionKind.SCALE].field_name: "4",
        found[QuestionKind.SINGLE].field_name: "2",
        found[QuestionKind.MULTIPLE].field_name: ["2", "0"],
        found[QuestionKind.TEXT].field_name: "  讲得很好  ",
    }
    for kind, value in changes.items():
        if value is None:
            data.pop(found[kind].field_name)
        else:
            data[found[kind].field_name] = value
    return data


def _bound(instrument: Instrument, data: dict[str, Any]) -> Any:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return rating_form_for(instrument)(query)


def test_valid_answers_come_out_as_typed_values_by_question(instrument: Instrument) -> None:
    form = _bound(instrument, _valid(instrument))
    found = _questions(instrument)

    assert form.is_valid(), form.problems
    answers = form.answers()
    assert answers.scores == {found[QuestionKind.SCALE].pk: 4}
    assert answers.choices == {
        found[QuestionKind.SINGLE].pk: (2,),
        found[QuestionKind.MULTIPLE].pk: (0, 2),
    }
    assert answers.texts == {found[QuestionKind.TEXT].pk: "讲得很好"}


def test_an_option_ticked_twice_counts_once(instrument: Instrument) -> None:
    form = _bound(instrument, _valid(instrument, multiple=["1", "1"]))

    assert form.is_valid()
    assert list(form.answers().choices.values())[-1] == (1,)


@pytest.mark.parametrize("score", ["0", "6", "4.5", "four", "-1"])
def test_a_score_off_the_scale_is_refused(instrument: Instrument, score: str) -> None:
    form = _bound(instrument, _valid(instrument, scale=score))

    assert not form.is_valid()
    assert form.problems == ["“Attitude”: choose one of the answers."]


@pytest.mark.parametrize("option", ["3", "-1", "x"])
def test_a_single_choice_outside_the_options_is_refused(
    instrument: Instrument, option: str
) -> None:
    form = _bound(instrument, _valid(instrument, single=option))

    assert not form.is_valid()
    assert form.problems == ["“Improve first”: choose one of the answers."]


@pytest.mark.parametrize("chosen", [["0", "3"], ["x"], ["1", "7", "2"]])
def test_a_multiple_choice_beyond_the_options_is_refused(
    instrument: Instrument, chosen: list[str]
) -> None:
    form = _bound(instrument, _valid(instrument, multiple=chosen))

    assert not form.is_valid()
    assert form.problems == ["“Strengths”: choose among the options."]


def test_free_text_longer_than_the_limit_is_refused(instrument: Instrument) -> None:
    form = _bound(instrument, _valid(instrument, text="好" * (ratings.MAX_TEXT + 1)))

    assert not form.is_valid()
    assert form.problems == [f"“Remarks”: at most {ratings.MAX_TEXT} characters."]


@pytest.mark.parametrize(
    ("kind", "label"),
    [("scale", "Attitude"), ("single", "Improve first"), ("multiple", "Strengths")],
)
def test_a_required_question_left_out_is_refused(
    instrument: Instrument, kind: str, label: str
) -> None:
    form = _bound(instrument, _valid(instrument, **{kind: None}))

    assert not form.is_valid()
    assert form.problems == [f"“{label}” needs an answer."]


def test_free_text_is_never_compulsory(instrument: Instrument) -> None:
    form = _bound(instrument, _valid(instrument, text=None))

    assert form.is_valid()
    assert form.answers().texts == {}


def test_optional_questions_left_out_are_left_out_of_the_answers(
    instrument: Instrument,
) -> None:
    Question.objects.filter(instrument=instrument).update(required=False)
    Instrument.objects.filter(pk=instrument.pk).update(updated_at=timezone.now())
    instrument.refresh_from_db()

    form = _bound(instrument, {})

    assert form.is_valid()
    answers = form.answers()
    assert (answers.scores, answers.choices, answers.texts) == ({}, {}, {})


def test_every_problem_is_listed_in_the_questions_order(instrument: Instrument) -> None:
    form = _bound(instrument, {_questions(instrument)[QuestionKind.SINGLE].field_name: "9"})

    assert not form.is_valid()
    assert form.problems == [
        "“Attitude” needs an answer.",
        "“Improve first”: choose one of the answers.",
        "“Strengths” needs an answer.",
    ]


def test_refusals_are_in_the_raters_language(instrument: Instrument) -> None:
    with translation.override("zh-hans"):
        form = _bound(instrument, _valid(instrument, scale=None))
        assert not form.is_valid()
        problems = form.problems

    assert problems == ["“态度”为必答题。"]


def test_a_question_with_a_percent_sign_is_named_in_its_refusal(
    instrument: Instrument,
) -> None:
    Question.objects.filter(instrument=instrument, kind=QuestionKind.SCALE).update(
        text_en="Satisfied (100%)?"
    )
    Instrument.objects.filter(pk=instrument.pk).update(updated_at=timezone.now())
    instrument.refresh_from_db()

    form = _bound(instrument, _valid(instrument, scale="9"))

    assert not form.is_valid()
    assert form.problems == ["“Satisfied (100%)?”: choose one of the answers."]


def test_the_form_is_built_once_per_version_of_the_instrument(instrument: Instrument) -> None:
    first = rating_form_for(instrument)
    with CaptureQueriesContext(connection) as queries:
        again = rating_form_for(instrument)
    Instrument.objects.filter(pk=instrument.pk).update(
        updated_at=instrument.updated_at + dt.timedelta(seconds=1)
    )
    instrument.refresh_from_db()

    assert again is first and len(queries) == 0
    assert rating_form_for(instrument) is not first


# --- the page and the service ------------------------------------------------------------------


@pytest.fixture
def open_campaign(school: Any, instrument: Instrument) -> Campaign:
    term = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    school_class = factories.SchoolClassFactory(school=school)
    factories.TeachingAssignmentFactory(school=school, term=term, school_class=school_class)
    factories.StudentFactory(
        school=school, school_class=school_class, enrolled_on=dt.date(2012, 9, 1)
    )
    now = timezone.now()
    campaign = campaigns.create_campaign(
        school=school,
        instrument=instrument,
        term=term,
        name="2013秋评教",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=7),
    )
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    return campaign


def _nothing_written(due: RatingDue) -> bool:
    due.refresh_from_db()
    counted = sum(ScaleCount.objects.filter(target=due.target).values_list("count", flat=True))
    chosen = sum(ChoiceCount.objects.filter(target=due.target).values_list("count", flat=True))
    sealed = SealedBallot.objects.exists()
    return (
        not due.done and counted == chosen == 0 and not sealed and not TextAnswer.objects.exists()
    )


def test_a_refused_page_comes_back_with_the_problems_and_writes_nothing(
    open_campaign: Campaign, instrument: Instrument
) -> None:
    token = open_campaign.tokens.get()
    due = token.dues.get()
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[token])[0].key})

    response = client.post(
        reverse("evaluations:submit"),
        {"due": due.pk, **_valid(instrument, scale="7", multiple=["1"])},
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert 'id="rate-errors"' in page and "“Attitude”: choose one of the answers." in page
    found = _questions(instrument)
    assert f'name="{found[QuestionKind.MULTIPLE].field_name}" value="1" checked' in page
    assert "讲得很好" in page
    assert _nothing_written(due)


def test_a_valid_page_is_counted_once(open_campaign: Campaign, instrument: Instrument) -> None:
    token = open_campaign.tokens.get()
    due = token.dues.get()
    client = Client()
    client.post(reverse("evaluations:exchange"), {"key": issue_keys(tokens=[token])[0].key})

    response = client.post(reverse("evaluations:submit"), {"due": due.pk, **_valid(instrument)})
    close_campaign(campaign=open_campaign)

    found = _questions(instrument)
    assert response.status_code == 302
    assert ScaleCount.objects.get(question=found[QuestionKind.SCALE], value=4).count == 1
    assert sorted(ChoiceCount.objects.filter(count=1).values_list("question__kind", "option")) == [
        ("multiple", 0),
        ("multiple", 2),
        ("single", 2),
    ]
    assert TextAnswer.objects.get().text == "讲得很好"


@pytest.mark.parametrize(
    "answers",
    [
        {"scores": {999999: 4}},  # not a question of the instrument
        {"scores": {"scale": 6}},  # off the scale
        {"choices": {"single": (0, 1)}},  # two answers to a single choice
        {"choices": {"multiple": (0, 5)}},  # beyond the options
        {"choices": {"scale": (1,)}},  # a scale answered as a choice
        {"texts": {"text": "好" * (ratings.MAX_TEXT + 1)}},
        {"scores": {}},  # required questions left out
    ],
)
def test_the_service_refuses_answers_that_do_not_fit_and_writes_nothing(
    open_campaign: Campaign, instrument: Instrument, answers: dict[str, Any]
) -> None:
    found = _questions(instrument)
    complete: dict[str, dict[int, Any]] = {
        "scores": {found["scale"].pk: 4},
        "choices": {found["single"].pk: (1,), found["multiple"].pk: (0,)},
        "texts": {},
    }
    for part, values in answers.items():
        complete[part] = (
            {}
            if not values
            else {
                **complete[part],
                **{found[key].pk if isinstance(key, str) else key: v for key, v in values.items()},
            }
        )
    due = RatingDue.objects.select_related("target__campaign__instrument").get(
        token__campaign=open_campaign
    )

    with pytest.raises(DomainError, match="do not fit"):
        ratings.submit_rating(due=due, **complete)

    assert _nothing_written(due)


@pytest.mark.parametrize("character", ["😀", "\x01", "好"])
def test_the_longest_text_of_any_characters_fits_its_ballot(
    open_campaign: Campaign, instrument: Instrument, character: str
) -> None:
    found = _questions(instrument)
    due = RatingDue.objects.select_related("target__campaign__instrument").get(
        token__campaign=open_campaign
    )
    text = character * ratings.MAX_TEXT

    ratings.submit_rating(
        due=due,
        scores={found["scale"].pk: 4},
        choices={found["single"].pk: (1,), found["multiple"].pk: (0,)},
        texts={found["text"].pk: text},
    )
    close_campaign(campaign=open_campaign)

    assert TextAnswer.objects.get().text == text
