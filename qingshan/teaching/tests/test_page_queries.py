"""The teaching pages that list rows read one row or three in the same number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.enums import QuotaGroup
from qingshan.teaching.models import ObservationQuota
from qingshan.teaching.tests.observation_factories import autumn_2013, observation, published_rubric
from tests.factories import StaffFactory, TeachingAssignmentFactory


def queries(client: Client, url: str) -> int:
    client.get(url)  # the session's first reads
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def head(school, user_with_role):
    client = Client()
    client.force_login(user_with_role(Role.DEPARTMENT_HEAD, school))
    return client


def test_the_quota_board_reads_one_teacher_or_three_alike(school, head):
    term = autumn_2013(school)
    ObservationQuota.objects.create(school=school, term=term, group=QuotaGroup.TEACHER, periods=12)
    url = reverse("teaching:board") + f"?term={term.pk}"

    def teach() -> None:
        teacher = StaffFactory(school=school)
        TeachingAssignmentFactory(school=school, teacher=teacher, term=term)
        observation(school, observer=teacher, term=term)

    teach()
    one = queries(head, url)
    teach()
    teach()
    assert queries(head, url) == one


def test_the_rubric_list_reads_one_version_or_three_alike(school, head):
    published_rubric(school, version=1)
    one = queries(head, reverse("teaching:rubric_list"))
    published_rubric(school, version=2)
    published_rubric(school, version=3)
    assert queries(head, reverse("teaching:rubric_list")) == one


def test_a_portfolio_reads_one_observation_or_three_alike(school, head):
    teacher = StaffFactory(school=school)
    first = observation(school, teacher=teacher)
    url = reverse("teaching:portfolio", args=[teacher.pk])
    one = queries(head, url)
    observation(school, teacher=teacher, term=first.term)
    observation(school, teacher=teacher, term=first.term)
    assert queries(head, url) == one
