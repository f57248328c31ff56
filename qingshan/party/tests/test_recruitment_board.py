"""The recruitment selectors: the pipeline board, explained exceptions, figures of a period."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qingshan.core.models import School
from qingshan.party.enums import Stage, Step
from qingshan.party.selectors import recruitment as selectors
from qingshan.party.selectors.recruitment import BoardRow, StepName, StepRef
from qingshan.party.services import recruitment as services
from qingshan.party.tests.test_recruitment import START_1990, RecruitmentPath

D = dt.date


@pytest.fixture
def path(school: School) -> RecruitmentPath:
    return RecruitmentPath(school)


def board_queries(school: School) -> int:
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.pipeline_board(school=school, today=D(2017, 1, 1))
        for row in rows:
            str(row.recruit.member)
    return len(queries)


def test_the_board_takes_as_many_queries_for_three_recruits_as_for_one(
    path: RecruitmentPath, school: School
) -> None:
    path.at(20, name="甲")
    one = board_queries(school)
    path.at(3, name="乙")
    path.at(15, name="丙")

    three = board_queries(school)

    assert (len(selectors.pipeline_board(school=school, today=D(2017, 1, 1))), three) == (3, one)


def test_the_board_shows_the_last_step_and_the_next_one(
    path: RecruitmentPath, school: School
) -> None:
    recruit = path.at(3)

    [row] = selectors.pipeline_board(school=school, today=D(2015, 1, 1))

    assert row == BoardRow(
        recruit=recruit,
        stage=Stage.ACTIVIST,
        last_step=StepRef(Step.ACTIVIST_CHOSEN, D(2014, 10, 10)),
        next_step=StepName(Step.ACTIVIST_FILED),
        due_on=D(2015, 10, 10),
        due_kind="not_before",
        overdue=False,
    )


@pytest.mark.parametrize(
    ("last", "today", "due_on", "due_kind", "overdue"),
    [
        (1, D(2014, 10, 1), D(2014, 10, 1), "deadline", False),  # talk within a month
        (1, D(2014, 10, 2), D(2014, 10, 1), "deadline", True),
        (5, D(2016, 1, 1), D(2015, 10, 10), "not_before", False),  # earliest candidacy
        (7, D(2016, 1, 1), None, None, False),
        (15, D(2016, 4, 8), D(2016, 4, 8), "deadline", False),  # approval
        (16, D(2016, 4, 9), D(2016, 4, 8), "deadline", True),
        (20, D(2017, 1, 8), D(2017, 1, 8), "deadline", False),  # conversion vote
        (22, D(2017, 1, 9), D(2017, 1, 8), "deadline", True),
        (23, D(2017, 4, 10), D(2017, 4, 9), "deadline", True),  # conversion approval
        (24, D(2017, 4, 10), None, None, False),
    ],
)
def test_what_the_next_step_waits_for_and_whether_it_is_overdue(
    path: RecruitmentPath,
    school: School,
    last: int,
    today: dt.date,
    due_on: dt.date | None,
    due_kind: str | None,
    overdue: bool,
) -> None:
    path.at(last)

    [row] = selectors.pipeline_board(school=school, today=today)

    assert (row.next_step, row.due_on, row.due_kind, row.overdue) == (
        StepName(last + 1),
        due_on,
        due_kind,
        overdue,
    )


def test_after_a_failed_vote_the_board_waits_for_the_new_vote(
    path: RecruitmentPath, school: School
) -> None:
    recruit = path.at(14)
    path.record(
        recruit, Step.BRANCH_VOTE, date=D(2016, 1, 8), entitled_to_vote=10, attended=8, yes_votes=5
    )

    [row] = selectors.pipeline_board(school=school, today=D(2017, 1, 1))

    assert (row.next_step, row.due_on, row.due_kind, row.overdue) == (
        StepName(Step.BRANCH_VOTE),
        D(2016, 7, 8),
        "not_before",
        False,
    )


def test_the_board_leaves_out_ended_recruitments_and_other_schools(
    path: RecruitmentPath, school: School, other_school: School
) -> None:
    in_progress = path.at(2, name="在读")
    path.at(25, name="已转正")
    services.withdraw(recruit=path.at(1, name="撤回"), date=D(2014, 9, 2), reason="本人申请")
    RecruitmentPath(other_school).at(2, name="他校")

    rows = selectors.pipeline_board(school=school, today=D(2015, 1, 1))

    assert [row.recruit for row in rows] == [in_progress]


def test_explained_exceptions_lists_only_excepted_steps_of_the_school(
    path: RecruitmentPath, school: School, other_school: School
) -> None:
    recruit = path.at(1)
    excepted = path.record(
        recruit, Step.APPLICATION_TALK, date=D(2014, 11, 1), exception_reason="书记病假"
    )
    other = RecruitmentPath(other_school)
    other.record(other.at(1), Step.APPLICATION_TALK, date=D(2014, 11, 1), exception_reason="出差")

    assert list(selectors.explained_exceptions(school=school)) == [excepted]


@pytest.mark.parametrize(
    ("step", "start", "end", "names"),
    [
        (Step.ACTIVIST_CHOSEN, D(2014, 10, 10), D(2014, 10, 10), ["新"]),
        (Step.ACTIVIST_CHOSEN, D(2011, 1, 1), D(2014, 12, 31), ["旧", "新"]),
        (Step.CANDIDATE_CHOSEN, D(2015, 1, 1), D(2015, 12, 31), ["新"]),
        (Step.APPROVAL, D(2016, 3, 2), D(2016, 12, 31), []),
        (Step.CONVERSION_APPROVAL, D(2014, 1, 1), D(2014, 12, 31), ["旧"]),
    ],
)
def test_new_in_period_counts_the_recruits_whose_step_falls_in_it(
    path: RecruitmentPath,
    school: School,
    other_school: School,
    step: int,
    start: dt.date,
    end: dt.date,
    names: list[str],
) -> None:
    path.at(25, name="新")
    path.at(25, name="旧", applied_on=START_1990)
    RecruitmentPath(other_school).at(25, name="他校")

    found = selectors.new_in_period(schools=[school], start=start, end=end, step=step)

    assert sorted(found.values_list("name", flat=True)) == sorted(names)


def test_recruits_carry_their_last_step_in_a_fixed_number_of_queries(
    path: RecruitmentPath, school: School
) -> None:
    path.at(9, name="甲")
    path.at(2, name="乙")

    with CaptureQueriesContext(connection) as queries:
        rows = [
            (r.name, r.last_step_number, r.last_step_date, len(r.sponsors.all()))
            for r in cast(Any, selectors.recruits(school))
        ]

    assert rows == [("甲", 9, D(2015, 10, 25), 2), ("乙", 2, D(2014, 9, 20), 0)]
    assert len(queries) == 3


def test_the_next_step_prints_as_its_name_wherever_a_template_shows_it(
    path: RecruitmentPath, school: School
) -> None:
    from django.template import Context, Template

    path.at(3)
    [row] = selectors.pipeline_board(school=school, today=D(2015, 1, 1))

    shown = Template("{{ row.next_step }}").render(Context({"row": row}))

    assert shown == "activist filed with the higher committee"
    assert row.next_step is not None and row.next_step.number == 4
