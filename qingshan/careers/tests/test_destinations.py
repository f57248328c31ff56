"""A destination is recorded once per graduate, only after the graduation, with fields that agree
with its kind; the rates follow the national statistics' definitions at their edges."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from qingshan.careers.enums import Channel, DestinationKind
from qingshan.careers.models import Destination
from qingshan.careers.selectors.rates import year_by_major, year_rates
from qingshan.careers.services.destinations import update_destination
from qingshan.careers.services.enterprises import create_order_class
from qingshan.careers.tests.factories import GRADUATION, Careers, careers
from qingshan.students.services.changes import graduate_class

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(school: Any) -> Careers:
    return careers(school)


def _codes(error: ValidationError) -> set[str]:
    return {item.code for items in error.error_dict.values() for item in items}


def test_the_graduation_date_comes_from_the_roll(place: Careers) -> None:
    (graduate,) = place.graduate(1)
    destination = place.employ(graduate)
    assert destination.graduated_on == GRADUATION


def test_a_student_still_studying_has_no_destination(place: Careers) -> None:
    studying = place.place.admit(place.fruit)
    with pytest.raises(ValidationError) as caught:
        place.employ(studying)
    assert "not_graduated" in _codes(caught.value)
    assert not Destination.objects.exists()


def test_one_destination_per_graduate(place: Careers) -> None:
    (graduate,) = place.graduate(1)
    place.employ(graduate)
    with pytest.raises(ValidationError):
        place.employ(graduate, employer="苏州华硕")
    assert Destination.objects.get().employer == "深圳富士康"


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"kind": DestinationKind.UNEMPLOYED, "starting_salary": None}, "unemployed_with_job"),
        (
            {"kind": DestinationKind.FURTHER_STUDY, "employer": "某职业技术学院"},
            "study_with_salary",
        ),
        ({"employer": ""}, "employer_missing"),
        ({"channel": Channel.ORDER_CLASS}, "order_class_missing"),
    ],
)
def test_fields_that_disagree_with_the_kind_are_refused(
    place: Careers, values: dict[str, Any], code: str
) -> None:
    (graduate,) = place.graduate(1)
    with pytest.raises(ValidationError) as caught:
        place.employ(graduate, **values)
    assert code in _codes(caught.value)
    assert not Destination.objects.exists()


def test_an_order_class_destination_needs_the_graduate_among_its_students(
    place: Careers,
) -> None:
    trained, other = place.graduate(2)
    company = place.enterprise()
    order_class = create_order_class(
        school=place.school,
        values={
            "enterprise": company,
            "name": "富士康订单班",
            "starts_on": GRADUATION.replace(year=2014),
            "ends_on": GRADUATION,
            "students": [trained],
        },
    )
    place.employ(trained, channel=Channel.ORDER_CLASS, order_class=order_class)
    with pytest.raises(ValidationError) as caught:
        place.employ(other, channel=Channel.ORDER_CLASS, order_class=order_class)
    assert "not_in_order_class" in _codes(caught.value)


def test_the_graduate_of_a_destination_never_changes(place: Careers) -> None:
    first, second = place.graduate(2)
    destination = place.employ(first)
    with pytest.raises(ValidationError):
        update_destination(record=destination, values={"student": second})


def test_further_study_counts_as_employed_but_not_in_the_matching_rate(place: Careers) -> None:
    working, studying = place.graduate(2)
    place.employ(working, matches_major=False)
    place.employ(
        studying,
        kind=DestinationKind.FURTHER_STUDY,
        employer="某职业技术学院",
        starting_salary=None,
        channel="",
    )
    rates = year_rates([place.school.pk], GRADUATION.year)
    assert (rates.graduates, rates.employed, rates.employment_rate) == (2, 2, 1.0)
    assert (rates.working, rates.matching, rates.matching_rate) == (1, 0, 0.0)


def test_a_graduate_not_yet_followed_up_counts_as_not_employed(place: Careers) -> None:
    recorded, _not_recorded, unemployed = place.graduate(3)
    place.employ(recorded)
    place.employ(
        unemployed,
        kind=DestinationKind.UNEMPLOYED,
        employer="",
        starting_salary=None,
        channel="",
        matches_major=None,
    )
    rates = year_rates([place.school.pk], GRADUATION.year)
    assert (rates.graduates, rates.employed, rates.unknown) == (3, 1, 1)
    assert rates.employment_rate == pytest.approx(1 / 3)


def test_rates_are_given_per_major(place: Careers) -> None:
    (fruit,) = place.graduate(1)
    (electronics,) = place.graduate(1, electronics=True)
    place.employ(fruit)
    found = year_by_major([place.school.pk], GRADUATION.year)
    assert found["果树栽培"].employment_rate == 1.0
    assert found["电子技术应用"].employment_rate == 0.0
    assert found[""].graduates == 2
    assert electronics.pk not in Destination.objects.values_list("student", flat=True)


def test_the_general_track_has_no_major_to_match(place: Careers) -> None:
    general = place.place.admit(place.place.general)
    graduate_class(
        school_class=place.place.general, on=GRADUATION, first_certificate="PG-0001", user=None
    )
    (vocational,) = place.graduate(1)
    place.employ(general, matches_major=False)
    place.employ(vocational, matches_major=True)
    rates = year_rates([place.school.pk], GRADUATION.year)
    assert (rates.employed, rates.working, rates.matching) == (2, 1, 1)
    assert year_by_major([place.school.pk], GRADUATION.year)["general"].matching_rate is None
