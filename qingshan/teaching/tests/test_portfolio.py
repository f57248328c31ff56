"""A teacher's portfolio: read by the teacher, their group's leader and school leaders; its
scores over terms are shares of each rubric's maximum; its PDF is a real A4 document."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.teaching.models import ResearchGroup, TeacherProfile
from qingshan.teaching.selectors.portfolio import portfolio_of, term_scores
from qingshan.teaching.tests.observation_factories import observation, published_rubric
from tests.factories import StaffFactory


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def teacher_user(school, user_with_role):
    return user_with_role(Role.TEACHER, school)


@pytest.fixture
def teacher(school, teacher_user):
    return StaffFactory(school=school, user=teacher_user, name="档案教师")


def test_scores_over_terms_are_shares_of_each_rubrics_maximum(school, teacher):
    old = published_rubric(school, version=1, items=(("目标", "目标明确", 10),))
    new = published_rubric(
        school, version=2, items=(("目标", "目标明确", 50), ("过程", "环节", 50))
    )
    first = observation(school, teacher=teacher, rubric=old)  # 9 of 10
    observation(school, teacher=teacher, rubric=new, term=first.term)  # 98 of 100
    observation(school, observer=teacher, term=first.term, periods=2)
    [row] = term_scores(school, teacher)
    assert row.received == 2
    assert row.mean_share == pytest.approx((0.9 + 0.98) / 2)
    assert (row.given, row.given_periods) == (1, 2)


def test_drafts_are_not_in_the_portfolio(school, teacher):
    observation(school, teacher=teacher, submitted=False)
    found = portfolio_of(school, teacher, user=None, day=timezone.localdate())
    assert list(found.received) == [] and found.terms == []


def test_the_teacher_reads_their_own_and_downloads_the_pdf(school, teacher, teacher_user):
    observation(school, teacher=teacher, topic="《档案课题》")
    client = client_of(teacher_user)
    page = client.get(reverse("teaching:portfolio_mine"), follow=True)
    assert "《档案课题》" in page.content.decode()
    pdf = client.get(reverse("teaching:portfolio_pdf", args=[teacher.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_another_teacher_does_not_read_it(school, teacher, user_with_role):
    other = user_with_role(Role.TEACHER, school)
    StaffFactory(school=school, user=other)
    response = client_of(other).get(reverse("teaching:portfolio", args=[teacher.pk]))
    assert response.status_code == 404


def test_the_group_leader_reads_the_portfolios_of_the_group(school, teacher, user_with_role):
    leader_user = user_with_role(Role.TEACHER, school)
    leader = StaffFactory(school=school, user=leader_user)
    group = ResearchGroup.objects.create(school=school, name="语文组", leader=leader)
    TeacherProfile.objects.create(school=school, staff=teacher, group=group)
    response = client_of(leader_user).get(reverse("teaching:portfolio", args=[teacher.pk]))
    assert response.status_code == 200


def test_a_portfolio_of_another_school_is_not_found(school, other_school, user_with_role):
    foreign = StaffFactory(school=other_school)
    admin = user_with_role(Role.SCHOOL_ADMIN, school)
    response = client_of(admin).get(reverse("teaching:portfolio", args=[foreign.pk]))
    assert response.status_code == 404
