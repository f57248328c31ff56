"""Records of the observation loop for tests: each helper makes a valid record of a school."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from qingshan.organization.models import Staff, Term
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Observation, ObservationScore, Rubric, RubricItem
from tests.factories import StaffFactory, TermFactory

ITEMS = (("教学目标", "目标明确，符合学情", 10), ("教学过程", "环节清晰，学生参与", 20))


def published_rubric(school: Any, *, version: int = 1, items: Any = ITEMS) -> Rubric:
    rubric = Rubric.objects.create(
        school=school, name="课堂教学评价表", version=version, published_on=dt.date(2013, 8, 20)
    )
    for position, (group, text, points) in enumerate(items, start=1):
        RubricItem.objects.create(
            school=school,
            rubric=rubric,
            group=group,
            text=text,
            max_points=points,
            position=position,
        )
    return rubric


def autumn_2013(school: Any) -> Term:
    return TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )


def observation(
    school: Any,
    *,
    observer: Staff | None = None,
    teacher: Staff | None = None,
    term: Term | None = None,
    rubric: Rubric | None = None,
    submitted: bool = True,
    **values: Any,
) -> Observation:
    """An observation; submitted ones carry a score for every item of their rubric."""
    rubric = rubric or Rubric.objects.filter(school=school).order_by("-version").first()
    rubric = rubric or published_rubric(school)
    term = term or Term.objects.filter(school=school).first() or autumn_2013(school)
    fields: dict[str, Any] = {
        "subject": "语文",
        "observed_on": term.start_date + dt.timedelta(days=20),
        "topic": "《荷塘月色》",
        "periods": 1,
    }
    record = Observation.objects.create(
        school=school,
        observer=observer or StaffFactory(school=school),
        teacher=teacher or StaffFactory(school=school),
        term=term,
        rubric=rubric,
        **{**fields, **values},
    )
    if submitted:
        total = Decimal(0)
        for item in rubric.items.all():
            points = Decimal(item.max_points) - 1
            ObservationScore.objects.create(
                school=school, observation=record, item=item, points=points
            )
            total += points
        record.status, record.total = ObservationStatus.SUBMITTED, total
        record.submitted_on = record.observed_on
        record.save()
    return record
