"""Two schools: nothing of one school's enterprises, agreements, order classes, destinations,
follow-ups, alumni or League branches is reachable from the other, by page, export, action,
search, figure or link."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.careers.models import Alumnus, Enterprise, FollowUp, LeagueBranch
from qingshan.careers.services.followups import issue_link
from qingshan.core.figures import Period, Scope, registry
from qingshan.organization.models import Student
from tests.access.careers import RESOURCE_KEYS, records
from tests.isolation import assert_record_pages_hide

MARK = "泄漏LEAK"


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


def _foreign(other_school: Any) -> dict[str, Any]:
    found = records(other_school)
    Enterprise.objects.filter(school=other_school).update(name=MARK)
    Student.objects.filter(school=other_school).update(name=MARK)
    LeagueBranch.objects.filter(school=other_school).update(name=MARK)
    return found


@pytest.mark.parametrize("key", RESOURCE_KEYS)
def test_record_pages_and_exports_show_nothing_of_another_school(
    key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = _foreign(other_school)[key]
    records(school)
    client = Client()
    client.force_login(admin)
    assert_record_pages_hide(client, "careers", key, foreign, MARK)


def test_follow_ups_alumni_and_figures_touch_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    foreign = _foreign(other_school)
    records(school)
    client = Client()
    client.force_login(admin)
    follow_up, alumnus = foreign["careers_followup"], foreign["alumnus"]
    responses = [
        client.get(reverse("careers:followup_detail", args=[follow_up.pk])),
        client.post(reverse("careers:followup_link", args=[follow_up.pk])),
        client.post(
            reverse("careers:followup_detail", args=[follow_up.pk]),
            {"kind": "enterprise", "employer": "x", "answered_on": "2017-01-01"},
        ),
        client.post(reverse("careers:alumnus_withdraw", args=[alumnus.pk])),
    ]
    assert [response.status_code for response in responses] == [404] * 4
    assert FollowUp.objects.get(pk=follow_up.pk).key_hash == ""
    assert FollowUp.objects.get(pk=follow_up.pk).answered_on is None
    assert Alumnus.objects.get(pk=alumnus.pk).withdrawn_on is None
    client.post(reverse("careers:followup_schedule"))
    assert not FollowUp.objects.filter(school=other_school).exclude(pk=follow_up.pk).exists()
    for name in ("careers:followup_list", "careers:employment", "careers:conversion"):
        page = client.get(reverse(name), {"show": "all", "year": 2016})
        assert page.status_code == 200 and MARK not in page.content.decode()
    search = client.get(reverse("search"), {"q": MARK}).content.decode()
    assert foreign["enterprise"].get_absolute_url() not in search
    assert alumnus.get_absolute_url() not in search
    value = registry.get("careers.employment_rate").evaluate(
        Scope.of_school(school), Period.year(2016)
    )
    assert value.breakdown["denominator"] == 2  # this school's two graduates only


def test_a_link_of_another_school_answers_only_its_own_graduate(
    school: Any, other_school: Any, client: Client
) -> None:
    foreign = _foreign(other_school)
    key = issue_link(follow_up=foreign["careers_followup"])
    page = client.get(reverse("careers:answer", args=[key]))
    assert page.status_code == 200
    assert page.context["school"] == other_school
