"""Every rate of the trainings, computed from records: empty cohorts, nobody employed, one
trainee in two cohorts, latest follow-up, and the figures with their numerator and denominator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from qingshan.core.figures import Period, Scope, registry
from qingshan.trainings import selectors
from qingshan.trainings.tests import factories as f

pytestmark = pytest.mark.django_db

YEAR = Period.year(2013)


def _figure(key: str, school: Any) -> Any:
    return registry.get(key).evaluate(Scope.of_school(school), YEAR)


def test_an_empty_cohort_has_no_rates(school: Any) -> None:
    f.cohort(school)

    rates = selectors.rates_of(selectors.counted_enrolments(schools=[school.pk]))

    assert (rates.enrolments, rates.completion_share, rates.certified_share) == (0, None, None)
    assert (rates.employed_share, rates.mean_income, rates.median_income) == (None, None, None)
    assert rates.economic_benefit is None
    assert _figure("trainings.employed_share", school).value is None
    assert _figure("trainings.trainees", school).value == 0
    assert _figure("trainings.courses", school).value == 1


def test_nobody_employed_gives_zero_share_and_no_income(school: Any) -> None:
    cohort = f.cohort(school)
    for _ in range(2):
        place = f.enrolment(school, cohort)
        f.follow_up(school, place, employed=False, employer="", monthly_income=None)

    result = _figure("trainings.employed_share", school)

    assert result.value == 0
    assert result.breakdown == {"numerator": 0, "denominator": 2}
    assert _figure("trainings.mean_income", school).value is None
    assert _figure("trainings.economic_benefit", school).value is None


def test_one_trainee_in_two_cohorts_counts_once_in_each(school: Any) -> None:
    person = f.trainee(school)
    first, second = (
        f.enrolment(school, trainee_record=person),
        f.enrolment(school, trainee_record=person, completed=False),
    )
    f.certificate(school, first)
    f.follow_up(school, first, monthly_income=Decimal(1000))
    f.follow_up(school, second, employed=False, employer="", monthly_income=None)

    trainees = _figure("trainings.trainees", school)
    certified = _figure("trainings.certified_share", school)
    completed = _figure("trainings.completed_share", school)
    employed = _figure("trainings.employed_share", school)

    assert trainees.value == 2
    assert trainees.breakdown == {"enrolments": 2, "people": 1}
    assert (completed.value, completed.breakdown["denominator"]) == (0.5, 2)
    assert (certified.value, certified.breakdown) == (1.0, {"numerator": 1, "denominator": 1})
    assert (employed.value, employed.breakdown) == (0.5, {"numerator": 1, "denominator": 2})


def test_the_latest_follow_up_counts_and_those_never_reached_are_left_out(school: Any) -> None:
    cohort = f.cohort(school)
    changed, steady, unreached = (f.enrolment(school, cohort) for _ in range(3))
    f.follow_up(school, changed, checked_on=dt.date(2013, 5, 1), monthly_income=Decimal(3000))
    f.follow_up(
        school,
        changed,
        checked_on=dt.date(2013, 9, 1),
        employed=False,
        employer="",
        monthly_income=None,
    )
    f.follow_up(school, steady, checked_on=dt.date(2013, 5, 1), monthly_income=Decimal(1200))
    f.follow_up(school, steady, checked_on=dt.date(2013, 9, 1), monthly_income=Decimal(1600))
    assert unreached.follow_ups.count() == 0

    employed = _figure("trainings.employed_share", school)
    mean = _figure("trainings.mean_income", school)

    assert employed.breakdown == {"numerator": 1, "denominator": 2}
    assert mean.value == Decimal("1600.00")
    assert list(mean.records) == [steady]  # type: ignore[arg-type]


def test_mean_median_and_benefit_with_its_formula(school: Any) -> None:
    cohort = f.cohort(school)
    for income in (1000, 1500, 2600):
        f.follow_up(school, f.enrolment(school, cohort), monthly_income=Decimal(income))
    f.follow_up(school, f.enrolment(school, cohort), monthly_income=None)  # income unknown

    assert _figure("trainings.mean_income", school).value == Decimal("1700.00")
    assert _figure("trainings.median_income", school).value == Decimal("1500.00")
    benefit = _figure("trainings.economic_benefit", school)
    # 4 employed × 1,700 yuan × 12 months
    assert benefit.value == Decimal("81600.00")
    assert benefit.breakdown == {"employed": 4, "mean_income": 1700.0, "months": 12}


def test_period_other_schools_and_archived_records_do_not_count(
    school: Any, other_school: Any
) -> None:
    f.enrolment(school)
    late = f.course(school, start_on=dt.date(2014, 1, 5), end_on=dt.date(2014, 1, 20))
    f.enrolment(school, f.cohort(school, late))
    f.enrolment(other_school)
    archived = f.enrolment(school)
    archived.archived_at = dt.datetime(2013, 12, 1, tzinfo=dt.UTC)
    archived.save()

    assert _figure("trainings.trainees", school).value == 1
    assert _figure("trainings.courses", school).value == 2  # the course of 2014 is left out


def test_rates_by_course_year_and_township(school: Any) -> None:
    a, b = f.course(school, name="A"), f.course(school, name="B")
    f.enrolment(school, f.cohort(school, a), f.trainee(school, township="民胜镇"))
    f.enrolment(school, f.cohort(school, b), f.trainee(school, township="沙溪镇"), completed=False)
    rows = selectors.counted_enrolments(schools=[school.pk])

    by_course = dict(selectors.rates_by(rows, "course"))
    by_township = dict(selectors.rates_by(rows, "township"))
    by_year = dict(selectors.rates_by(rows, "year"))

    assert (by_course["A"].completion_share, by_course["B"].completion_share) == (1.0, 0.0)
    assert by_township["沙溪镇"].enrolments == 1
    assert by_year[2013].enrolments == 2
