"""The enterprise-practice ledger and continuing-education hours: window arithmetic at its
edges, the ledger of the school's teachers, the page and the policy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.teaching.models import TeachingPolicy
from qingshan.teaching.selectors.policy import add_years
from qingshan.teaching.selectors.practice import (
    days_inside,
    months_of,
    practice_ledger,
    practice_status,
    window_of,
)
from qingshan.teaching.services.policy import update_policy
from qingshan.teaching.tests import factories as f

D = dt.date
START, END = D(2011, 1, 1), D(2016, 1, 1)


def test_windows_begin_on_1_january_of_the_first_year_and_follow_one_another() -> None:
    assert window_of(D(2011, 1, 1), first_year=2011, years=5) == (START, END)
    assert window_of(D(2015, 12, 31), first_year=2011, years=5) == (START, END)
    assert window_of(D(2016, 1, 1), first_year=2011, years=5) == (END, D(2021, 1, 1))
    assert window_of(D(2010, 12, 31), first_year=2011, years=5) == (D(2006, 1, 1), START)


def test_a_record_crossing_the_windows_start_counts_only_its_inside_days() -> None:
    assert days_inside(D(2010, 12, 30), D(2011, 1, 2), START, END) == 2


def test_a_record_crossing_the_windows_end_counts_only_its_inside_days() -> None:
    assert days_inside(D(2015, 12, 30), D(2016, 1, 5), START, END) == 2


def test_a_one_day_record_counts_one_day_and_a_record_outside_none() -> None:
    assert days_inside(D(2013, 3, 1), D(2013, 3, 1), START, END) == 1
    assert days_inside(D(2016, 1, 1), D(2016, 1, 1), START, END) == 0
    assert days_inside(D(2010, 1, 1), D(2010, 12, 31), START, END) == 0


def test_a_leap_year_february_counts_29_days() -> None:
    assert days_inside(D(2012, 2, 1), D(2012, 2, 29), START, END) == 29
    assert days_inside(D(2013, 2, 1), D(2013, 2, 28), START, END) == 28


def test_months_are_days_over_365_25_twelfths_to_one_decimal_halves_up() -> None:
    assert months_of(0) == Decimal("0.0")
    assert months_of(1) == Decimal("0.0")
    assert months_of(366) == Decimal("12.0")
    assert months_of(183) == Decimal("6.0")  # 6.012…
    assert months_of(180) == Decimal("5.9")  # 5.913…
    # 29 days are 0.9527… months; 3 days are 0.0985… (rounded up to 0.1)
    assert (months_of(29), months_of(3)) == (Decimal("1.0"), Decimal("0.1"))


def test_the_warning_begins_one_year_before_the_window_ends() -> None:
    months = Decimal("2.0")

    def status(day: dt.date) -> str:
        return practice_status(months, owed=6, window_end=END, day=day)

    assert status(D(2014, 12, 31)) == "behind"
    assert status(D(2015, 1, 1)) == "warning"
    assert status(D(2015, 12, 31)) == "warning"
    assert practice_status(Decimal("6.0"), owed=6, window_end=END, day=D(2013, 1, 1)) == "met"
    assert practice_status(Decimal("5.9"), owed=6, window_end=END, day=D(2013, 1, 1)) == "behind"


def test_a_year_on_from_29_february_is_28_february() -> None:
    assert add_years(D(2012, 2, 29), 1) == D(2013, 2, 28)
    assert add_years(D(2013, 3, 1), 1) == D(2014, 3, 1)


@pytest.mark.django_db
def test_the_ledger_counts_done_enterprise_practice_inside_the_window(school: Any) -> None:
    teacher = f.profile(school, professional=True).staff
    general = f.profile(school, professional=False).staff
    left = f.profile(school, professional=True, staff=f.staff(school, left_on=D(2012, 1, 1)))
    f.profile(school, professional=True)  # no records at all
    done = {"kind": "enterprise", "status": "done"}
    f.training(school, teacher=teacher, starts_on=D(2010, 12, 1), ends_on=D(2011, 3, 1), **done)
    f.training(
        school,
        teacher=teacher,
        starts_on=D(2013, 7, 1),
        ends_on=D(2013, 8, 31),
        hours=Decimal(40),
        **done,
    )
    f.training(
        school,
        teacher=teacher,
        kind="enterprise",
        status="approved",
        starts_on=D(2014, 7, 1),
        ends_on=D(2014, 12, 31),
    )
    f.training(
        school,
        teacher=general,
        kind="national",
        status="done",
        hours=Decimal("72.5"),
        starts_on=D(2015, 12, 30),
        ends_on=D(2016, 1, 10),
    )

    ledger = practice_ledger(school, D(2015, 3, 1))

    by_name = {row.staff.name: row for row in ledger.rows}
    assert (ledger.start, ledger.end) == (START, END)
    assert left.staff.name not in by_name
    mine = by_name[teacher.name]
    # 2011-01-01 … 2011-03-01 is 60 days, July and August 2013 are 62: 122 days = 4.0 months
    assert (mine.months, mine.status, mine.hours) == (Decimal("4.0"), "warning", Decimal(40))
    assert (by_name[general.name].months, by_name[general.name].hours) == (None, Decimal("72.5"))
    assert [row.months for row in ledger.professional_rows if row.staff != teacher] == [
        Decimal("0.0")
    ]


@pytest.mark.django_db
def test_the_page_shows_the_window_and_no_target_until_one_is_set(
    school: Any, client_for: Any
) -> None:
    f.profile(school, professional=True)
    teacher = client_for(Role.TEACHER, school)

    before = teacher.get(reverse("teaching:practice")).content.decode()
    update_policy(school=school, values={"hours_target": 360})
    after = teacher.get(reverse("teaching:practice")).content.decode()

    assert "not set" in before and "360 hours" not in before
    assert "360 hours per cycle" in after


@pytest.mark.django_db
def test_the_policy_is_created_on_its_first_save_and_refuses_values_out_of_range(
    school: Any, client_for: Any
) -> None:
    head = client_for(Role.DEPARTMENT_HEAD, school)
    form = {
        "new_teacher_years": 3,
        "practice_months": 6,
        "window_years": 5,
        "first_window_year": 2011,
        "hours_target": "",
    }

    saved = head.post(reverse("teaching:policy"), {**form, "window_years": 4})
    refused = head.post(reverse("teaching:policy"), {**form, "window_years": 11})
    teacher = client_for(Role.TEACHER, school).post(reverse("teaching:policy"), form)
    with pytest.raises(ValidationError):
        update_policy(school=school, values={"practice_months": 0})

    assert (saved.status_code, refused.status_code, teacher.status_code) == (302, 422, 403)
    policy = TeachingPolicy.objects.get(school=school)
    assert (policy.window_years, policy.practice_months, policy.hours_target) == (4, 6, None)
