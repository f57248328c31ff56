"""Reminders of overdue filings: one per unit, filing and period, shown in-app and e-mailed.

The e-mails go out only once the reminders are committed: a reminder rolled back is never sent,
and the transaction does not wait on the mail server."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from qingshan.accounts.enums import Role
from qingshan.accounts.models import Membership
from qingshan.core.models import School
from qingshan.organization.models import Department
from qingshan.workplans.models import Reminder
from qingshan.workplans.selectors.cycle import overdue_filings, work_settings

FILING_LABELS = {
    "plan": gettext_noop("monthly plan"),
    "summary": gettext_noop("month-end summary"),
    "weekly": gettext_noop("weekly status"),
}


def _recipients(school: School, department_id: int | None) -> list[str]:
    if department_id is None:
        return sorted(
            {
                membership.user.email
                for membership in Membership.objects.filter(
                    school=school, role=Role.SECRETARY
                ).select_related("user")
                if membership.user.email
            }
        )
    department = Department.objects.select_related("head__user").get(pk=department_id)
    user = department.head.user if department.head is not None else None
    return [user.email] if user is not None and user.email else []


@transaction.atomic
def send_reminders(*, school: School, today: datetime.date) -> int:
    """Remind each unit once of each overdue filing; returns the reminders created."""
    settings = work_settings(school)
    created = 0
    for item in overdue_filings(school, today):
        unit = (
            Q(department__isnull=True)
            if item.department_id is None
            else Q(department_id=item.department_id)
        )
        if (
            Reminder.objects.filter(school=school, filing=item.filing, period_start=item.period)
            .filter(unit)
            .exists()
        ):
            continue
        recipients = _recipients(school, item.department_id)
        Reminder.objects.create(
            school=school,
            department_id=item.department_id,
            filing=item.filing,
            period_start=item.period,
            recipients=", ".join(recipients),
        )
        created += 1
        if settings.remind_by_email and recipients:
            with translation.override("zh-hans"):
                message = EmailMessage(
                    subject=_("Overdue: %(filing)s of %(unit)s")
                    % {"filing": _(FILING_LABELS[item.filing]), "unit": item.unit},
                    body=_("The %(filing)s of %(unit)s for %(period)s was due on %(due)s.")
                    % {
                        "filing": _(FILING_LABELS[item.filing]),
                        "unit": item.unit,
                        "period": item.period,
                        "due": item.due,
                    },
                    to=recipients,
                )
            transaction.on_commit(partial(message.send, fail_silently=True), robust=True)
    return created


def send_all_reminders(*, today: datetime.date) -> dict[str, Any]:
    return {
        school.slug: send_reminders(school=school, today=today)
        for school in School.objects.active().order_by("pk")
    }
