"""Writes of party dues (党费) under the 2008 rules (``qingshan.party.dues``).

Invariants (for pages, API and imports alike):
- a dues base starts on the first of a month, one per member and month, and its monthly dues
  are always ``monthly_dues(income_kind, monthly_income)``; it is in force until the next one;
- a payment is for one month (stored as its first day), at most one per member and month, not
  for a month before the member's admission, and never less than the dues of the base in force
  that month (paying more is allowed); without a base in force nothing can be paid;
- a base or payment belongs to the school of its member (and, when the caller names the school,
  to that school).

Every function runs in one transaction; a refused write raises ``DomainError`` and changes
nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.party.dues import monthly_dues
from qingshan.party.enums import IncomeKind
from qingshan.party.models import DuesBase, DuesPayment, Member


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _full_clean(record: models.Model) -> None:
    try:
        record.full_clean()
    except DomainError:
        raise
    except ValidationError as error:
        raise DomainError(error) from error


def _require_school(member: Member, school: School | None) -> None:
    if school is not None and member.school_id != school.pk:
        raise DomainError(
            _("%(value)s belongs to another school.") % {"value": member}, code="other_school"
        )


def base_in_force(*, member: Member, month: dt.date) -> DuesBase | None:
    """The member's base in force in ``month``: the latest from that month or before."""
    return (
        DuesBase.objects.filter(member=member, valid_from__lte=first_of_month(month))
        .order_by("-valid_from")
        .first()
    )


@transaction.atomic
def set_dues_base(
    *,
    member: Member,
    valid_from: dt.date,
    income_kind: str,
    monthly_income: Decimal,
    school: School | None = None,
) -> DuesBase:
    """Set what the member's dues are computed from, from the month of ``valid_from`` on.

    The date is moved to the first of its month; a base of that month is updated, else created.
    ``school`` (the caller's school, optional): the member must belong to it.
    """
    _require_school(member, school)
    if income_kind not in IncomeKind.values:
        raise DomainError(
            _("%(kind)s is not a kind of income.") % {"kind": income_kind}, code="invalid_kind"
        )
    if monthly_income is None or monthly_income < 0:
        raise DomainError(_("An income cannot be negative."), code="negative_income")
    month = first_of_month(valid_from)
    base = DuesBase.objects.filter(member=member, valid_from=month).first() or DuesBase(
        school_id=member.school_id, member=member, valid_from=month
    )
    base.income_kind = income_kind
    base.monthly_income = monthly_income
    base.monthly_dues = monthly_dues(income_kind, Decimal(monthly_income))
    _full_clean(base)
    base.save()
    return base


@transaction.atomic
def record_payment(
    *,
    member: Member,
    month: dt.date,
    amount: Decimal,
    paid_on: dt.date,
    school: School | None = None,
) -> DuesPayment:
    """Record that the member paid the dues of ``month`` (any day of it) on ``paid_on``.

    ``school`` (the caller's school, optional): the member must belong to it.
    """
    _require_school(member, school)
    month = first_of_month(month)
    if month < first_of_month(member.joined_on):
        raise DomainError(
            _("%(month)s is before %(member)s was admitted (%(joined)s); no dues are due.")
            % {"month": f"{month:%Y-%m}", "member": member, "joined": member.joined_on},
            code="before_admission",
        )
    if DuesPayment.objects.filter(member=member, month=month).exists():
        raise DomainError(
            _("%(member)s has paid the dues of %(month)s already.")
            % {"member": member, "month": f"{month:%Y-%m}"},
            code="paid_already",
        )
    base = base_in_force(member=member, month=month)
    if base is None:
        raise DomainError(
            _(
                "%(member)s has no dues base for %(month)s; set the income the dues are "
                "computed from first."
            )
            % {"member": member, "month": f"{month:%Y-%m}"},
            code="no_base",
        )
    if amount is None or amount < base.monthly_dues:
        raise DomainError(
            _("The dues of %(month)s are %(due)s yuan; %(amount)s yuan is less.")
            % {"month": f"{month:%Y-%m}", "due": base.monthly_dues, "amount": amount},
            code="underpaid",
        )
    payment = DuesPayment(
        school_id=member.school_id, member=member, month=month, amount=amount, paid_on=paid_on
    )
    _full_clean(payment)
    payment.save()
    return payment
