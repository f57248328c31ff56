"""A teacher's portfolio: what the records say of one teacher's development, for the page and
for the annual appraisal's PDF.

Invariants: the portfolio is read by the teacher, the leader of their teaching-research group
and the school's leaders (the same people who see the scores of their lessons); observations
received are the submitted ones; the scores over terms are the mean of each term's submitted
observations as a share of their rubric's maximum (rubrics may differ between versions); rating
results are listed only where the reader may see them (``evaluations.selectors.visibility``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from qingshan.core.models import School
from qingshan.evaluations.enums import CampaignStatus
from qingshan.evaluations.models import Target
from qingshan.evaluations.selectors.visibility import may_see_results
from qingshan.honours.models import Commendation
from qingshan.organization.models import Staff, Term
from qingshan.teaching.enums import ObservationStatus, TrainingStatus
from qingshan.teaching.models import (
    LessonEvent,
    Mentorship,
    Observation,
    RubricItem,
    TeacherProfile,
    TrainingRecord,
)
from qingshan.teaching.selectors.observations import Viewer
from qingshan.teaching.selectors.practice import TeacherLedger, practice_ledger


@dataclass(frozen=True)
class TermScores:
    term: Any
    given: int
    given_periods: int
    received: int
    mean_share: float | None  # mean score ÷ the rubric's maximum, 0..1


@dataclass
class Portfolio:
    staff: Staff
    profile: TeacherProfile | None
    terms: list[TermScores]
    received: QuerySet[Observation]
    lessons: QuerySet[LessonEvent]
    trainings: QuerySet[TrainingRecord]
    hours_done: Decimal
    practice: TeacherLedger | None
    commendations: QuerySet[Commendation]
    mentoring: QuerySet[Mentorship]
    ratings: list[Target] = field(default_factory=list)


def may_read_portfolio(viewer: Viewer, staff: Staff) -> bool:
    if viewer.leader or (viewer.staff is not None and viewer.staff.pk == staff.pk):
        return True
    profile = TeacherProfile.objects.filter(staff=staff).select_related("group").first()
    group = profile.group if profile else None
    return bool(group and viewer.staff and group.leader_id == viewer.staff.pk)


def _rubric_maxima(rubric_ids: Iterable[int]) -> dict[int, int]:
    return dict(
        RubricItem.objects.filter(rubric__in=set(rubric_ids))
        .values_list("rubric")
        .annotate(top=Sum("max_points"))
        .values_list("rubric", "top")
    )


def term_scores(school: School, staff: Staff) -> list[TermScores]:
    """Observations given and received per term, oldest term first."""
    submitted = (
        Observation.objects.for_school(school).active().filter(status=ObservationStatus.SUBMITTED)
    )
    given: dict[int, tuple[int, int]] = {
        term: (count, periods or 0)
        for term, count, periods in submitted.filter(observer=staff)
        .values("term")
        .annotate(n=Count("pk"), periods=Sum("periods"))
        .values_list("term", "n", "periods")
    }
    received = list(
        submitted.filter(teacher=staff).values_list("term", "rubric", "total").order_by()
    )
    maxima = _rubric_maxima(rubric for _term, rubric, _total in received)
    shares: dict[int, list[float]] = {}
    for term, rubric, total in received:
        if maxima.get(rubric) and total is not None:
            shares.setdefault(term, []).append(float(total) / maxima[rubric])
    terms = Term.objects.filter(pk__in=set(given) | set(shares)).order_by("start_date")
    return [
        TermScores(
            term=term,
            given=given.get(term.pk, (0, 0))[0],
            given_periods=given.get(term.pk, (0, 0))[1],
            received=len(shares.get(term.pk, [])),
            mean_share=(
                sum(shares[term.pk]) / len(shares[term.pk]) if shares.get(term.pk) else None
            ),
        )
        for term in terms
    ]


def portfolio_of(school: School, staff: Staff, *, user: Any, day: dt.date) -> Portfolio:
    profile = (
        TeacherProfile.objects.for_school(school)
        .filter(staff=staff)
        .select_related("group__leader")
        .first()
    )
    trainings = (
        TrainingRecord.objects.for_school(school)
        .active()
        .filter(teacher=staff)
        .order_by("-starts_on")
    )
    ledger = practice_ledger(school, day, only=staff)
    targets = (
        Target.objects.for_school(school)
        .filter(staff=staff, campaign__status__gte=CampaignStatus.CLOSED)
        .select_related("campaign__term", "staff")
        .order_by("-campaign__opens_at")
    )
    return Portfolio(
        staff=staff,
        profile=profile,
        terms=term_scores(school, staff),
        received=Observation.objects.for_school(school)
        .active()
        .filter(teacher=staff, status=ObservationStatus.SUBMITTED)
        .select_related("observer", "term")
        .order_by("-observed_on")[:50],
        lessons=LessonEvent.objects.for_school(school).active().filter(teacher=staff),
        trainings=trainings,
        hours_done=trainings.filter(status=TrainingStatus.DONE).aggregate(h=Sum("hours"))["h"]
        or Decimal(0),
        practice=ledger.rows[0] if ledger.rows else None,
        commendations=Commendation.objects.for_school(school)
        .active()
        .filter(staff=staff)
        .order_by("-awarded_on"),
        mentoring=Mentorship.objects.for_school(school)
        .active()
        .filter(Q(mentor=staff) | Q(mentee=staff))
        .select_related("mentor", "mentee", "term")
        .annotate(meetings_held=Count("meetings")),
        ratings=[
            target for target in targets if may_see_results(user=user, school=school, target=target)
        ],
    )
