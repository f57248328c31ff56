"""The quota board counts periods of submitted observations in the term against the quota of
each person's group, at the boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from qingshan.accounts.enums import Role
from qingshan.organization.models import Department
from qingshan.teaching.enums import QuotaGroup
from qingshan.teaching.models import ObservationQuota, TeachingPolicy
from qingshan.teaching.selectors.board import quota_board
from qingshan.teaching.tests.observation_factories import autumn_2013, observation
from tests.factories import StaffFactory, TeachingAssignmentFactory, TermFactory


@pytest.fixture
def term(school):
    term = autumn_2013(school)
    ObservationQuota.objects.create(school=school, term=term, group=QuotaGroup.TEACHER, periods=12)
    ObservationQuota.objects.create(
        school=school, term=term, group=QuotaGroup.NEW_TEACHER, periods=16
    )
    return term


def teacher(school, term, **values):
    staff = StaffFactory(school=school, **values)
    TeachingAssignmentFactory(school=school, teacher=staff, term=term)
    return staff


def row_of(board, staff):
    return next(row for row in board.rows if row.staff == staff)


def observe(school, term, observer, periods, **values):
    observation(school, observer=observer, term=term, periods=periods, **values)


def test_exactly_the_quota_meets_it_and_one_less_is_behind(school, term):
    meets, short = teacher(school, term), teacher(school, term)
    for _ in range(3):
        observe(school, term, meets, 4)
    observe(school, term, short, 8)
    observe(school, term, short, 3)
    board = quota_board(school, term)
    assert (row_of(board, meets).periods, row_of(board, meets).behind) == (12, False)
    assert (row_of(board, short).periods, row_of(board, short).missing) == (11, 1)
    assert board.behind == [row_of(board, short)]


def test_drafts_and_other_terms_do_not_count(school, term):
    person = teacher(school, term)
    observe(school, term, person, 4, submitted=False)
    spring = TermFactory(
        school=school,
        school_year=2013,
        semester=2,
        start_date=dt.date(2014, 2, 20),
        end_date=dt.date(2014, 7, 10),
    )
    observe(school, spring, person, 4)
    assert row_of(quota_board(school, term), person).periods == 0


def test_a_teacher_is_new_until_the_policys_years_have_passed(school, term):
    TeachingPolicy.objects.create(school=school, new_teacher_years=3)
    three_years = teacher(school, term, hired_on=dt.date(2010, 9, 1))
    a_day_less = teacher(school, term, hired_on=dt.date(2010, 9, 2))
    board = quota_board(school, term)
    assert row_of(board, three_years).group == QuotaGroup.TEACHER
    assert row_of(board, a_day_less).group == QuotaGroup.NEW_TEACHER
    assert row_of(board, a_day_less).quota == 16


def test_leaders_and_heads_are_listed_without_teaching_and_others_are_not(
    school, term, user_with_role
):
    admin = StaffFactory(school=school, user=user_with_role(Role.SCHOOL_ADMIN, school))
    head = StaffFactory(school=school)
    Department.objects.create(school=school, name="教务处", head=head)
    office_clerk = StaffFactory(school=school)
    board = quota_board(school, term)
    assert row_of(board, admin).group == QuotaGroup.LEADER
    assert row_of(board, head).group == QuotaGroup.DEPARTMENT_HEAD
    assert row_of(board, admin).quota is None and not row_of(board, admin).behind
    assert office_clerk not in [row.staff for row in board.rows]


def test_people_who_left_before_the_term_are_not_listed(school, term):
    gone = teacher(school, term, left_on=dt.date(2013, 7, 1))
    assert gone not in [row.staff for row in quota_board(school, term).rows]


def test_the_board_page_shows_who_is_behind(school, term, client_for):
    short = teacher(school, term, name="落后者")
    observe(school, term, short, 2)
    page = client_for(Role.TEACHER, school).get(f"/teaching/board/?term={term.pk}")
    body = page.content.decode()
    assert page.status_code == 200
    assert "落后者" in body and "<strong>10</strong>" in body
