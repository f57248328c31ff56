"""A shadowing follow-up of a low rating is closed with the observations made under it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus
from qingshan.evaluations.models import Campaign, FollowUp, Target
from qingshan.evaluations.services.library import install_instrument
from qingshan.teaching.enums import ObservationKind
from qingshan.teaching.services.deliberations import close_with_observations
from qingshan.teaching.tests.observation_factories import autumn_2013, observation
from tests.factories import StaffFactory


def aware(*day):
    return timezone.make_aware(dt.datetime(*day))


@pytest.fixture
def follow_up(school):
    campaign = Campaign.objects.create(
        school=school,
        instrument=install_instrument(school=school, kind="students_teachers"),
        term=autumn_2013(school),
        name="2013年秋季学生评教",
        opens_at=aware(2013, 9, 20),
        closes_at=aware(2013, 9, 30),
    )
    target = Target.objects.create(
        school=school, campaign=campaign, kind="teacher", staff=StaffFactory(school=school)
    )
    return FollowUp.objects.create(
        school=school,
        target=target,
        kind=FollowUpKind.SHADOWING,
        deadline=dt.date(2014, 1, 15),
        created_at=aware(2013, 10, 1),
    )


def test_it_is_closed_with_its_observations_as_records(school, follow_up):
    shadowed = follow_up.target.staff
    first = observation(
        school,
        observer=shadowed,
        kind=ObservationKind.SHADOWING,
        follow_up=follow_up,
        observed_on=dt.date(2013, 10, 8),
    )
    observation(
        school,
        observer=shadowed,
        kind=ObservationKind.SHADOWING,
        follow_up=follow_up,
        term=first.term,
        observed_on=dt.date(2013, 10, 9),
    )
    close_with_observations(
        follow_up=follow_up, outcome="方法有改进", closed_on=timezone.localdate()
    )
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.CLOSED
    assert follow_up.records.count() == 2
    assert str(first.pk) in follow_up.records.order_by("date").first().note


def test_without_a_submitted_observation_it_stays_open(school, follow_up):
    observation(
        school,
        observer=follow_up.target.staff,
        kind=ObservationKind.SHADOWING,
        follow_up=follow_up,
        submitted=False,
    )
    with pytest.raises(DomainError):
        close_with_observations(follow_up=follow_up, outcome="x", closed_on=timezone.localdate())
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.OPEN
    assert not follow_up.records.exists()


def test_the_figure_counts_follow_ups_closed_with_observations(school, follow_up):
    from qingshan.core.figures import Period, Scope
    from qingshan.teaching.figures import shadowing_closed

    observation(
        school,
        observer=follow_up.target.staff,
        kind=ObservationKind.SHADOWING,
        follow_up=follow_up,
        observed_on=dt.date(2013, 10, 8),
    )
    year = Period.year(timezone.localdate().year)
    assert shadowing_closed(Scope.of_school(school), year).value == 0
    close_with_observations(follow_up=follow_up, outcome="改进", closed_on=timezone.localdate())
    assert shadowing_closed(Scope.of_school(school), year).value == 1


def test_the_follow_ups_list_reads_one_or_three_alike(school, follow_up, user_with_role):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from qingshan.accounts.enums import Role

    head = Client()
    head.force_login(user_with_role(Role.DEPARTMENT_HEAD, school))
    url = reverse("teaching:followup_list")

    def count() -> int:
        head.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert head.get(url).status_code == 200
        return len(captured)

    observation(
        school, observer=follow_up.target.staff, kind=ObservationKind.SHADOWING, follow_up=follow_up
    )
    one = count()
    for _ in range(2):
        target = Target.objects.create(
            school=school,
            campaign=follow_up.target.campaign,
            kind="teacher",
            staff=StaffFactory(school=school),
        )
        more = FollowUp.objects.create(
            school=school,
            target=target,
            kind=FollowUpKind.SHADOWING,
            deadline=dt.date(2014, 1, 15),
            created_at=aware(2013, 10, 1),
        )
        observation(school, observer=target.staff, kind=ObservationKind.SHADOWING, follow_up=more)
    assert count() == one
