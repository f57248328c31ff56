"""Reads of party dues: what is due, what is owed, what was collected.

Every function takes the school(s) (or one member) and runs a constant number of queries
whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from qingshan.core.dates import add_months
from qingshan.core.models import School
from qingshan.party.models import DuesBase, DuesPayment, Member

ZERO = Decimal("0.00")


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


@dataclass(frozen=True)
class ArrearsRow:
    member: Member
    months: tuple[dt.date, ...]  # first days of the unpaid months, oldest first
    total: Decimal


def dues_due(*, member: Member, month: dt.date) -> Decimal | None:
    """The member's dues for ``month`` from the base in force; None before the member's
    admission or when no base is in force. One query."""
    month = _first_of_month(month)
    if month < _first_of_month(member.joined_on):
        return None
    base = (
        DuesBase.objects.filter(member=member, valid_from__lte=month)
        .order_by("-valid_from")
        .values_list("monthly_dues", flat=True)
        .first()
    )
    return base


def arrears(*, school: School, today: dt.date) -> list[ArrearsRow]:
    """Active members who owe dues, by name: every month from the later of the admission month
    and the first base's month up to and including today's month that is not paid, each at the
    base in force that month. Members without a base are not listed (nothing can be computed).
    Three queries.
    """
    this_month = _first_of_month(today)
    active = Member.objects.for_school(school).in_standing()
    members = list(active.order_by("name", "pk"))
    bases: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for member_id, valid_from, due in (
        DuesBase.objects.for_school(school)
        .filter(member__in=active.values("pk"), valid_from__lte=this_month)
        .order_by("member_id", "valid_from")
        .values_list("member_id", "valid_from", "monthly_dues")
    ):
        bases.setdefault(member_id, []).append((valid_from, due))
    paid = set(
        DuesPayment.objects.for_school(school)
        .filter(member__in=active.values("pk"), month__lte=this_month)
        .values_list("member_id", "month")
    )
    rows = []
    for member in members:
        history = bases.get(member.pk)
        if not history:
            continue
        month = max(_first_of_month(member.joined_on), history[0][0])
        owed: list[dt.date] = []
        total = ZERO
        index = 0
        while month <= this_month:
            while index + 1 < len(history) and history[index + 1][0] <= month:
                index += 1
            if (member.pk, month) not in paid:
                owed.append(month)
                total += history[index][1]
            month = add_months(month, 1)
        if owed:
            rows.append(ArrearsRow(member=member, months=tuple(owed), total=total))
    return rows


def collected(*, schools: Any, start: dt.date, end: dt.date) -> Decimal:
    """Dues paid (by ``paid_on``) from ``start`` to ``end`` inclusive, in yuan. One query."""
    total = (
        DuesPayment.objects.for_schools(schools)
        .filter(paid_on__range=(start, end))
        .aggregate(total=Sum("amount"))["total"]
    )
    return total if total is not None else ZERO
