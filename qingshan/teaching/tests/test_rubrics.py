"""The rubric is kept in versions: drafts change, published versions never do, and every
observation keeps the version it was scored on."""

from __future__ import annotations

import datetime as dt

import pytest

from qingshan.core.errors import DomainError
from qingshan.teaching.models import Observation
from qingshan.teaching.services import rubrics as services
from qingshan.teaching.services.observations import begin_observation
from qingshan.teaching.tests.observation_factories import autumn_2013, observation
from tests.factories import StaffFactory

DAY = dt.date(2013, 8, 20)


def test_a_new_version_copies_the_latest_and_numbers_one_above(school):
    first = services.start_version(school=school, name="听课评价表")
    services.add_item(rubric=first, group="目标", text="目标明确", max_points=10)
    services.publish_version(rubric=first, on=DAY)

    second = services.start_version(school=school)

    assert second.version == 2
    assert second.name == "听课评价表"
    assert [item.text for item in second.items.all()] == ["目标明确"]
    assert not second.is_published


def test_a_published_version_is_not_changed(school):
    rubric = services.start_version(school=school)
    item = services.add_item(rubric=rubric, group="目标", text="目标明确", max_points=10)
    services.publish_version(rubric=rubric, on=DAY)

    with pytest.raises(DomainError):
        services.add_item(rubric=rubric, group="过程", text="环节清晰", max_points=10)
    with pytest.raises(DomainError):
        services.remove_item(item=item)
    assert rubric.items.count() == 1


def test_a_second_draft_waits_for_the_first_to_be_published(school):
    services.start_version(school=school)
    with pytest.raises(DomainError):
        services.start_version(school=school)


def test_an_empty_version_is_not_published(school):
    rubric = services.start_version(school=school)
    with pytest.raises(DomainError):
        services.publish_version(rubric=rubric, on=DAY)
    rubric.refresh_from_db()
    assert rubric.published_on is None


@pytest.mark.parametrize("points", [0, 101])
def test_an_item_is_worth_one_to_a_hundred_points(school, points):
    rubric = services.start_version(school=school)
    with pytest.raises(DomainError):
        services.add_item(rubric=rubric, group="目标", text="目标明确", max_points=points)
    assert not rubric.items.exists()


def test_old_observations_keep_their_version_when_a_new_one_is_published(school):
    first = services.start_version(school=school)
    services.add_item(rubric=first, group="目标", text="目标明确", max_points=10)
    services.publish_version(rubric=first, on=DAY)
    term = autumn_2013(school)
    old = observation(school, term=term, rubric=first)

    second = services.start_version(school=school)
    services.add_item(rubric=second, group="过程", text="学生参与", max_points=20)
    services.publish_version(rubric=second, on=DAY)
    new = begin_observation(
        school=school,
        observer=StaffFactory(school=school),
        values={
            "teacher": StaffFactory(school=school),
            "term": term,
            "subject": "数学",
            "observed_on": dt.date(2013, 10, 8),
            "periods": 1,
            "topic": "函数",
        },
    )

    assert Observation.objects.get(pk=old.pk).rubric == first
    assert new.rubric == second
    assert old.scores.count() == 1
