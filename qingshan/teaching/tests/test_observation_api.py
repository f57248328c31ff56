"""/api/v1/teaching/: observations read under the pages' rule, with their scores; the board."""

from __future__ import annotations

from django.test import Client

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.teaching.enums import QuotaGroup
from qingshan.teaching.models import ObservationQuota
from qingshan.teaching.tests.observation_factories import observation
from tests.factories import StaffFactory, TeachingAssignmentFactory


def api(user):
    _token, raw = create_api_token(user=user, name="test")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    return client


def test_a_teacher_reads_the_observations_of_their_lessons_with_scores_and_no_others(
    school, user_with_role
):
    user = user_with_role(Role.TEACHER, school)
    teacher = StaffFactory(school=school, user=user)
    own = observation(school, teacher=teacher)
    others = observation(school, term=own.term)
    client = api(user)
    listed = client.get("/api/v1/teaching/observations/").json()
    assert [row["id"] for row in listed["items"]] == [own.pk]
    detail = client.get(f"/api/v1/teaching/observations/{own.pk}/").json()
    assert [score["points"] for score in detail["scores"]] == ["9.0", "19.0"]
    assert client.get(f"/api/v1/teaching/observations/{others.pk}/").status_code == 404


def test_the_board_counts_periods_against_the_quota(school, user_with_role):
    teacher = StaffFactory(school=school)
    record = observation(school, observer=teacher, periods=3)
    TeachingAssignmentFactory(school=school, teacher=teacher, term=record.term)
    ObservationQuota.objects.create(
        school=school, term=record.term, group=QuotaGroup.TEACHER, periods=12
    )
    board = api(user_with_role(Role.DEPARTMENT_HEAD, school)).get(
        f"/api/v1/teaching/board/?term={record.term.pk}"
    )
    row = next(row for row in board.json()["rows"] if row["staff_id"] == teacher.pk)
    assert (row["periods"], row["quota"], row["behind"]) == (3, 12, True)
