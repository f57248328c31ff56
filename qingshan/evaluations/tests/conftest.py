"""Fixtures of the results tests: a small campaign of students rating their teachers, prepared
and opened through the services, with ratings given through ``submit_rating``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

import pytest
from django.utils import timezone

from qingshan.core.models import School
from qingshan.evaluations.enums import InstrumentKind, QuestionKind, ReviewStatus
from qingshan.evaluations.models import (
    Campaign,
    Instrument,
    Question,
    RatingDue,
    Target,
    TextAnswer,
)
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services.library import install_instrument
from qingshan.evaluations.tests.factories import give_rating
from qingshan.organization.models import SchoolClass, Staff, Student, Term
from tests import factories


@dataclass
class Rated:
    """A prepared, open campaign: ``teachers`` teach the one class of ``students``."""

    campaign: Campaign
    instrument: Instrument
    term: Term
    school_class: SchoolClass
    teachers: list[Staff]
    students: list[Student]
    questions: list[Question] = field(default_factory=list)

    @property
    def scales(self) -> list[Question]:
        return [q for q in self.questions if q.kind == QuestionKind.SCALE]

    @property
    def choice(self) -> Question:
        return next(q for q in self.questions if q.kind == QuestionKind.SINGLE)

    @property
    def text(self) -> Question:
        return next(q for q in self.questions if q.kind == QuestionKind.TEXT)

    def target(self, teacher: int = 0) -> Target:
        return Target.objects.select_related("campaign__instrument", "staff", "member").get(
            campaign=self.campaign, staff=self.teachers[teacher]
        )

    def rate(
        self,
        student: int,
        teacher: int = 0,
        scores: int | Sequence[int] = 4,
        choice: int | None = None,
        text: str = "",
    ) -> None:
        """``student`` rates ``teacher``: one score for every scale question, or one each."""
        values = [scores] * len(self.scales) if isinstance(scores, int) else list(scores)
        answers = {q.field_name: str(v) for q, v in zip(self.scales, values, strict=True)}
        if choice is not None:
            answers[self.choice.field_name] = str(choice)
        if text:
            answers[self.text.field_name] = text
        due = RatingDue.objects.select_related("target__campaign").get(
            token__campaign=self.campaign,
            token__student=self.students[student],
            target__staff=self.teachers[teacher],
        )
        give_rating(due, answers)

    def rate_many(self, teacher: int, scores: Sequence[int | Sequence[int]]) -> None:
        """Student ``i`` gives ``scores[i]``."""
        for student, score in enumerate(scores):
            self.rate(student, teacher, score)

    def close(self) -> Rated:
        campaigns.close_campaign(campaign=self.campaign)
        return self

    def publish(self, review: str = ReviewStatus.PUBLIC) -> Rated:
        """Close (if open), review every pending text answer as ``review``, publish."""
        if self.campaign.status == campaigns.CampaignStatus.OPEN:
            self.close()
        for answer in TextAnswer.objects.filter(
            target__campaign=self.campaign, review=ReviewStatus.PENDING
        ):
            campaigns.review_text_answer(answer=answer, review=review)
        campaigns.finish_review(campaign=self.campaign)
        campaigns.publish_campaign(campaign=self.campaign)
        return self


@pytest.fixture
def make_rated(db: None) -> Callable[..., Rated]:
    """Build a ``Rated`` campaign at ``school``: ``teachers`` (a number of new teachers or the
    staff to reuse), ``students``, the term's ``year`` (autumn), the instrument's rules."""

    def make(
        school: School,
        *,
        teachers: int | Sequence[Staff] = 1,
        students: int = 5,
        year: int = 2013,
        min_raters: int = 5,
        min_share: Decimal | str = "0",
        threshold: Decimal | str = "3",
        name: str = "2013秋评教",
        **teacher_fields: Any,
    ) -> Rated:
        term: Term = Term.objects.filter(school=school, school_year=year).first() or cast(
            Term,
            factories.TermFactory(
                school=school,
                school_year=year,
                start_date=dt.date(year, 9, 1),
                end_date=dt.date(year + 1, 1, 20),
            ),
        )
        school_class = cast(SchoolClass, factories.SchoolClassFactory(school=school))
        staff: list[Staff] = (
            [
                cast(Staff, factories.StaffFactory(school=school, **teacher_fields))
                for _n in range(teachers)
            ]
            if isinstance(teachers, int)
            else list(teachers)
        )
        for teacher in staff:
            factories.TeachingAssignmentFactory(
                school=school, term=term, school_class=school_class, teacher=teacher
            )
        pupils: list[Student] = [
            cast(
                Student,
                factories.StudentFactory(
                    school=school, school_class=school_class, enrolled_on=dt.date(year - 1, 9, 1)
                ),
            )
            for _n in range(students)
        ]
        instrument = install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS)
        Instrument.objects.filter(pk=instrument.pk).update(
            min_raters=min_raters, min_share=Decimal(min_share), threshold=Decimal(threshold)
        )
        instrument.refresh_from_db()
        now = timezone.now()
        campaign = campaigns.create_campaign(
            school=school,
            instrument=instrument,
            term=term,
            name=name,
            opens_at=now - dt.timedelta(hours=1),
            closes_at=now + dt.timedelta(days=7),
        )
        campaigns.prepare_campaign(campaign=campaign)
        campaigns.open_campaign(campaign=campaign)
        return Rated(
            campaign=campaign,
            instrument=instrument,
            term=term,
            school_class=school_class,
            teachers=staff,
            students=pupils,
            questions=list(instrument.questions.order_by("order", "pk")),
        )

    return make
