"""Reminders of overdue filings: who they go to, when no mail is sent, and which schools get them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.workplans.models import Reminder
from qingshan.workplans.services.cycle import save_work_settings
from qingshan.workplans.services.reminders import send_all_reminders, send_reminders
from tests.factories import DepartmentFactory, SchoolFactory, open_every_term

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("school_in_session")]

TODAY = dt.date(2013, 4, 8)  # this month's plan, last month's summary and last week's status due


def test_the_branchs_reminders_go_to_its_secretaries_with_an_address(
    school: Any, user_with_role: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user_with_role(Role.SECRETARY, school, email="b@example.org")
    user_with_role(Role.SECRETARY, school, email="a@example.org")
    user_with_role(Role.SECRETARY, school, email="")

    with django_capture_on_commit_callbacks(execute=True):
        created = send_reminders(school=school, today=TODAY)

    reminder = Reminder.objects.filter(department__isnull=True).first()
    assert created == Reminder.objects.count() == 3
    assert reminder.recipients == "a@example.org, b@example.org"
    assert {tuple(message.to) for message in mail.outbox} == {("a@example.org", "b@example.org")}


def test_reminders_are_written_in_chinese(
    school: Any, user_with_role: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user_with_role(Role.SECRETARY, school, email="s@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(school=school, today=TODAY)

    assert [message.subject[:2] for message in mail.outbox] == ["逾期"] * 3


def test_no_mail_when_the_school_turned_it_off(school: Any, user_with_role: Any) -> None:
    user_with_role(Role.SECRETARY, school, email="s@example.org")
    save_work_settings(school=school, values={"remind_by_email": False})

    created = send_reminders(school=school, today=TODAY)

    assert (created, len(mail.outbox)) == (3, 0)
    assert set(Reminder.objects.values_list("recipients", flat=True)) == {"s@example.org"}


def test_a_department_without_a_head_is_reminded_in_the_app_only(school: Any) -> None:
    department = DepartmentFactory(school=school, head=None)

    send_reminders(school=school, today=TODAY)

    reminders = Reminder.objects.filter(department=department)
    assert (reminders.count(), set(reminders.values_list("recipients", flat=True))) == (3, {""})
    assert mail.outbox == []


def test_every_active_school_is_reminded_and_an_archived_one_is_not(school: Any) -> None:
    archived = SchoolFactory(archived_at=timezone.now())
    open_every_term(archived)  # it would owe filings, were it not archived

    sent = send_all_reminders(today=TODAY)

    assert sent == {school.slug: 3}
    assert Reminder.objects.filter(school=archived).count() == 0
