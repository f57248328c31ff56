"""Internship units, the production of the school's own units and the works students built,
under /api/v1/internships/."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.careers.selectors import register
from qingshan.core.api import Pages, api_school
from qingshan.core.models import School
from qingshan.internships.api.common import MANAGE, VIEW, named, values_of
from qingshan.internships.enums import LegalStatus, UnitKind
from qingshan.internships.models import Production, Unit, Works
from qingshan.internships.selectors import units
from qingshan.internships.services import units as unit_services
from qingshan.organization import selectors as organization

router = Router()


# --- Units -------------------------------------------------------------------------------------


class InternshipUnitOut(Schema):
    id: int
    name: str
    kind: str
    enterprise_id: int | None
    area_mu: Decimal | None
    legal_status: str
    registration_no: str
    staff_count: int
    entertainment_venue: bool
    manager_id: int | None
    founded_year: int | None
    address: str
    note: str
    running: int  # placements not ended
    archived_at: dt.datetime | None


class InternshipUnitPatch(Schema):
    name: str | None = None
    kind: UnitKind | None = None
    enterprise_id: int | None = None
    area_mu: Decimal | None = None
    legal_status: LegalStatus | None = None
    registration_no: str | None = None
    staff_count: int | None = None
    entertainment_venue: bool | None = None
    manager_id: int | None = None
    founded_year: int | None = None
    address: str | None = None
    note: str | None = None


class InternshipUnitIn(Schema):
    """A unit of the school's own names its name and kind; an outside company names its
    ``enterprise_id`` in the register, and takes its kind (and by default its name) from it."""

    name: str | None = None
    kind: UnitKind | None = None
    enterprise_id: int | None = None
    area_mu: Decimal | None = None
    legal_status: LegalStatus = LegalStatus.UNREGISTERED
    registration_no: str | None = None
    staff_count: int = 0
    entertainment_venue: bool = False
    manager_id: int | None = None
    founded_year: int | None = None
    address: str | None = None
    note: str | None = None


def _units(school: School) -> QuerySet[Unit]:
    return units.units(school)


def _unit_values(school: School, payload: Schema, record: Unit | None = None) -> dict[str, Any]:
    """The unit's values with its company and manager, both of the school's."""
    values = values_of(Unit, payload)
    if "enterprise_id" in values:
        values["enterprise"] = named(
            register.enterprises(school),
            values.pop("enterprise_id"),
            keep=record.enterprise_id if record else None,
        )
    if "manager_id" in values:
        values["manager"] = named(
            organization.staff(school),
            values.pop("manager_id"),
            keep=record.manager_id if record else None,
        )
    return values


@router.get("/units/", response=list[InternshipUnitOut], url_name="internship_unit_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_internship_units(
    request: HttpRequest,
    school: str | None = None,
    kind: UnitKind | None = None,
    archived: bool = False,
) -> Any:
    """The internship units with the placements running at each; ``kind`` narrows them to one
    kind."""
    target = api_school(request, VIEW, school)
    rows = _units(target).filter(archived_at__isnull=not archived)
    if kind is not None:
        rows = rows.filter(kind=kind.value)
    return rows.order_by("kind", "name", "pk")


@router.get("/units/{int:pk}/", response=InternshipUnitOut, url_name="internship_unit_detail")
def read_internship_unit(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(_units(api_school(request, VIEW, school)), pk=pk)


@router.post("/units/", response={201: InternshipUnitOut}, url_name="internship_unit_create")
def create_internship_unit(
    request: HttpRequest, payload: InternshipUnitIn, school: str | None = None
) -> Any:
    """Register an internship unit: one of the school's own, or a company of the register."""
    target = api_school(request, MANAGE, school)
    record = unit_services.create_unit(school=target, values=_unit_values(target, payload))
    return Status(201, get_object_or_404(_units(target), pk=record.pk))


@router.patch("/units/{int:pk}/", response=InternshipUnitOut, url_name="internship_unit_update")
def update_internship_unit(
    request: HttpRequest, pk: int, payload: InternshipUnitPatch, school: str | None = None
) -> Any:
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(_units(target), pk=pk)
    values = _unit_values(target, payload, record)
    if not values:
        return record
    unit_services.update_unit(record=record, values=values)
    return get_object_or_404(_units(target), pk=pk)


# --- Production --------------------------------------------------------------------------------


class InternshipProductionOut(Schema):
    id: int
    unit_id: int
    period_start: dt.date
    period_end: dt.date
    output: str
    quantity: Decimal
    quantity_unit: str
    plot: str
    crop: str
    revenue: Decimal  # yuan
    cost: Decimal
    teaching_use: Decimal
    students_worked: int
    teachers_worked: int
    note: str
    archived_at: dt.datetime | None


class InternshipProductionIn(Schema):
    unit_id: int
    period_start: dt.date
    period_end: dt.date
    output: str
    quantity: Decimal
    quantity_unit: str
    revenue: Decimal
    cost: Decimal
    plot: str | None = None
    crop: str | None = None
    teaching_use: Decimal = Decimal(0)
    students_worked: int = 0
    teachers_worked: int = 0
    note: str | None = None


def _production_values(school: School, payload: Schema) -> dict[str, Any]:
    """The production's values with its unit, of the school's (the service refuses an outside
    company's)."""
    values = values_of(Production, payload)
    if "unit_id" in values:
        values["unit"] = named(units.units(school), values.pop("unit_id"))
    return values


@router.get(
    "/production/", response=list[InternshipProductionOut], url_name="internship_production_list"
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_internship_production(
    request: HttpRequest,
    school: str | None = None,
    unit: int | None = None,
    archived: bool = False,
) -> Any:
    """What the school's own units produced, latest period first; ``unit`` narrows it to one
    unit."""
    target = api_school(request, VIEW, school)
    rows = units.production(target).filter(archived_at__isnull=not archived)
    if unit is not None:
        rows = rows.filter(unit__pk=unit)  # unit_id= would overflow on a huge id
    return rows.order_by("-period_start", "unit__name", "pk")


@router.get(
    "/production/{int:pk}/",
    response=InternshipProductionOut,
    url_name="internship_production_detail",
)
def read_internship_production(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(units.production(api_school(request, VIEW, school)), pk=pk)


@router.post(
    "/production/",
    response={201: InternshipProductionOut},
    url_name="internship_production_create",
)
def record_internship_production(
    request: HttpRequest, payload: InternshipProductionIn, school: str | None = None
) -> Any:
    """Record what one of the school's own units produced in a period."""
    target = api_school(request, MANAGE, school)
    record = unit_services.record_production(
        school=target, values=_production_values(target, payload)
    )
    return Status(201, record)


# --- Works -------------------------------------------------------------------------------------


class InternshipWorksOut(Schema):
    id: int
    unit_id: int
    title: str
    kind: str
    size: str
    started_on: dt.date
    finished_on: dt.date | None
    class_ids: list[int]
    student_days: int
    value: Decimal  # yuan
    note: str
    archived_at: dt.datetime | None

    @staticmethod
    def resolve_class_ids(obj: Works) -> list[int]:
        return sorted(school_class.pk for school_class in obj.classes.all())


@router.get("/works/", response=list[InternshipWorksOut], url_name="internship_works_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_internship_works(
    request: HttpRequest, school: str | None = None, archived: bool = False
) -> Any:
    """The works classes built as their production internship, latest first."""
    target = api_school(request, VIEW, school)
    return (
        units.works(target)
        .filter(archived_at__isnull=not archived)
        .order_by("-started_on", "title", "pk")
    )


@router.get("/works/{int:pk}/", response=InternshipWorksOut, url_name="internship_works_detail")
def read_internship_works(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(units.works(api_school(request, VIEW, school)), pk=pk)
