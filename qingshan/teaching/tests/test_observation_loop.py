"""The observation loop: begin, score as a draft, submit only with every item scored, the
teacher replies, a leader marks it read, a deliberation gathers the lesson's observations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from qingshan.core.errors import DomainError
from qingshan.teaching.enums import ObservationKind, ObservationStatus
from qingshan.teaching.services import observations as services
from qingshan.teaching.services.deliberations import record_deliberation
from qingshan.teaching.tests.observation_factories import (
    autumn_2013,
    observation,
    published_rubric,
)
from tests.factories import StaffFactory

ON = dt.date(2013, 10, 9)


@pytest.fixture
def draft(school):
    published_rubric(school)
    term = autumn_2013(school)
    return services.begin_observation(
        school=school,
        observer=StaffFactory(school=school),
        values={
            "teacher": StaffFactory(school=school),
            "term": term,
            "subject": "语文",
            "observed_on": dt.date(2013, 10, 8),
            "periods": 2,
            "topic": "《荷塘月色》",
        },
    )


def items(observation_):
    return list(observation_.rubric.items.order_by("position"))


def test_an_observation_needs_a_published_rubric(school):
    with pytest.raises(DomainError):
        services.begin_observation(school=school, observer=StaffFactory(school=school), values={})


def test_a_lesson_outside_its_term_is_refused(school):
    published_rubric(school)
    with pytest.raises(DomainError) as refused:
        services.begin_observation(
            school=school,
            observer=StaffFactory(school=school),
            values={
                "teacher": StaffFactory(school=school),
                "term": autumn_2013(school),
                "subject": "语文",
                "observed_on": dt.date(2013, 8, 31),
                "topic": "x",
            },
        )
    assert "observed_on" in refused.value.message_dict


def test_a_draft_keeps_some_scores_and_submission_is_refused_with_an_unscored_item(draft):
    first, second = items(draft)
    services.save_draft(observation=draft, points={first.pk: "8.5", second.pk: ""})

    with pytest.raises(DomainError) as refused:
        services.submit_observation(observation=draft, on=ON)

    assert second.text in refused.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == ObservationStatus.DRAFT
    assert draft.total is None
    assert [score.points for score in draft.scores.all()] == [Decimal("8.5")]


def test_a_submitted_observation_has_the_sum_of_its_points(draft):
    first, second = items(draft)
    services.save_draft(observation=draft, points={first.pk: 9, second.pk: "17.5"})
    submitted = services.submit_observation(observation=draft, on=ON)
    assert submitted.status == ObservationStatus.SUBMITTED
    assert submitted.total == Decimal("26.5")
    with pytest.raises(DomainError):
        services.save_draft(observation=submitted, points={first.pk: 1})


@pytest.mark.parametrize("points", ["10.5", "-1", "abc", "NaN", "1.25", "1e3"])
def test_points_outside_an_item_or_badly_written_change_nothing(draft, points):
    first, _second = items(draft)
    services.save_draft(observation=draft, points={first.pk: 5})
    with pytest.raises(DomainError):
        services.save_draft(observation=draft, points={first.pk: points}, strengths="好")
    draft.refresh_from_db()
    assert draft.scores.get().points == Decimal(5)
    assert draft.strengths == ""


def test_an_item_of_another_rubric_is_refused(draft, school):
    other = published_rubric(school, version=2)
    with pytest.raises(DomainError):
        services.save_draft(observation=draft, points={other.items.first().pk: 1})


def test_only_the_teacher_observed_replies_once(school):
    record = observation(school)
    with pytest.raises(DomainError):
        services.reply_to_observation(observation=record, by=record.observer, text="谢谢", on=ON)
    services.reply_to_observation(observation=record, by=record.teacher, text="谢谢指导", on=ON)
    with pytest.raises(DomainError):
        services.reply_to_observation(observation=record, by=record.teacher, text="再", on=ON)
    record.refresh_from_db()
    assert record.reply == "谢谢指导"


def test_a_draft_takes_no_reply_and_is_not_marked_read(school, user_with_role):
    record = observation(school, submitted=False)
    with pytest.raises(DomainError):
        services.reply_to_observation(observation=record, by=record.teacher, text="x", on=ON)
    with pytest.raises(DomainError):
        services.mark_read(
            observation=record,
            by=user_with_role("department_head", school),
            level="good",
            note="",
            on=ON,
        )


def test_a_leader_marks_it_read_with_a_level(school, user_with_role):
    record = observation(school)
    head = user_with_role("department_head", school)
    services.mark_read(observation=record, by=head, level="excellent", note="记录详实", on=ON)
    record.refresh_from_db()
    assert (record.reviewed_by, record.review_level, record.reviewed_on) == (head, "excellent", ON)


def test_a_deliberation_gathers_the_observations_of_one_lesson(school):
    teacher = StaffFactory(school=school)
    day = dt.date(2013, 10, 8)
    first = observation(school, teacher=teacher, observed_on=day)
    second = observation(school, teacher=teacher, observed_on=day, term=first.term)
    other_day = observation(
        school, teacher=teacher, observed_on=dt.date(2013, 10, 9), term=first.term
    )

    with pytest.raises(DomainError):
        record_deliberation(
            school=school, observations=[first, other_day], held_on=ON, conclusion="好"
        )
    deliberation = record_deliberation(
        school=school, observations=[first, second], held_on=ON, conclusion="导入新颖"
    )

    assert set(deliberation.observations.all()) == {first, second}
    with pytest.raises(DomainError):
        record_deliberation(school=school, observations=[first], held_on=ON, conclusion="再")


def test_shadowing_needs_its_follow_up(school):
    published_rubric(school)
    with pytest.raises(DomainError) as refused:
        services.begin_observation(
            school=school,
            observer=StaffFactory(school=school),
            values={
                "teacher": StaffFactory(school=school),
                "term": autumn_2013(school),
                "subject": "语文",
                "observed_on": dt.date(2013, 10, 8),
                "topic": "x",
                "kind": ObservationKind.SHADOWING,
            },
        )
    assert "follow_up" in refused.value.message_dict


def test_a_draft_put_aside_is_kept_but_no_longer_listed(draft):
    from qingshan.teaching.models import Observation
    from qingshan.teaching.selectors.observations import Viewer, observations

    services.discard_draft(observation=draft)
    kept = Observation.objects.get(pk=draft.pk)
    assert kept.is_archived
    viewer = Viewer(staff=draft.observer, leader=False)
    assert not observations(draft.school, viewer).filter(pk=draft.pk).exists()


def test_a_submitted_observation_is_not_put_aside(school):
    record = observation(school)
    with pytest.raises(DomainError):
        services.discard_draft(observation=record)
    record.refresh_from_db()
    assert not record.is_archived
