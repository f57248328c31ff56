"""Party dues: the 2008 bands, bases, payments, arrears and the amount collected."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qingshan.core.errors import DomainError
from qingshan.party.dues import monthly_dues
from qingshan.party.enums import IncomeKind, MemberStatus
from qingshan.party.models import DuesBase, DuesPayment
from qingshan.party.selectors import dues as selectors
from qingshan.party.services import dues as services
from tests.party_factories import MemberFactory

D = Decimal


def _base(member: Any, month: dt.date, income: str, kind: str = IncomeKind.EMPLOYED) -> Any:
    return services.set_dues_base(
        member=member, valid_from=month, income_kind=kind, monthly_income=D(income)
    )


# --- the bands ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "income", "dues"),
    [
        (IncomeKind.EMPLOYED, "0", "0.00"),
        (IncomeKind.EMPLOYED, "3000", "15.00"),
        (IncomeKind.EMPLOYED, "3000.01", "30.00"),
        (IncomeKind.EMPLOYED, "5000", "50.00"),
        (IncomeKind.EMPLOYED, "5000.01", "75.00"),
        (IncomeKind.EMPLOYED, "10000", "150.00"),
        (IncomeKind.EMPLOYED, "10000.01", "200.00"),
        (IncomeKind.RETIRED, "5000", "25.00"),
        (IncomeKind.RETIRED, "5000.01", "50.00"),
        (IncomeKind.STUDENT, "0", "0.20"),
        (IncomeKind.STUDENT, "8000", "0.20"),
    ],
)
def test_monthly_dues_charges_the_whole_income_at_its_bands_rate(
    kind: str, income: str, dues: str
) -> None:
    assert monthly_dues(kind, D(income)) == D(dues)


def test_monthly_dues_refuses_a_negative_income() -> None:
    with pytest.raises(ValueError):
        monthly_dues(IncomeKind.EMPLOYED, D("-1"))


# --- set_dues_base --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "income", "dues"),
    [
        (IncomeKind.EMPLOYED, "3000", "15.00"),
        (IncomeKind.EMPLOYED, "3000.01", "30.00"),
        (IncomeKind.EMPLOYED, "5000", "50.00"),
        (IncomeKind.EMPLOYED, "10000", "150.00"),
        (IncomeKind.EMPLOYED, "10000.01", "200.00"),
        (IncomeKind.STUDENT, "0", "0.20"),
    ],
)
def test_set_dues_base_computes_the_monthly_dues(
    school: Any, kind: str, income: str, dues: str
) -> None:
    member = MemberFactory(school=school)

    base = _base(member, dt.date(2024, 3, 1), income, kind)

    base.refresh_from_db()
    assert base.monthly_dues == D(dues)


def test_set_dues_base_starts_on_the_first_of_the_month(school: Any) -> None:
    member = MemberFactory(school=school)

    base = _base(member, dt.date(2024, 3, 17), "4000")

    assert (base.valid_from, base.school) == (dt.date(2024, 3, 1), school)


def test_set_dues_base_twice_in_a_month_updates_the_one_base(school: Any) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 3, 1), "3000")

    _base(member, dt.date(2024, 3, 20), "6000")

    assert list(DuesBase.objects.values_list("valid_from", "monthly_dues")) == [
        (dt.date(2024, 3, 1), D("90.00"))
    ]


def test_set_dues_base_refuses_a_negative_income(school: Any) -> None:
    member = MemberFactory(school=school)

    with pytest.raises(DomainError) as error:
        _base(member, dt.date(2024, 3, 1), "-0.01")

    assert error.value.messages == ["An income cannot be negative."]
    assert DuesBase.objects.count() == 0


def test_set_dues_base_refuses_an_unknown_kind_of_income(school: Any) -> None:
    member = MemberFactory(school=school)

    with pytest.raises(DomainError) as error:
        _base(member, dt.date(2024, 3, 1), "3000", kind="lottery")

    assert error.value.messages == ["lottery is not a kind of income."]
    assert DuesBase.objects.count() == 0


def test_set_dues_base_refuses_a_member_of_another_school(school: Any, other_school: Any) -> None:
    stranger = MemberFactory(school=other_school, name="外校党员")

    with pytest.raises(DomainError) as error:
        services.set_dues_base(
            member=stranger,
            valid_from=dt.date(2024, 3, 1),
            income_kind=IncomeKind.EMPLOYED,
            monthly_income=D("3000"),
            school=school,
        )

    assert error.value.messages == ["外校党员 belongs to another school."]
    assert DuesBase.objects.count() == 0


# --- record_payment -------------------------------------------------------------------------


def _pay(member: Any, month: dt.date, amount: str, **extra: Any) -> Any:
    return services.record_payment(
        member=member, month=month, amount=D(amount), paid_on=dt.date(2024, 4, 2), **extra
    )


def test_record_payment_of_the_exact_dues_is_stored_on_the_first_of_the_month(
    school: Any,
) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")

    payment = _pay(member, dt.date(2024, 3, 25), "15.00")

    assert (payment.month, payment.amount, payment.school) == (
        dt.date(2024, 3, 1),
        D("15.00"),
        school,
    )


def test_record_payment_of_more_than_the_dues_is_allowed(school: Any) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")

    payment = _pay(member, dt.date(2024, 3, 1), "15.01")

    assert payment.amount == D("15.01")


def test_record_payment_of_less_than_the_dues_is_refused_with_the_amount_due(
    school: Any,
) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")

    with pytest.raises(DomainError) as error:
        _pay(member, dt.date(2024, 3, 1), "14.99")

    assert error.value.messages == ["The dues of 2024-03 are 15.00 yuan; 14.99 yuan is less."]
    assert DuesPayment.objects.count() == 0


def test_record_payment_twice_for_a_month_is_refused(school: Any) -> None:
    member = MemberFactory(school=school, name="李红")
    _base(member, dt.date(2024, 1, 1), "3000")
    _pay(member, dt.date(2024, 3, 1), "15.00")

    with pytest.raises(DomainError) as error:
        _pay(member, dt.date(2024, 3, 31), "15.00")

    assert error.value.messages == ["李红 has paid the dues of 2024-03 already."]
    assert DuesPayment.objects.count() == 1


def test_record_payment_for_the_month_of_admission_is_allowed(school: Any) -> None:
    member = MemberFactory(school=school, joined_on=dt.date(2024, 3, 20), full_on=None)
    _base(member, dt.date(2024, 3, 1), "3000")

    payment = _pay(member, dt.date(2024, 3, 1), "15.00")

    assert payment.month == dt.date(2024, 3, 1)


def test_record_payment_for_a_month_before_admission_is_refused(school: Any) -> None:
    member = MemberFactory(school=school, name="李红", joined_on=dt.date(2024, 3, 20), full_on=None)
    _base(member, dt.date(2024, 1, 1), "3000")

    with pytest.raises(DomainError) as error:
        _pay(member, dt.date(2024, 2, 29), "15.00")

    assert error.value.messages == [
        "2024-02 is before 李红 was admitted (2024-03-20); no dues are due."
    ]
    assert DuesPayment.objects.count() == 0


def test_record_payment_without_a_base_in_force_is_refused(school: Any) -> None:
    member = MemberFactory(school=school, name="李红")
    _base(member, dt.date(2024, 4, 1), "3000")

    with pytest.raises(DomainError) as error:
        _pay(member, dt.date(2024, 3, 1), "15.00")

    assert error.value.messages == [
        "李红 has no dues base for 2024-03; set the income the dues are computed from first."
    ]
    assert DuesPayment.objects.count() == 0


def test_record_payment_is_checked_against_the_base_in_force_that_month(school: Any) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")
    _base(member, dt.date(2024, 3, 1), "4000")

    february = _pay(member, dt.date(2024, 2, 1), "15.00")
    with pytest.raises(DomainError) as error:
        _pay(member, dt.date(2024, 3, 1), "15.00")

    assert february.amount == D("15.00")
    assert error.value.messages == ["The dues of 2024-03 are 40.00 yuan; 15.00 yuan is less."]


def test_record_payment_refuses_a_payer_of_another_school(school: Any, other_school: Any) -> None:
    stranger = MemberFactory(school=other_school, name="外校党员")
    _base(stranger, dt.date(2024, 1, 1), "3000")

    with pytest.raises(DomainError) as error:
        _pay(stranger, dt.date(2024, 3, 1), "15.00", school=school)

    assert error.value.messages == ["外校党员 belongs to another school."]
    assert DuesPayment.objects.count() == 0


# --- dues_due -------------------------------------------------------------------------------


def test_dues_due_is_the_dues_of_the_base_in_force(school: Any) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")
    _base(member, dt.date(2024, 3, 1), "4000")

    due = [selectors.dues_due(member=member, month=dt.date(2024, m, 15)) for m in (1, 2, 3, 4)]

    assert due == [D("15.00"), D("15.00"), D("40.00"), D("40.00")]


def test_dues_due_is_none_without_a_base_or_before_admission(school: Any) -> None:
    member = MemberFactory(school=school, joined_on=dt.date(2024, 3, 20), full_on=None)
    _base(member, dt.date(2024, 1, 1), "3000")
    newcomer = MemberFactory(school=school)

    assert selectors.dues_due(member=member, month=dt.date(2024, 2, 1)) is None
    assert selectors.dues_due(member=member, month=dt.date(2024, 3, 1)) == D("15.00")
    assert selectors.dues_due(member=newcomer, month=dt.date(2024, 3, 1)) is None


# --- arrears --------------------------------------------------------------------------------


def test_arrears_counts_each_unpaid_month_at_the_base_in_force(school: Any) -> None:
    member = MemberFactory(school=school, name="李红")
    _base(member, dt.date(2024, 1, 1), "3000")
    _base(member, dt.date(2024, 3, 1), "4000")
    _pay(member, dt.date(2024, 2, 1), "15.00")

    rows = selectors.arrears(school=school, today=dt.date(2024, 4, 15))

    assert [(row.member, row.months, row.total) for row in rows] == [
        (
            member,
            (dt.date(2024, 1, 1), dt.date(2024, 3, 1), dt.date(2024, 4, 1)),
            D("95.00"),
        )
    ]


def test_arrears_start_at_the_later_of_admission_and_the_first_base(school: Any) -> None:
    late_joiner = MemberFactory(
        school=school, name="甲", joined_on=dt.date(2024, 3, 20), full_on=None
    )
    _base(late_joiner, dt.date(2024, 1, 1), "3000")
    late_base = MemberFactory(school=school, name="乙", joined_on=dt.date(2000, 1, 1))
    _base(late_base, dt.date(2024, 4, 1), "3000")

    rows = selectors.arrears(school=school, today=dt.date(2024, 4, 1))

    assert [(row.member.name, row.months) for row in rows] == [
        ("乙", (dt.date(2024, 4, 1),)),
        ("甲", (dt.date(2024, 3, 1), dt.date(2024, 4, 1))),
    ]


def test_arrears_leave_out_paid_up_inactive_and_unbased_members_and_other_schools(
    school: Any, other_school: Any
) -> None:
    paid_up = MemberFactory(school=school)
    _base(paid_up, dt.date(2024, 4, 1), "3000")
    _pay(paid_up, dt.date(2024, 4, 1), "15.00")
    gone = MemberFactory(school=school, status=MemberStatus.TRANSFERRED_OUT)
    _base(gone, dt.date(2024, 4, 1), "3000")
    MemberFactory(school=school)  # no base
    stranger = MemberFactory(school=other_school)
    _base(stranger, dt.date(2024, 4, 1), "3000")

    assert selectors.arrears(school=school, today=dt.date(2024, 4, 30)) == []


def _arrears_queries(school: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = selectors.arrears(school=school, today=dt.date(2024, 6, 30))
        [row.member.name for row in rows]
    return len(captured)


def test_arrears_query_count_does_not_grow_with_members(school: Any) -> None:
    def owing_member() -> None:
        member = MemberFactory(school=school)
        _base(member, dt.date(2024, 1, 1), "3000")
        _base(member, dt.date(2024, 4, 1), "5000")
        _pay(member, dt.date(2024, 2, 1), "15.00")

    owing_member()
    one = _arrears_queries(school)
    owing_member()
    owing_member()

    assert len(selectors.arrears(school=school, today=dt.date(2024, 6, 30))) == 3
    assert _arrears_queries(school) == one


# --- collected ------------------------------------------------------------------------------


def test_collected_sums_payments_made_in_the_period_of_the_given_schools(
    school: Any, other_school: Any
) -> None:
    member = MemberFactory(school=school)
    _base(member, dt.date(2024, 1, 1), "3000")
    for month, paid_on in [
        (1, dt.date(2023, 12, 31)),
        (2, dt.date(2024, 1, 1)),
        (3, dt.date(2024, 3, 31)),
        (4, dt.date(2024, 4, 1)),
    ]:
        services.record_payment(
            member=member, month=dt.date(2024, month, 1), amount=D("15.00"), paid_on=paid_on
        )
    stranger = MemberFactory(school=other_school)
    _base(stranger, dt.date(2024, 1, 1), "3000")
    services.record_payment(
        member=stranger, month=dt.date(2024, 2, 1), amount=D("15.00"), paid_on=dt.date(2024, 2, 1)
    )

    total = selectors.collected(
        schools=[school], start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31)
    )

    assert total == D("30.00")


def test_collected_is_zero_without_payments(school: Any) -> None:
    assert selectors.collected(
        schools=[school], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    ) == D("0.00")
