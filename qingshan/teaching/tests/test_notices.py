"""The inbox tells a teacher of observations of their lessons awaiting a reply and of their own
drafts, and those who decide trainings of the requests; it tells nobody else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.notices import NoticeKind
from qingshan.teaching.tests import factories as team
from qingshan.teaching.tests.observation_factories import observation
from tests.factories import StaffFactory

pytestmark = pytest.mark.usefixtures("school_in_session")


def inbox_of(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("inbox")).context["notices"]


@pytest.fixture
def teacher(school, user_with_role):
    user = user_with_role(Role.TEACHER, school)
    return user, StaffFactory(school=school, user=user)


def test_a_teacher_is_asked_to_reply_and_to_finish_a_draft(school, teacher):
    user, staff = teacher
    today = timezone.localdate()
    waiting = observation(school, teacher=staff, observed_on=today, topic="《待回复》")
    observation(
        school,
        teacher=staff,
        term=waiting.term,
        observed_on=today,
        reply="谢谢",
        replied_on=today,
        topic="《已回复》",
    )
    draft = observation(
        school,
        observer=staff,
        term=waiting.term,
        observed_on=today,
        submitted=False,
        topic="《草稿》",
    )
    notices = inbox_of(user)
    kinds = {(notice.kind, notice.url) for notice in notices}
    assert (
        NoticeKind.OBSERVATION,
        reverse("teaching:observation_detail", args=[waiting.pk]),
    ) in kinds
    assert (NoticeKind.DRAFT, reverse("teaching:observation_score", args=[draft.pk])) in kinds
    assert not any("《已回复》" in str(notice.title) for notice in notices)


def test_another_teacher_is_told_nothing_of_them(school, teacher, user_with_role):
    _user, staff = teacher
    today = timezone.localdate()
    first = observation(school, teacher=staff, observed_on=today)
    observation(school, observer=staff, term=first.term, observed_on=today, submitted=False)
    other = user_with_role(Role.TEACHER, school)
    StaffFactory(school=school, user=other)
    assert not [n for n in inbox_of(other) if n.key.startswith("teaching.")]


def test_a_requested_training_is_in_the_inbox_of_who_decides_it(school, user_with_role):
    record = team.training(school)
    head = user_with_role(Role.DEPARTMENT_HEAD, school)
    keys = {notice.key for notice in inbox_of(head)}
    assert f"teaching.training:{record.pk}" in keys
    assert f"teaching.training:{record.pk}" not in {
        notice.key for notice in inbox_of(user_with_role(Role.TEACHER, school))
    }


def queries_for(school, user, staff, lessons):
    first = observation(school, teacher=staff, observed_on=timezone.localdate())
    for _ in range(lessons - 1):
        observation(school, teacher=staff, term=first.term, observed_on=timezone.localdate())
    client = Client()
    client.force_login(user)
    client.get(reverse("inbox"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("inbox"))
    return len(queries)


def test_the_inbox_reads_one_observation_or_three_in_the_same_number_of_queries(
    school, user_with_role
):
    one_user = user_with_role(Role.TEACHER, school)
    one = queries_for(school, one_user, StaffFactory(school=school, user=one_user), 1)
    three_user = user_with_role(Role.TEACHER, school)
    three = queries_for(school, three_user, StaffFactory(school=school, user=three_user), 3)
    assert one == three
