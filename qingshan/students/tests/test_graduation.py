"""Graduating a class: every student still studying graduates on the day with a certificate of
their own, all or none; the classes ending their course in a year are listed; credits are
recorded on a change of track while it waits."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.enums import StudentStatus
from qingshan.students.models import CreditTransfer, RollChange
from qingshan.students.selectors.paths import graduating_classes, graduations
from qingshan.students.services import changes
from qingshan.students.tests.factories import AUTUMN_START, World, world

pytestmark = pytest.mark.django_db
DAY = dt.date(2016, 7, 1)


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def test_a_class_graduates_with_numbered_certificates(place: World) -> None:
    first, second = place.admit(place.fruit), place.admit(place.fruit)
    done = changes.graduate_class(
        school_class=place.fruit, on=DAY, first_certificate="GY2016-0098", user=None
    )
    assert sorted(change.certificate_no for change in done) == ["GY2016-0098", "GY2016-0099"]
    for student in (first, second):
        student.refresh_from_db()
        assert (student.status, student.left_on) == (StudentStatus.GRADUATED, DAY)
    found = graduations([place.school.pk], dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert {change.student_id for change in found} == {first.pk, second.pk}


def test_a_certificate_already_given_graduates_nobody(place: World) -> None:
    earlier = place.admit(place.electronics)
    changes.graduate_class(
        school_class=place.electronics, on=DAY, first_certificate="C-0002", user=None
    )
    place.admit(place.fruit)
    place.admit(place.fruit)
    with pytest.raises(ValidationError):
        changes.graduate_class(
            school_class=place.fruit, on=DAY, first_certificate="C-0001", user=None
        )
    assert RollChange.objects.filter(kind="graduate").count() == 1
    assert RollChange.objects.get(kind="graduate").student == earlier


def test_a_certificate_without_digits_is_refused(place: World) -> None:
    place.admit(place.fruit)
    with pytest.raises(ValidationError) as error:
        changes.graduate_class(school_class=place.fruit, on=DAY, first_certificate="ABC", user=None)
    assert "first_certificate" in error.value.error_dict


def test_the_graduation_page_lists_the_classes_ending_in_the_year(
    place: World, user_with_role: Any
) -> None:
    place.admit(place.fruit)
    ending = {c.name: c.studying for c in graduating_classes(place.school, 2016)}
    assert ending == {place.general.name: 0, place.fruit.name: 1, place.electronics.name: 0}
    head = Client()
    head.force_login(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    page = head.get(reverse("students:graduation"), {"year": 2016}).content.decode()
    assert place.fruit.name in page and place.fruit_later.name not in page
    response = head.post(
        reverse("students:graduate", args=[place.fruit.pk]),
        {"on": "2016-07-01", "first_certificate": "G-001"},
    )
    assert response.status_code == 302
    assert RollChange.objects.filter(kind="graduate", certificate_no="G-001").exists()


def test_credits_are_recorded_on_a_waiting_track_transfer(
    place: World, user_with_role: Any
) -> None:
    change = changes.request_change(
        student=place.admit(place.general),
        values={
            "kind": "track",
            "effective_on": AUTUMN_START,
            "reason": "x",
            "to_class": place.fruit,
        },
        user=None,
    )
    head = Client()
    head.force_login(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    url = reverse("students:change_credit", args=[change.pk])
    head.post(url, {"course": "语文", "credits": "4", "accepted_as": "语文"})
    head.post(url, {"course": "物理", "credits": "99"})  # out of range: nothing recorded
    assert list(CreditTransfer.objects.values_list("course", "accepted_as")) == [("语文", "语文")]
    page = head.get(reverse("students:change_detail", args=[change.pk])).content.decode()
    assert "语文" in page
