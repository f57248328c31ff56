"""Who sees an observation and its scores: the observer, the teacher observed, the leader of
that teacher's teaching-research group and school leaders; nobody else. Each test makes data
that could leak and looks for it where it must not be."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.models import ResearchGroup, TeacherProfile
from qingshan.teaching.selectors.observations import Viewer, observations
from qingshan.teaching.tests.observation_factories import observation
from tests.factories import StaffFactory

SECRET_TOPIC = "《秘密课题》"


def staff_login(school, user_with_role, role=Role.TEACHER):
    user = user_with_role(role, school)
    return user, StaffFactory(school=school, user=user)


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lesson(school):
    return observation(school, topic=SECRET_TOPIC)


def visible_to(school, user):
    return set(observations(school, Viewer.of(school, user)))


def test_the_observer_and_the_teacher_observed_see_it(school, user_with_role):
    observer_user, observer = staff_login(school, user_with_role)
    teacher_user, teacher = staff_login(school, user_with_role)
    record = observation(school, observer=observer, teacher=teacher)
    assert visible_to(school, observer_user) == {record}
    assert visible_to(school, teacher_user) == {record}


def test_another_teacher_sees_nothing_by_list_page_or_address(school, user_with_role, lesson):
    user, _staff = staff_login(school, user_with_role)
    client = client_of(user)
    assert visible_to(school, user) == set()
    listed = client.get(reverse("teaching:observation_list"))
    assert SECRET_TOPIC not in listed.content.decode()
    assert client.get(reverse("teaching:observation_detail", args=[lesson.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.TEACHER])
def test_staff_without_a_staff_record_see_nothing(school, user_with_role, lesson, role):
    assert visible_to(school, user_with_role(role, school)) == set()


def test_the_county_bureau_and_students_do_not_reach_observations(school, client_for, lesson):
    for role in (Role.AUTHORITY_VIEWER, Role.STUDENT):
        response = client_for(role, school).get(reverse("teaching:observation_list"))
        assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.SCHOOL_ADMIN, Role.SECRETARY, Role.DEPARTMENT_HEAD])
def test_school_leaders_see_submitted_observations(school, user_with_role, lesson, role):
    user = user_with_role(role, school)
    assert visible_to(school, user) == {lesson}
    page = client_of(user).get(reverse("teaching:observation_detail", args=[lesson.pk]))
    assert str(lesson.total) in page.content.decode()


def test_a_draft_is_seen_by_its_observer_only(school, user_with_role):
    observer_user, observer = staff_login(school, user_with_role)
    teacher_user, teacher = staff_login(school, user_with_role)
    draft = observation(school, observer=observer, teacher=teacher, submitted=False)
    assert visible_to(school, observer_user) == {draft}
    assert visible_to(school, teacher_user) == set()
    assert visible_to(school, user_with_role(Role.DEPARTMENT_HEAD, school)) == set()


def test_the_group_leader_sees_the_lessons_of_the_group_only(school, user_with_role):
    leader_user, leader = staff_login(school, user_with_role)
    group = ResearchGroup.objects.create(school=school, name="语文组", leader=leader)
    member = StaffFactory(school=school)
    TeacherProfile.objects.create(school=school, staff=member, group=group)
    of_member = observation(school, teacher=member)
    observation(school)  # a lesson of a teacher outside the group
    assert visible_to(school, leader_user) == {of_member}


def test_a_teacher_sees_every_observers_scores_of_their_own_lessons(school, user_with_role):
    teacher_user, teacher = staff_login(school, user_with_role)
    first = observation(school, teacher=teacher)
    second = observation(school, teacher=teacher, term=first.term)
    page = client_of(teacher_user).get(reverse("teaching:observation_list") + "?show=received")
    body = page.content.decode()
    assert str(first.observer) in body and str(second.observer) in body


def test_nothing_of_another_school_is_seen(school, other_school, user_with_role):
    observation(other_school, topic=SECRET_TOPIC)
    user = user_with_role(Role.SCHOOL_ADMIN, school)
    assert visible_to(school, user) == set()
    assert (
        SECRET_TOPIC
        not in client_of(user).get(reverse("teaching:observation_list")).content.decode()
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_reads_one_row_or_three_in_the_same_number_of_queries(school, user_with_role):
    client = client_of(user_with_role(Role.DEPARTMENT_HEAD, school))
    url = reverse("teaching:observation_list")
    first = observation(school)
    client.get(url)  # the first request of a session reads the user's memberships once
    one = count_queries(client, url)
    observation(school, term=first.term)
    observation(school, term=first.term)
    assert count_queries(client, url) == one


def test_the_search_box_finds_an_observation_only_for_who_may_see_it(
    school, user_with_role, lesson
):
    url = reverse("search") + "?q=秘密课题"
    leader = client_of(user_with_role(Role.DEPARTMENT_HEAD, school)).get(url)
    assert SECRET_TOPIC in leader.content.decode()
    user, _staff = staff_login(school, user_with_role)
    assert SECRET_TOPIC not in client_of(user).get(url).content.decode()
