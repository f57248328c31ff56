"""Follow-ups: scheduled once per point, answered by phone or once through a link that expires;
an answer becomes the graduate's destination and moves the employment figure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.careers.enums import DestinationKind
from qingshan.careers.models import Alumnus, FollowUp, FollowUpPoint
from qingshan.careers.selectors.alumni import listed_at
from qingshan.careers.services import followups
from qingshan.careers.tests.factories import GRADUATION, Careers, careers
from qingshan.core.figures import Period, Scope, registry

pytestmark = pytest.mark.django_db
ANSWER = {"kind": DestinationKind.ENTERPRISE, "employer": "苏州华硕", "salary": 2800}


@pytest.fixture
def place(school: Any) -> Careers:
    found = careers(school)
    for months in (6, 12):
        FollowUpPoint.objects.create(school=school, months=months)
    return found


def _unemployed(place: Careers) -> FollowUp:
    (graduate,) = place.graduate(1)
    place.employ(
        graduate,
        kind=DestinationKind.UNEMPLOYED,
        employer="",
        starting_salary=None,
        channel="",
        matches_major=None,
    )
    followups.schedule_follow_ups(school=place.school)
    return FollowUp.objects.get(months=6)


def _employment_rate(place: Careers) -> Any:
    return registry.get("careers.employment_rate").evaluate(
        Scope.of_school(place.school), Period.year(GRADUATION.year)
    )


def test_scheduling_adds_each_point_once(place: Careers) -> None:
    _unemployed(place)
    assert followups.schedule_follow_ups(school=place.school) == 0
    due = dict(FollowUp.objects.values_list("months", "due_on"))
    assert due == {6: dt.date(2017, 1, 1), 12: dt.date(2017, 7, 1)}


def test_an_answer_by_link_becomes_the_destination_and_moves_the_rate(place: Careers) -> None:
    follow_up = _unemployed(place)
    assert _employment_rate(place).value == 0.0
    key = followups.issue_link(follow_up=follow_up)
    followups.answer_by_link(key=key, values=ANSWER, consents=False)
    follow_up.destination.refresh_from_db()
    assert (follow_up.destination.kind, follow_up.destination.employer) == (
        "enterprise",
        "苏州华硕",
    )
    assert follow_up.destination.starting_salary == 2800
    assert _employment_rate(place).value == 1.0


def test_a_link_answers_once(place: Careers) -> None:
    key = followups.issue_link(follow_up=_unemployed(place))
    followups.answer_by_link(key=key, values=ANSWER, consents=False)
    with pytest.raises(ValidationError, match="has been used"):
        followups.answer_by_link(key=key, values={**ANSWER, "employer": "别处"}, consents=False)
    assert FollowUp.objects.get(months=6).employer == "苏州华硕"


def test_an_expired_link_is_refused(place: Careers) -> None:
    follow_up = _unemployed(place)
    key = followups.issue_link(follow_up=follow_up)
    FollowUp.objects.filter(pk=follow_up.pk).update(
        link_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(ValidationError, match="expired"):
        followups.answer_by_link(key=key, values=ANSWER, consents=False)
    assert FollowUp.objects.get(pk=follow_up.pk).answered_on is None


def test_a_new_link_replaces_the_old_one_and_no_key_is_stored(place: Careers) -> None:
    follow_up = _unemployed(place)
    old = followups.issue_link(follow_up=follow_up)
    new = followups.issue_link(follow_up=follow_up)
    assert followups.follow_up_for_key(old) is None
    assert followups.follow_up_for_key(new) == follow_up
    stored = FollowUp.objects.get(pk=follow_up.pk)
    assert new not in stored.key_hash and old not in stored.key_hash


def test_consent_given_in_the_answer_lists_the_graduate(place: Careers) -> None:
    follow_up = _unemployed(place)
    key = followups.issue_link(follow_up=follow_up)
    followups.answer_by_link(key=key, values=ANSWER, consents=True)
    assert list(listed_at(place.school).values_list("student", flat=True)) == [
        follow_up.destination.student_id
    ]


def test_a_phone_answer_after_a_link_answer_is_refused(place: Careers) -> None:
    follow_up = _unemployed(place)
    key = followups.issue_link(follow_up=follow_up)
    followups.answer_by_link(key=key, values=ANSWER, consents=False)
    with pytest.raises(ValidationError, match="answered"):
        followups.record_phone_answer(follow_up=follow_up, values=ANSWER)


def test_the_graduate_answers_on_the_public_page(place: Careers, client: Client) -> None:
    follow_up = _unemployed(place)
    key = followups.issue_link(follow_up=follow_up)
    url = reverse("careers:answer", args=[key])
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    empty = client.post(url, {})
    assert empty.status_code == 422 and FollowUp.objects.get(pk=follow_up.pk).answered_on is None
    done = client.post(url, {"kind": "enterprise", "employer": "苏州华硕", "consents": "on"})
    assert done.status_code == 200 and "reached the school" in done.content.decode()
    again = client.get(url)
    assert again.status_code == 410 and "has been used" in again.content.decode()
    assert client.get(reverse("careers:answer", args=["nonsense"])).status_code == 404
    assert Alumnus.objects.filter(student=follow_up.destination.student).exists()
