"""The dashboard: key figures across the apps, a trend of any of them, what is overdue for the user."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from qingshan.workplans.models import Decision, DecisionMeeting
from qingshan.workplans.services import decisions as decision_services
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_key_figures_come_from_several_apps_and_rates_read_as_percentages(
    client: Any, school: Any, user_with_role: Any
) -> None:
    client.force_login(user_with_role("school_admin", school))
    response = client.get(reverse("reports:dashboard"), {"year": 2013})
    keys = [item["figure"].key for item in response.context["key_figures"]]
    rate = next(i for i in response.context["key_figures"] if i["figure"].unit == "rate")
    assert {key.split(".")[0] for key in keys} >= {"organization", "party", "trainings", "outreach"}
    assert rate["value"] in ("—", "0%") or rate["value"].endswith("%")


def test_the_trend_follows_the_chosen_key_figure(
    client: Any, school: Any, user_with_role: Any
) -> None:
    client.force_login(user_with_role("school_admin", school))
    chosen = client.get(reverse("reports:dashboard"), {"trend": "party.members"}).context
    refused = client.get(reverse("reports:dashboard"), {"trend": "accounts.passwords"}).context
    assert (chosen["trend_key"], refused["trend_key"]) == ("party.members", "organization.students")


def test_a_head_sees_their_overdue_tasks(client: Any, school: Any, user_with_role: Any) -> None:
    user = user_with_role("department_head", school)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    meeting = DecisionMeeting.objects.create(school=school, held_on=dt.date(2013, 2, 1), title="会")
    decision = Decision.objects.create(
        school=school, meeting=meeting, title="决定", deadline=dt.date(2013, 6, 30)
    )
    decision_services.hand_to_department(
        decision=decision, department=department, title="逾期的任务", deadline=dt.date(2013, 6, 1)
    )
    client.force_login(user)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "逾期的任务" in page
