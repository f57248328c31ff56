"""A school opens and closes its terms and chooses its current term; pages open on it."""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.errors import DomainError
from qingshan.organization import selectors, services
from qingshan.organization.enums import Semester
from qingshan.organization.models import Term
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 6)


def autumn(school: Any, year: int, **state: Any) -> Term:
    return TermFactory(school=school, school_year=year, semester=Semester.AUTUMN, **state)


def test_the_term_made_current_wins_over_the_term_containing_today(school: Any) -> None:
    old = autumn(school, 2013)
    autumn(school, 2026)

    services.make_term_current(term=old, today=DAY)

    assert selectors.current_term(school=school, day=DAY) == old


def test_without_a_choice_the_term_containing_the_day_is_current(school: Any) -> None:
    autumn(school, 2025)
    containing = autumn(school, 2026)

    assert selectors.current_term(school=school, day=DAY) == containing


def test_an_archived_term_is_never_current(school: Any) -> None:
    term = autumn(school, 2026, is_current=True)
    earlier = autumn(school, 2025)
    Term.objects.filter(pk=term.pk).update(archived_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    assert selectors.current_term(school=school, day=DAY) == earlier


def test_pages_open_on_the_current_terms_last_day_when_it_is_over(school: Any) -> None:
    services.make_term_current(term=autumn(school, 2013), today=DAY)

    assert selectors.working_day(school=school, day=DAY) == dt.date(2014, 1, 20)
    assert selectors.working_year(school=school, day=DAY) == 2013


def test_a_spring_term_belongs_to_the_year_its_school_year_started(school: Any) -> None:
    spring = TermFactory(
        school=school,
        school_year=2013,
        semester=Semester.SPRING,
        start_date=dt.date(2014, 2, 25),
        end_date=dt.date(2014, 7, 10),
    )
    services.make_term_current(term=spring, today=DAY)

    assert selectors.working_year(school=school, day=DAY) == 2013


def test_inside_the_current_term_pages_open_on_today(school: Any) -> None:
    autumn(school, 2026, is_current=True)

    assert selectors.working_day(school=school, day=DAY) == DAY


def test_a_school_without_terms_works_on_today(school: Any) -> None:
    assert (
        selectors.working_day(school=school, day=DAY),
        selectors.working_year(school=school, day=DAY),
    ) == (DAY, 2026)


def test_making_a_term_current_moves_the_mark_and_opens_it(school: Any) -> None:
    first = autumn(school, 2012)
    second = autumn(school, 2013)
    services.make_term_current(term=first, today=DAY)

    services.make_term_current(term=second, today=DAY)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_current, second.is_current, second.opened_on) == (False, True, DAY)


def test_the_database_refuses_two_current_terms(school: Any) -> None:
    autumn(school, 2012, is_current=True)

    with pytest.raises(IntegrityError):
        autumn(school, 2013, is_current=True)


def test_two_schools_each_have_their_current_term(school: Any, other_school: Any) -> None:
    services.make_term_current(term=autumn(school, 2013), today=DAY)
    services.make_term_current(term=autumn(other_school, 2013), today=DAY)

    assert Term.objects.filter(is_current=True).count() == 2


def test_opening_then_closing_then_reopening_a_term(school: Any) -> None:
    term = autumn(school, 2013)

    services.open_term(term=term, today=DAY)
    closed = services.close_term(term=term, today=DAY + dt.timedelta(days=3))
    reopened = services.open_term(term=term, today=DAY + dt.timedelta(days=5))

    assert (closed.opened_on, closed.closed_on) == (DAY, DAY + dt.timedelta(days=3))
    assert (reopened.opened_on, reopened.closed_on, reopened.is_open) == (DAY, None, True)


def test_a_term_never_opened_cannot_be_closed(school: Any) -> None:
    term = autumn(school, 2013)

    with pytest.raises(DomainError):
        services.close_term(term=term, today=DAY)

    term.refresh_from_db()
    assert term.closed_on is None


def test_opened_spans_list_only_the_opened_terms(school: Any) -> None:
    autumn(school, 2012)
    opened = autumn(school, 2013, opened_on=DAY)

    spans = selectors.opened_spans(school=school)

    assert spans == [(opened.start_date, opened.end_date)]
    assert selectors.in_opened_term(spans, dt.date(2013, 10, 1))
    assert not selectors.in_opened_term(spans, dt.date(2012, 10, 1))


def test_the_administrator_makes_a_term_current_from_its_page(school: Any, client_for: Any) -> None:
    term = autumn(school, 2013)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("organization:term_current", args=[term.pk]), follow=True
    )

    term.refresh_from_db()
    assert term.is_current and term.opened_on is not None
    assert "Every page now opens on this term." in response.content.decode()


def test_closing_an_unopened_term_from_its_page_says_why_and_changes_nothing(
    school: Any, client_for: Any
) -> None:
    term = autumn(school, 2013)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("organization:term_close", args=[term.pk]), follow=True
    )

    term.refresh_from_db()
    assert term.closed_on is None
    assert "Open the term before closing it." in response.content.decode()


@pytest.mark.parametrize("role", [Role.TEACHER, Role.STUDENT, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_changes_terms(school: Any, client_for: Any, role: str) -> None:
    term = autumn(school, 2013)

    response = client_for(role, school).post(reverse("organization:term_open", args=[term.pk]))

    term.refresh_from_db()
    assert (response.status_code, term.opened_on) == (403, None)


def test_a_term_of_another_school_is_not_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    term = autumn(other_school, 2013)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("organization:term_current", args=[term.pk])
    )

    assert response.status_code == 404


def test_a_get_changes_nothing(school: Any, client_for: Any) -> None:
    term = autumn(school, 2013)

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("organization:term_current", args=[term.pk])
    )

    term.refresh_from_db()
    assert (response.status_code, term.is_current) == (405, False)


def test_the_term_page_says_what_opening_means(school: Any, client_for: Any) -> None:
    term = autumn(school, 2013)

    page = client_for(Role.SCHOOL_ADMIN, school).get(term.get_absolute_url()).content.decode()

    assert "The term has not been opened" in page and "Make it the current term" in page


def test_schools_upgrading_keep_their_marks_on_the_terms_they_worked_in(
    school: Any, monkeypatch: Any
) -> None:
    migration = import_module(
        "qingshan.organization.migrations.0002_terms_opened_closed_and_current"
    )
    past, now, future = autumn(school, 2012), autumn(school, 2013), autumn(school, 2014)
    monkeypatch.setattr(timezone, "localdate", lambda: dt.date(2013, 10, 1))

    migration.open_the_terms_already_worked_in(apps, None)

    states = [
        (term.opened_on, term.closed_on, term.is_current)
        for term in Term.objects.filter(pk__in=[past.pk, now.pk, future.pk]).order_by("start_date")
    ]
    assert states == [
        (past.start_date, past.end_date, False),
        (now.start_date, None, True),
        (None, None, False),
    ]


@pytest.mark.django_db
def test_the_current_term_falls_back_to_the_last_begun_then_the_first(school: Any) -> None:
    autumn = TermFactory(school=school, school_year=2013)  # 2013-09-01 … 2014-01-20
    later = TermFactory(school=school, school_year=2014)
    TermFactory(school=school, school_year=2015, archived_at=timezone.now())

    inside = selectors.current_term(school=school, day=dt.date(2013, 10, 1))
    between = selectors.current_term(school=school, day=dt.date(2014, 3, 1))
    before = selectors.current_term(school=school, day=dt.date(2012, 1, 1))
    long_after = selectors.current_term(school=school, day=dt.date(2016, 1, 1))

    assert (inside, between, before, long_after) == (autumn, autumn, autumn, later)


@pytest.mark.django_db
def test_a_school_without_terms_has_no_current_term(school: Any) -> None:
    assert selectors.current_term(school=school, day=dt.date(2013, 10, 1)) is None
