"""The enterprise register checks credit codes; agreements remind the keepers of their renewal;
order classes train a class's students and convert per company."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from qingshan.accounts.enums import Role
from qingshan.careers.enums import Channel
from qingshan.careers.models import Enterprise, FollowUp
from qingshan.careers.notices import agreements_to_renew
from qingshan.careers.selectors.conversion import conversion
from qingshan.careers.services import enterprises
from qingshan.careers.tests.factories import GRADUATION, Careers, careers
from qingshan.core.validators import (
    CREDIT_CODE_CHARACTERS,
    make_credit_code,
    validate_credit_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(school: Any) -> Careers:
    return careers(school)


@pytest.mark.django_db(False)
@given(
    region=st.from_regex(r"[0-9]{6}", fullmatch=True),
    serial=st.integers(0, 10**9 - 1),
    position=st.integers(0, 17),
    replacement=st.sampled_from(CREDIT_CODE_CHARACTERS),
)
def test_a_single_changed_character_breaks_a_credit_code(
    region: str, serial: int, position: int, replacement: str
) -> None:
    code = make_credit_code(region, serial)
    validate_credit_code(code)
    changed = code[:position] + replacement + code[position + 1 :]
    if changed != code:
        with pytest.raises(ValidationError):
            validate_credit_code(changed)


@pytest.mark.django_db(False)
def test_a_published_credit_code_passes_and_its_typos_do_not() -> None:
    validate_credit_code("91350100M000100Y43")
    validate_credit_code(" 91350100m000100y43 ")  # lower case and spaces are normalised
    for wrong, code in (
        ("91350100M000100Y44", "credit_code_checksum"),
        ("91350100M000100Y4", "credit_code_length"),
        ("91350100O000100Y43", "credit_code_characters"),
        (
            "91\u0663\u0665\u0660\u0661\u0660\u0660M000100Y43",
            "credit_code_characters",
        ),  # Arabic digits
    ):
        with pytest.raises(ValidationError) as caught:
            validate_credit_code(wrong)
        assert caught.value.code == code


def test_a_credit_code_is_stored_canonical_and_once(place: Careers) -> None:
    company = enterprises.create_enterprise(
        school=place.school,
        values={"name": "苏州华硕", "credit_code": "91350100m000100y43", "sector": "C"},
    )
    assert company.credit_code == "91350100M000100Y43"
    with pytest.raises(ValidationError):
        enterprises.create_enterprise(
            school=place.school,
            values={"name": "另一家", "credit_code": "91350100M000100Y43", "sector": "C"},
        )
    assert Enterprise.objects.count() == 1


def _agreement(place: Careers, renews_on: dt.date, remind_days: int = 60) -> Any:
    return enterprises.create_agreement(
        school=place.school,
        values={
            "enterprise": place.enterprise(),
            "title": "校企长期合作协议",
            "signed_on": dt.date(2011, 3, 1),
            "starts_on": dt.date(2011, 3, 1),
            "ends_on": dt.date(2014, 2, 28),
            "renews_on": renews_on,
            "remind_days": remind_days,
            "majors": [place.fruit.major],
        },
    )


def test_a_renewal_is_announced_within_its_reminder_days(
    place: Careers, user_with_role: Any
) -> None:
    agreement = _agreement(place, dt.date(2014, 1, 31))
    head = user_with_role(Role.DEPARTMENT_HEAD, place.school)
    teacher = user_with_role(Role.TEACHER, place.school)
    assert list(agreements_to_renew(place.school, head, dt.date(2013, 11, 30))) == []
    (notice,) = agreements_to_renew(place.school, head, dt.date(2013, 12, 2))
    assert notice.url == agreement.get_absolute_url() and notice.due == dt.date(2014, 1, 31)
    assert list(agreements_to_renew(place.school, teacher, dt.date(2013, 12, 2))) == []
    # an agreement that has ended is not renewed any more
    assert list(agreements_to_renew(place.school, head, dt.date(2014, 3, 1))) == []


def test_an_agreement_renewed_after_it_ends_is_refused(place: Careers) -> None:
    with pytest.raises(ValidationError):
        _agreement(place, dt.date(2014, 6, 1))


def test_an_order_class_of_a_class_trains_its_students(place: Careers) -> None:
    students = [place.place.admit(place.fruit) for _ in range(2)]
    order_class = enterprises.create_order_class(
        school=place.school,
        values={
            "enterprise": place.enterprise(),
            "name": "果树订单班",
            "school_class": place.fruit,
            "starts_on": dt.date(2013, 9, 1),
            "ends_on": dt.date(2016, 7, 1),
        },
    )
    assert set(order_class.students.all()) == set(students)


def test_an_order_class_under_another_companys_agreement_is_refused(place: Careers) -> None:
    agreement = _agreement(place, dt.date(2014, 1, 31))
    with pytest.raises(ValidationError) as caught:
        enterprises.create_order_class(
            school=place.school,
            values={
                "enterprise": place.enterprise("苏州华硕", serial=2),
                "agreement": agreement,
                "name": "华硕订单班",
                "starts_on": dt.date(2013, 9, 1),
                "ends_on": dt.date(2016, 7, 1),
            },
        )
    assert "agreement" in caught.value.error_dict


def test_conversion_per_company_counts_trained_hired_and_stayed(place: Careers) -> None:
    company = place.enterprise()
    stays, leaves, elsewhere = place.graduate(3)
    order_class = enterprises.create_order_class(
        school=place.school,
        values={
            "enterprise": company,
            "name": "富士康订单班",
            "starts_on": dt.date(2014, 9, 1),
            "ends_on": GRADUATION,
            "students": [stays, leaves, elsewhere],
        },
    )
    for student in (stays, leaves):
        place.employ(
            student, enterprise=company, channel=Channel.ORDER_CLASS, order_class=order_class
        )
    place.employ(elsewhere, employer="苏州华硕")
    for student, still in ((stays, True), (leaves, False)):
        FollowUp.objects.create(
            school=place.school,
            destination=student.destinations.get(),
            months=12,
            due_on=dt.date(2017, 7, 1),
            method="phone",
            kind="enterprise",
            still_with_employer=still,
            answered_on=dt.date(2017, 7, 3),
        )
    (row,) = conversion(place.school)
    assert (row.enterprise, row.trained, row.hired, row.stayed) == (company, 3, 2, 1)
    assert row.hire_rate == pytest.approx(2 / 3) and row.stay_rate == 0.5


def test_conversion_counts_those_trained_who_interned_with_the_company(place: Careers) -> None:
    from qingshan.internships.models import Placement
    from qingshan.internships.services.units import create_unit
    from tests.factories import StaffFactory

    company, other = place.enterprise(), place.enterprise("苏州华硕", serial=2)
    interned, not_trained, elsewhere = place.graduate(3)
    enterprises.create_order_class(
        school=place.school,
        values={
            "enterprise": company,
            "name": "富士康订单班",
            "starts_on": dt.date(2014, 9, 1),
            "ends_on": GRADUATION,
            "students": [interned, elsewhere],
        },
    )
    supervisor = StaffFactory(school=place.school)
    units = {
        enterprise: create_unit(
            school=place.school, values={"enterprise": enterprise, "staff_count": 900}
        )
        for enterprise in (company, other)
    }
    for student, enterprise in ((interned, company), (not_trained, company), (elsewhere, other)):
        Placement.objects.create(
            school=place.school,
            student=student,
            unit=units[enterprise],
            kind="post",
            starts_on=dt.date(2015, 3, 1),
            ends_on=dt.date(2015, 8, 31),
            post="装配",
            school_supervisor=supervisor,
            unit_supervisor="王师傅",
            ruleset_key="2021",
        )
    (row,) = conversion(place.school)
    assert (row.enterprise, row.trained, row.interned) == (company, 2, 1)
