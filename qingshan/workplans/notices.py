"""What the work system puts in a user's inbox: filings overdue for the units they file for, and
the tasks handed down to them (or to the department they head) that are still open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.organization.selectors import working_day
from qingshan.workplans.selectors.cycle import may_file, overdue_filings, units
from qingshan.workplans.selectors.decisions import tasks_for_user


def _filing_title(filing: str, unit: str, period: dt.date) -> str:
    month = formats.date_format(period, "YEAR_MONTH_FORMAT")
    if filing == "plan":
        return _("%(unit)s: the plan of %(month)s is overdue") % {"unit": unit, "month": month}
    if filing == "summary":
        return _("%(unit)s: the month-end summary of %(month)s is overdue") % {
            "unit": unit,
            "month": month,
        }
    return _("%(unit)s: the weekly status of the week of %(day)s is overdue") % {
        "unit": unit,
        "day": formats.date_format(period, "SHORT_DATE_FORMAT"),
    }


@source
def overdue_filings_of_my_units(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("workplans.file", school):
        return
    mine = {unit.pk if unit else None: unit for unit in units(school)}
    for item in overdue_filings(school, working_day(school=school, day=today)):
        if not may_file(user, school, mine.get(item.department_id)):
            continue
        yield Notice(
            key=f"workplans.{item.filing}:{item.department_id or 0}:{item.period.isoformat()}",
            kind=NoticeKind.FILING_OVERDUE,
            title=_filing_title(item.filing, item.unit, item.period),
            url=f"{reverse('workplans:month')}?month={item.period:%Y-%m}",
            due=item.due,
            overdue=True,
        )


@source
def open_tasks(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("workplans.view", school):
        return
    day = working_day(school=school, day=today)
    for task in tasks_for_user(school, user)[:50]:
        yield Notice(
            key=f"workplans.task:{task.pk}",
            kind=NoticeKind.TASK,
            title=task.title,
            url=task.decision.get_absolute_url(),
            due=task.deadline,
            overdue=task.deadline is not None and task.deadline < day,
        )
