"""Choice windows: a student asks while a window is open, the school reads demand against
places and assigns; an assignment becomes an ordinary roll change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.models import Student
from qingshan.students.enums import ChangeStatus, ChoiceStatus
from qingshan.students.models import ChoiceOffer, ChoiceRequest, ChoiceWindow
from qingshan.students.selectors.choices import demand
from qingshan.students.services import changes, choices
from qingshan.students.tests.factories import AUTUMN_START, World, world

pytestmark = pytest.mark.django_db
ASKED_ON = dt.date(2013, 8, 20)


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def _window(place: World, places: int = 1) -> tuple[ChoiceWindow, ChoiceOffer]:
    window = choices.create_window(
        school=place.school,
        values={
            "title": "2013年秋季普职互选",
            "opens_on": dt.date(2013, 8, 15),
            "closes_on": dt.date(2013, 8, 31),
            "effective_on": AUTUMN_START + dt.timedelta(days=2),
        },
    )
    offer = choices.create_offer(
        school=place.school,
        values={"window": window, "school_class": place.fruit, "places": places},
    )
    return window, offer


def test_an_offer_takes_its_track_and_major_from_its_class(place: World) -> None:
    _unused, offer = _window(place)
    assert (offer.track, offer.major) == (place.fruit.track, place.fruit.major)


def test_a_student_asks_and_an_assignment_becomes_a_track_transfer(place: World) -> None:
    window, offer = _window(place)
    student = place.admit(place.general)
    asked = choices.request_choice(
        window=window, student=student, offer=offer, reason="想学果树", today=ASKED_ON
    )
    assert [(row.asked, row.assigned) for row in demand(window)] == [(1, 0)]
    assigned = choices.assign_choice(request=asked, user=None, today=ASKED_ON)
    assert assigned.status == ChoiceStatus.ASSIGNED
    assert assigned.change.kind == "track"
    assert assigned.change.status == ChangeStatus.AWAITING_BUREAU
    changes.record_bureau_approval(
        change=assigned.change, reference="通教〔2013〕9号", approved_on=ASKED_ON
    )
    student.refresh_from_db()
    assert student.school_class == place.fruit


def test_places_are_never_given_beyond_the_offer(place: World) -> None:
    window, offer = _window(place, places=1)
    first, second = place.admit(place.general), place.admit(place.general)
    one = choices.request_choice(
        window=window, student=first, offer=offer, reason="a", today=ASKED_ON
    )
    two = choices.request_choice(
        window=window, student=second, offer=offer, reason="b", today=ASKED_ON
    )
    choices.assign_choice(request=one, user=None, today=ASKED_ON)
    with pytest.raises(ValidationError) as error:
        choices.assign_choice(request=two, user=None, today=ASKED_ON)
    assert error.value.code == "full"
    two.refresh_from_db()
    assert two.status == ChoiceStatus.REQUESTED and two.change is None


def test_no_choice_outside_the_window_nor_a_second_live_one(place: World) -> None:
    window, offer = _window(place)
    student = place.admit(place.general)
    with pytest.raises(ValidationError):
        choices.request_choice(
            window=window, student=student, offer=offer, reason="a", today=dt.date(2013, 9, 1)
        )
    first = choices.request_choice(
        window=window, student=student, offer=offer, reason="a", today=ASKED_ON
    )
    with pytest.raises(ValidationError):
        choices.request_choice(
            window=window, student=student, offer=offer, reason="b", today=ASKED_ON
        )
    choices.withdraw_choice(request=first)
    again = choices.request_choice(
        window=window, student=student, offer=offer, reason="b", today=ASKED_ON
    )
    assert again.status == ChoiceStatus.REQUESTED
    assert ChoiceRequest.objects.filter(student=student).count() == 2


def test_a_student_cannot_choose_their_own_class(place: World) -> None:
    window, offer = _window(place)
    with pytest.raises(ValidationError):
        choices.request_choice(
            window=window, student=place.admit(place.fruit), offer=offer, reason="a", today=ASKED_ON
        )


def _student_client(place: World, user_with_role: Any, student: Student) -> Client:
    user = user_with_role(Role.STUDENT, place.school)
    Student.objects.filter(pk=student.pk).update(user=user)
    client = Client()
    client.force_login(user)
    return client


def test_the_student_page_shows_open_windows_and_the_requests_state(
    place: World, user_with_role: Any, settings: Any, monkeypatch: Any
) -> None:
    window, offer = _window(place)
    monkeypatch.setattr("qingshan.students.views.choices.timezone.localdate", lambda: ASKED_ON)
    monkeypatch.setattr("qingshan.students.services.choices.timezone.localdate", lambda: ASKED_ON)
    student = place.admit(place.general)
    client = _student_client(place, user_with_role, student)
    page = client.get(reverse("students:choices_mine")).content.decode()
    assert window.title in page
    assert "(1 of 1 places open)" in page
    response = client.post(
        reverse("students:choices_mine"),
        {"window": window.pk, f"w{window.pk}-offer": offer.pk, f"w{window.pk}-reason": "想学果树"},
    )
    assert response.status_code == 302
    assert ChoiceRequest.objects.get(student=student).status == ChoiceStatus.REQUESTED
    # an empty reason is shown again and saves nothing
    response = client.post(
        reverse("students:choices_mine"),
        {"window": window.pk, f"w{window.pk}-offer": offer.pk, f"w{window.pk}-reason": ""},
    )
    assert response.status_code == 422
    assert ChoiceRequest.objects.filter(student=student).count() == 1


def test_the_demand_page_reads_one_request_or_three_alike(
    place: World, user_with_role: Any
) -> None:
    window, offer = _window(place, places=5)
    head = Client()
    head.force_login(user_with_role(Role.DEPARTMENT_HEAD, place.school))
    url = reverse("students:window_demand", args=[window.pk])
    choices.request_choice(
        window=window, student=place.admit(place.general), offer=offer, reason="a", today=ASKED_ON
    )
    head.get(url)
    with CaptureQueriesContext(connection) as one:
        head.get(url)
    for reason in ("b", "c"):
        choices.request_choice(
            window=window,
            student=place.admit(place.general),
            offer=offer,
            reason=reason,
            today=ASKED_ON,
        )
    with CaptureQueriesContext(connection) as three:
        assert head.get(url).status_code == 200
    assert len(three) == len(one)


def test_a_teacher_reads_no_demand_and_another_schools_window_is_not_found(
    place: World, other_school: Any, user_with_role: Any
) -> None:
    window, _offer = _window(place)
    teacher = Client()
    teacher.force_login(user_with_role(Role.TEACHER, place.school))
    assert teacher.get(reverse("students:window_demand", args=[window.pk])).status_code == 403
    elsewhere = Client()
    elsewhere.force_login(user_with_role(Role.DEPARTMENT_HEAD, other_school))
    assert elsewhere.get(reverse("students:window_demand", args=[window.pk])).status_code == 404
