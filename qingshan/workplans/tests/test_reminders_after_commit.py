"""Reminders of overdue filings are stored first; their e-mails go out only after the commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from qingshan.workplans.models import Reminder, WorkSettings
from qingshan.workplans.services.reminders import send_reminders
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("school_in_session")]
LATE = dt.date(2013, 4, 8)


@pytest.fixture
def late_unit(school: Any, user_with_role: Any) -> Any:
    head = user_with_role("department_head", school, email="head@example.org")
    return DepartmentFactory(school=school, head=StaffFactory(school=school, user=head))


def test_the_emails_go_out_after_the_reminders_are_committed(
    school: Any, late_unit: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        created = send_reminders(school=school, today=LATE)

        assert Reminder.objects.filter(department=late_unit).count() > 0
        assert mail.outbox == []

    assert len(callbacks) == Reminder.objects.filter(department=late_unit).count()
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == len(callbacks) and created >= len(callbacks)
    assert {tuple(message.to) for message in mail.outbox} == {("head@example.org",)}
    assert all(message.subject.startswith("逾期") for message in mail.outbox)


def test_reminders_rolled_back_send_no_email(
    school: Any, late_unit: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_reminders(school=school, today=LATE)
        raise RuntimeError("stopped before the commit")

    assert (callbacks, mail.outbox, Reminder.objects.count()) == ([], [], 0)


def test_no_email_is_queued_when_the_school_reminds_in_app_only(
    school: Any, late_unit: Any, django_capture_on_commit_callbacks: Any
) -> None:
    WorkSettings.objects.create(school=school, remind_by_email=False)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        created = send_reminders(school=school, today=LATE)

    assert created > 0 and callbacks == [] and mail.outbox == []
