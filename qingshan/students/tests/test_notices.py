"""The inbox tells the roll keepers of changes to decide and of the bureau's replies awaited, and
a student of their decided choice; it tells nobody else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.organization.models import Student
from qingshan.students.services import changes, choices
from qingshan.students.tests.factories import AUTUMN_START, World, world

pytestmark = pytest.mark.django_db


def inbox_of(user: Any) -> list[Any]:
    client = Client()
    client.force_login(user)
    return list(client.get(reverse("inbox")).context["notices"])


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def test_a_head_is_told_of_a_change_to_decide_and_a_teacher_is_not(
    place: World, user_with_role: Any
) -> None:
    student = place.admit(place.fruit)
    changes.request_change(
        student=student,
        values={"kind": "suspend", "effective_on": AUTUMN_START, "reason": "病"},
        user=None,
    )
    titles = [
        str(notice.title) for notice in inbox_of(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    ]
    assert any(student.name in title for title in titles)
    teacher_titles = [str(n.title) for n in inbox_of(user_with_role(Role.TEACHER, place.school))]
    assert not any(student.name in title for title in teacher_titles)


def test_a_student_is_told_their_choice_was_decided(place: World, user_with_role: Any) -> None:
    today = timezone.localdate()  # the inbox reads the real day
    window = choices.create_window(
        school=place.school,
        values={
            "title": "互选",
            "opens_on": today - dt.timedelta(days=5),
            "closes_on": today + dt.timedelta(days=5),
            "effective_on": AUTUMN_START,
        },
    )
    offer = choices.create_offer(
        school=place.school, values={"window": window, "school_class": place.fruit, "places": 2}
    )
    student = place.admit(place.general)
    user = user_with_role(Role.STUDENT, place.school)
    Student.objects.filter(pk=student.pk).update(user=user)
    asked = choices.request_choice(window=window, student=student, offer=offer, reason="x")
    choices.decline_choice(request=asked)
    assert any(place.fruit.name in str(notice.title) for notice in inbox_of(user))
