"""Reads of recruitment (发展党员). Every function takes the school (or the schools of a scope).

Invariant: a fixed number of queries whatever the number of recruits (relations are selected or
prefetched, per-recruit figures are annotated or computed from prefetched steps).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from qingshan.core.dates import add_months
from qingshan.core.models import School
from qingshan.party.enums import RecruitStatus, Step
from qingshan.party.models import Branch, Recruit, RecruitmentStep
from qingshan.party.rulesets import ruleset_for
from qingshan.party.services.recruitment_rules import (
    branch_of,
    expected_steps,
    last_step,
    vote_passed,
)

DEADLINE: Literal["deadline"] = "deadline"
NOT_BEFORE: Literal["not_before"] = "not_before"
DueKind = Literal["deadline", "not_before"]

STEP_ORDER = ("step", "date", "pk")


def recruits(school: School) -> QuerySet[Recruit]:
    """The school's recruits for a list: person records, member record, contacts and sponsors.

    Each carries ``last_step_number`` and ``last_step_date`` (its highest recorded step).
    """
    last = RecruitmentStep.objects.filter(recruit=OuterRef("pk")).order_by("-step", "-date", "-pk")
    return (
        Recruit.objects.for_school(school)
        .select_related("staff", "student", "member")
        .prefetch_related("contacts", "sponsors")
        .annotate(
            last_step_number=Subquery(last.values("step")[:1]),
            last_step_date=Subquery(last.values("date")[:1]),
        )
    )


class StepRef(NamedTuple):
    number: int
    date: dt.date

    @property
    def name(self) -> str:
        """The step's name in the active language."""
        return str(Step(self.number).label)


class StepName(NamedTuple):
    """A step that comes next: its number, shown as its name (``{{ row.next_step }}``)."""

    number: int

    @property
    def name(self) -> str:
        return str(Step(self.number).label)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class BoardRow:
    """One recruit in progress on the pipeline board.

    ``due_on`` is what the next step waits for: a ``deadline`` (talk within a month of applying,
    approval within three months of the branch resolution, the conversion vote when probation
    ends, its approval within three months) or a ``not_before`` date (earliest candidacy a year
    after becoming an activist; a new vote after a failed one). Only a deadline is ever overdue.
    """

    recruit: Recruit
    stage: int
    last_step: StepRef | None
    next_step: StepName | None
    due_on: dt.date | None
    due_kind: DueKind | None
    overdue: bool


def _due(
    *, recruit: Recruit, steps: Sequence[RecruitmentStep], today: dt.date, branch: Branch
) -> tuple[dt.date | None, DueKind | None]:
    ruleset = ruleset_for(today)
    last = steps[-1]
    passed = last.step not in (Step.BRANCH_VOTE, Step.CONVERSION_VOTE) or vote_passed(last)
    if last.step == Step.APPLICATION:
        months = ruleset.talk_within_months
        return (add_months(last.date, months), DEADLINE) if months is not None else (None, None)
    if Step.ACTIVIST_CHOSEN <= last.step < Step.CANDIDATE_CHOSEN:
        activist = last_step(steps, Step.ACTIVIST_CHOSEN)
        assert activist is not None
        return add_months(activist.date, ruleset.activist_months), NOT_BEFORE
    if last.step == Step.BRANCH_VOTE and not passed:
        return add_months(last.date, branch.resubmission_wait_months), NOT_BEFORE
    if Step.BRANCH_VOTE <= last.step < Step.APPROVAL:
        resolution = last_step(steps, Step.BRANCH_VOTE, passed=True)
        assert resolution is not None
        return add_months(resolution.date, ruleset.approval_months), DEADLINE
    if Step.APPROVAL <= last.step < Step.CONVERSION_VOTE or (
        last.step == Step.CONVERSION_VOTE and not passed
    ):
        member = recruit.member
        ends = member.probation_ends_on if member is not None else None
        return (ends, DEADLINE) if ends is not None else (None, None)
    if last.step == Step.CONVERSION_VOTE:
        return add_months(last.date, ruleset.approval_months), DEADLINE
    return None, None


def pipeline_board(*, school: School, today: dt.date) -> list[BoardRow]:
    """The recruits in progress with their last and next step and what the next one waits for.

    ``next_step`` is the lowest step that may come next (a failed vote: the vote again). Three
    queries: the branch, the recruits with their member record, their steps.
    """
    branch = branch_of(school)
    in_progress = (
        Recruit.objects.for_school(school)
        .filter(status=RecruitStatus.ACTIVE)
        .select_related("member")
        .prefetch_related(
            Prefetch(
                "steps",
                queryset=RecruitmentStep.objects.order_by(*STEP_ORDER),
                to_attr="ordered_steps",
            )
        )
    )
    rows: list[BoardRow] = []
    for recruit in in_progress:
        steps: list[RecruitmentStep] = recruit.ordered_steps
        if not steps:
            rows.append(
                BoardRow(
                    recruit, recruit.stage, None, StepName(Step.APPLICATION), None, None, False
                )
            )
            continue
        expected = expected_steps(steps, ruleset_for(today))
        due_on, due_kind = _due(recruit=recruit, steps=steps, today=today, branch=branch)
        rows.append(
            BoardRow(
                recruit=recruit,
                stage=recruit.stage,
                last_step=StepRef(steps[-1].step, steps[-1].date),
                next_step=StepName(expected[0]) if expected else None,
                due_on=due_on,
                due_kind=due_kind,
                overdue=due_kind == DEADLINE and due_on is not None and due_on < today,
            )
        )
    return rows


def explained_exceptions(*, school: School) -> QuerySet[RecruitmentStep]:
    """Steps recorded although they broke an overridable rule, with the reason; latest first."""
    return (
        RecruitmentStep.objects.for_school(school)
        .exclude(exception_reason="")
        .select_related("recruit")
        .order_by("-date", "-pk")
    )


def new_in_period(*, schools: Any, start: dt.date, end: dt.date, step: int) -> QuerySet[Recruit]:
    """Recruits of ``schools`` whose step ``step`` falls from ``start`` to ``end`` (included).

    With steps 3, 7, 17 and 24: the new activists, candidates, probationary and full members of
    the period. Each recruit is listed once, whatever its status now.
    """
    in_period = RecruitmentStep.objects.filter(
        recruit=OuterRef("pk"), step=step, date__range=(start, end)
    )
    return Recruit.objects.for_schools(schools).filter(Exists(in_period))
