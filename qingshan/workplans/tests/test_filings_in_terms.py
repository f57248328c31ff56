"""Filings are owed only inside the terms a school opened: no overdue mark, no reminder and no
dashboard alarm for a month the school did not work in; pages open on the current term's month."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.enums import Semester
from qingshan.workplans.enums import FilingState
from qingshan.workplans.models import Reminder
from qingshan.workplans.selectors import cycle
from qingshan.workplans.services.reminders import send_reminders
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

AUTUMN_2013 = (dt.date(2013, 9, 1), dt.date(2014, 1, 20))


def autumn_2013(school: Any, **state: Any) -> Any:
    start, end = AUTUMN_2013
    return TermFactory(
        school=school,
        school_year=2013,
        semester=Semester.AUTUMN,
        start_date=start,
        end_date=end,
        **state,
    )


def test_a_plan_due_in_an_opened_term_is_overdue_and_one_due_in_the_holidays_is_not_owed(
    school: Any,
) -> None:
    autumn_2013(school, opened_on=dt.date(2013, 9, 1))

    in_term = cycle.month_board(school, dt.date(2013, 10, 1), dt.date(2026, 12, 6))[0]
    holidays = cycle.month_board(school, dt.date(2013, 8, 1), dt.date(2026, 12, 6))[0]

    assert (in_term.plan_state, holidays.plan_state) == (
        FilingState.MISSING,
        FilingState.NOT_OWED,
    )


def test_a_term_never_opened_owes_nothing(school: Any) -> None:
    autumn_2013(school)  # on the calendar, never opened

    overdue = cycle.overdue_filings(school, dt.date(2013, 10, 20))

    assert overdue == []


def test_a_closed_term_still_owes_what_fell_due_while_it_was_open(school: Any) -> None:
    autumn_2013(school, opened_on=dt.date(2013, 9, 1), closed_on=dt.date(2014, 1, 20))

    overdue = {
        (item.filing, item.period) for item in cycle.overdue_filings(school, dt.date(2013, 10, 20))
    }

    assert ("plan", dt.date(2013, 10, 1)) in overdue


def test_no_reminder_goes_out_outside_the_opened_terms(school: Any) -> None:
    autumn_2013(school, opened_on=dt.date(2013, 9, 1))

    in_holidays = send_reminders(school=school, today=dt.date(2014, 2, 15))
    in_term = send_reminders(school=school, today=dt.date(2013, 10, 20))

    assert in_holidays == 0
    assert in_term == Reminder.objects.count() > 0


def test_the_month_board_opens_on_the_current_terms_month(school: Any, client_for: Any) -> None:
    autumn_2013(school, opened_on=dt.date(2013, 9, 1), is_current=True)

    response = client_for(Role.TEACHER, school).get(reverse("workplans:month"))

    # Today lies long after the current term: the board opens on the term's last month.
    assert response.context["month"] == dt.date(2014, 1, 1)


def test_the_dashboard_counts_overdue_filings_as_of_the_current_terms_last_day(
    school: Any, client_for: Any
) -> None:
    autumn_2013(school, opened_on=dt.date(2013, 9, 1), is_current=True)

    response = client_for(Role.SECRETARY, school).get(reverse("reports:dashboard"))

    keys = {notice.key for notice in response.context["notices"]}
    # As of 20 January 2014: January's plan, December's summary, the week of 13 January.
    assert keys == {
        "workplans.plan:0:2014-01-01",
        "workplans.summary:0:2013-12-01",
        "workplans.weekly:0:2014-01-13",
    }
