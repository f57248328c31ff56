"""Teacher mentoring pairs: their meetings and the lessons observed between the two in the
term."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.models import Observation, Rubric
from qingshan.teaching.selectors.mentoring import observations_between
from qingshan.teaching.services.mentoring import create_mentorship, update_mentorship
from qingshan.teaching.tests import factories as f
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


def _observation(pair: Any, observer: Any, teacher: Any, day: dt.date, **values: Any) -> None:
    rubric = Rubric.objects.get_or_create(
        school=pair.school, version=1, defaults={"name": "评课表"}
    )[0]
    fields: dict[str, Any] = {"status": "submitted", "total": Decimal(90)}
    Observation.objects.create(
        school=pair.school,
        observer=observer,
        teacher=teacher,
        term=pair.term,
        subject="电工",
        observed_on=day,
        topic="欧姆定律",
        rubric=rubric,
        **{**fields, **values},
    )


def test_observations_between_the_two_in_the_term_are_counted_either_way(school: Any) -> None:
    term = TermFactory(school=school, school_year=2013)
    pair = f.mentorship(school, term=term)
    other = f.staff(school)
    _observation(pair, pair.mentor, pair.mentee, dt.date(2013, 9, 10))
    _observation(pair, pair.mentee, pair.mentor, dt.date(2014, 1, 20))
    _observation(pair, pair.mentee, pair.mentor, dt.date(2013, 10, 1), status="draft", total=None)
    _observation(pair, pair.mentee, pair.mentor, dt.date(2014, 1, 21))  # after the term
    _observation(pair, other, pair.mentee, dt.date(2013, 10, 1))

    assert observations_between(pair) == 2


def test_a_young_teacher_has_one_mentor_a_term_and_nobody_mentors_themselves(
    school: Any,
) -> None:
    pair = f.mentorship(school)
    values = {"mentor": f.staff(school), "mentee": pair.mentee, "term": pair.term}

    with pytest.raises(ValidationError, match="has a mentor"):
        create_mentorship(school=school, values=values)
    with pytest.raises(ValidationError, match="Nobody mentors"):
        create_mentorship(school=school, values={**values, "mentee": values["mentor"]})


def test_the_pairs_page_lists_its_meetings_and_the_outcome_is_written_by_editing(
    school: Any, client_for: Any
) -> None:
    pair = f.mentorship(school)
    f.meeting(school, mentorship=pair, note="研读课程标准")
    update_mentorship(record=pair, values={"outcome": "能独立上好汇报课"})

    page = client_for(Role.TEACHER, school).get(
        reverse("teaching:mentorship_detail", args=[pair.pk])
    )

    content = page.content.decode()
    assert "研读课程标准" in content and "能独立上好汇报课" in content
    assert 'id="pair-observations"' in content
