"""Writes of internship units and of what the school's own enterprises produce and build.
Keyword-only, one transaction, nothing changed on bad input.

Invariants:
- an outside unit is a company of the school's own enterprise register, named as there;
- production is recorded only for the school's own units; works only at the school's own
  units, built by the school's own classes.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import field_error
from qingshan.core.models import School
from qingshan.internships.enums import UnitKind
from qingshan.internships.models import Production, Unit, Works


def _unit_values(school: School, values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    enterprise = values.get("enterprise")
    if enterprise is not None:
        if enterprise.school_id != school.pk:
            raise field_error(
                "enterprise",
                _("%(value)s belongs to another school.") % {"value": enterprise},
                code="other_school",
                domain=True,
            )
        values["kind"] = UnitKind.COMPANY
        values["name"] = values.get("name") or enterprise.name
    return values


@transaction.atomic
def create_unit(*, school: School, model: Any = Unit, values: dict[str, Any]) -> Unit:
    return core_services.create_record(
        school=school, model=Unit, values=_unit_values(school, values)
    )


@transaction.atomic
def update_unit(*, record: Unit, values: dict[str, Any]) -> Unit:
    return core_services.update_record(record=record, values=_unit_values(record.school, values))


def _own_unit(record: Production | Works) -> None:
    if record.unit_id and not record.unit.is_own:
        raise field_error(
            "unit",
            _("Only the school's own units are recorded here."),
            code="outside_unit",
            domain=True,
        )


@transaction.atomic
def record_production(
    *, school: School, model: Any = Production, values: dict[str, Any]
) -> Production:
    return core_services.create_record(
        school=school, model=Production, values=values, checks=[_own_unit]
    )


@transaction.atomic
def update_production(*, record: Production, values: dict[str, Any]) -> Production:
    return core_services.update_record(record=record, values=values, checks=[_own_unit])


def _classes(school: School, values: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
    values = dict(values)
    classes = list(values.pop("classes", ()))
    for school_class in classes:
        if school_class.school_id != school.pk:
            raise field_error(
                "classes",
                _("%(value)s belongs to another school.") % {"value": school_class},
                code="other_school",
                domain=True,
            )
    return values, classes


@transaction.atomic
def record_works(*, school: School, model: Any = Works, values: dict[str, Any]) -> Works:
    values, classes = _classes(school, values)
    works = core_services.create_record(
        school=school, model=Works, values=values, checks=[_own_unit]
    )
    works.classes.set(classes)
    return works


@transaction.atomic
def update_works(*, record: Works, values: dict[str, Any]) -> Works:
    has_classes = "classes" in values
    values, classes = _classes(record.school, values)
    works = core_services.update_record(record=record, values=values, checks=[_own_unit])
    if has_classes:
        works.classes.set(classes)
    return works
