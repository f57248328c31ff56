"""Writes of the enterprise register, agreements and order classes. Keyword-only, one
transaction, nothing changed on bad input.

Invariants, for pages, API and imports alike:
- a credit code is stored in canonical form (half-width capitals, no spaces);
- an agreement's majors, and an order class's class and students, are the school's own;
- an order class's agreement is with the order class's company;
- an order class named for a whole class and no students trains the class's students (those
  whose enrolment was in it), filled in when it is created.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.careers.models import Agreement, Enterprise, OrderClass
from qingshan.core import services as core_services
from qingshan.core.errors import field_error
from qingshan.core.models import School, SchoolOwned
from qingshan.core.validators import normalize_credit_code
from qingshan.organization.models import Student


def _canonical(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    if values.get("credit_code"):
        values["credit_code"] = normalize_credit_code(values["credit_code"])
    return values


@transaction.atomic
def create_enterprise(
    *, school: School, model: Any = Enterprise, values: dict[str, Any]
) -> Enterprise:
    return core_services.create_record(school=school, model=Enterprise, values=_canonical(values))


@transaction.atomic
def update_enterprise(*, record: Enterprise, values: dict[str, Any]) -> Enterprise:
    return core_services.update_record(record=record, values=_canonical(values))


def check_own(school: School, name: str, records: Iterable[SchoolOwned]) -> list[Any]:
    """``records`` as a list, refused if one belongs to another school."""
    records = list(records)
    for record in records:
        if record.school_id != school.pk:
            raise field_error(
                name,
                _("%(value)s belongs to another school.") % {"value": record},
                code="other_school",
                domain=True,
            )
    return records


@transaction.atomic
def create_agreement(
    *, school: School, model: Any = Agreement, values: dict[str, Any]
) -> Agreement:
    """Register an agreement; ``values`` may name the ``majors`` it covers."""
    values = dict(values)
    majors = check_own(school, "majors", values.pop("majors", ()))
    agreement = core_services.create_record(school=school, model=Agreement, values=values)
    agreement.majors.set(majors)
    return agreement


@transaction.atomic
def update_agreement(*, record: Agreement, values: dict[str, Any]) -> Agreement:
    """Change an agreement; its majors change only when ``values`` names them."""
    values = dict(values)
    majors = values.pop("majors", None)
    checked = check_own(record.school, "majors", majors) if majors is not None else None
    agreement = core_services.update_record(record=record, values=values)
    if checked is not None:
        agreement.majors.set(checked)
    return agreement


def _check_agreement(order_class: OrderClass) -> None:
    agreement = order_class.agreement
    if agreement is not None and agreement.enterprise_id != order_class.enterprise_id:
        raise field_error(
            "agreement",
            _("%(agreement)s is with another company.") % {"agreement": agreement},
            code="agreement_of_other_company",
            domain=True,
        )


def _class_students(order_class: OrderClass) -> list[Student]:
    if order_class.school_class_id is None:
        return []
    return list(
        Student.objects.for_school(order_class.school)
        .filter(enrolments__school_class=order_class.school_class_id)
        .distinct()
    )


@transaction.atomic
def create_order_class(
    *, school: School, model: Any = OrderClass, values: dict[str, Any]
) -> OrderClass:
    """Open an order class; with a class and no students named, the class's students are its."""
    values = dict(values)
    students = check_own(school, "students", values.pop("students", ()))
    order_class = core_services.create_record(
        school=school, model=OrderClass, values=values, checks=[_check_agreement]
    )
    order_class.students.set(students or _class_students(order_class))
    return order_class


@transaction.atomic
def update_order_class(*, record: OrderClass, values: dict[str, Any]) -> OrderClass:
    """Change an order class; its students change only when ``values`` names them."""
    values = dict(values)
    students = values.pop("students", None)
    checked = check_own(record.school, "students", students) if students is not None else None
    order_class = core_services.update_record(
        record=record, values=values, checks=[_check_agreement]
    )
    if checked is not None:
        order_class.students.set(checked)
    return order_class
