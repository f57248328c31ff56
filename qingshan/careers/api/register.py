"""The enterprise register, its agreements and the order classes under /api/v1/careers/."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.careers.api.common import (
    MANAGE,
    VIEW,
    Shown,
    majors_named,
    named,
    reads_personal,
    shown,
    values_of,
)
from qingshan.careers.enums import EnterpriseSize, Sector
from qingshan.careers.models import Agreement, Enterprise
from qingshan.careers.selectors import register
from qingshan.careers.services import enterprises as enterprise_services
from qingshan.core.api import Pages, api_school
from qingshan.core.models import School
from qingshan.core.validators import normalize_credit_code

router = Router()


# --- Enterprises -------------------------------------------------------------------------------


class CareerEnterpriseOut(Schema):
    id: int
    name: str
    credit_code: str
    province: str
    city: str
    sector: str
    size: str
    address: str
    contact_name: str
    phone: str
    note: str
    archived_at: dt.datetime | None


class CareerEnterpriseIn(Schema):
    name: str
    sector: Sector
    credit_code: str | None = None
    province: str | None = None
    city: str | None = None
    size: EnterpriseSize | None = None
    address: str | None = None
    contact_name: str | None = None
    phone: str | None = None
    note: str | None = None


class CareerEnterprisePatch(Schema):
    name: str | None = None
    sector: Sector | None = None
    credit_code: str | None = None
    province: str | None = None
    city: str | None = None
    size: EnterpriseSize | None = None
    address: str | None = None
    contact_name: str | None = None
    phone: str | None = None
    note: str | None = None


def _enterprise(request: HttpRequest, school: School, record: Enterprise) -> dict[str, Any]:
    return shown(CareerEnterpriseOut, record, reads_personal(request, school))


@router.get("/enterprises/", response=list[CareerEnterpriseOut], url_name="enterprise_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_enterprises(
    request: HttpRequest, school: str | None = None, q: str = "", archived: bool = False
) -> Any:
    """The enterprise register; ``q`` finds a name or a unified social credit code."""
    target = api_school(request, VIEW, school)
    rows = register.enterprises(target).filter(archived_at__isnull=not archived)
    if q:
        found = Q(name__icontains=q)
        code = normalize_credit_code(q)
        if code:
            found |= Q(credit_code__icontains=code)
        rows = rows.filter(found)
    personal = reads_personal(request, target)
    return Shown(rows.order_by("name", "pk"), lambda row: shown(CareerEnterpriseOut, row, personal))


@router.get("/enterprises/{int:pk}/", response=CareerEnterpriseOut, url_name="enterprise_detail")
def read_enterprise(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, VIEW, school)
    return _enterprise(request, target, get_object_or_404(register.enterprises(target), pk=pk))


@router.post("/enterprises/", response={201: CareerEnterpriseOut}, url_name="enterprise_create")
def create_enterprise(
    request: HttpRequest, payload: CareerEnterpriseIn, school: str | None = None
) -> Any:
    """Register an enterprise; its credit code is checked and stored in canonical form."""
    target = api_school(request, MANAGE, school)
    record = enterprise_services.create_enterprise(
        school=target, values=values_of(Enterprise, payload)
    )
    return Status(201, _enterprise(request, target, record))


@router.patch("/enterprises/{int:pk}/", response=CareerEnterpriseOut, url_name="enterprise_update")
def update_enterprise(
    request: HttpRequest, pk: int, payload: CareerEnterprisePatch, school: str | None = None
) -> Any:
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(register.enterprises(target), pk=pk)
    values = values_of(Enterprise, payload)
    if values:
        record = enterprise_services.update_enterprise(record=record, values=values)
    return _enterprise(request, target, record)


# --- Agreements --------------------------------------------------------------------------------


class CareerAgreementOut(Schema):
    id: int
    enterprise_id: int
    title: str
    signed_on: dt.date
    starts_on: dt.date
    ends_on: dt.date
    major_ids: list[int]
    places_per_year: int
    renews_on: dt.date | None
    remind_days: int
    note: str
    archived_at: dt.datetime | None

    @staticmethod
    def resolve_major_ids(obj: Agreement) -> list[int]:
        return sorted(major.pk for major in obj.majors.all())


class CareerAgreementIn(Schema):
    enterprise_id: int
    title: str
    signed_on: dt.date
    starts_on: dt.date
    ends_on: dt.date
    major_ids: list[int] | None = None
    places_per_year: int | None = None
    renews_on: dt.date | None = None
    remind_days: int | None = None
    note: str | None = None


class CareerAgreementPatch(Schema):
    enterprise_id: int | None = None
    title: str | None = None
    signed_on: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    major_ids: list[int] | None = None
    places_per_year: int | None = None
    renews_on: dt.date | None = None
    remind_days: int | None = None
    note: str | None = None


def _agreements(school: School) -> QuerySet[Agreement]:
    return register.agreements(school).prefetch_related("majors")


def _agreement_values(
    school: School, payload: Schema, record: Agreement | None = None
) -> dict[str, Any]:
    """The agreement's values with its enterprise and majors, all of the school."""
    values = values_of(Agreement, payload)
    if "enterprise_id" in values and values["enterprise_id"] is None:
        # an agreement is always with an enterprise: refused as the model refuses a null
        message = Agreement._meta.get_field("enterprise").error_messages["null"]
        raise ValidationError({"enterprise_id": [message]}, code="null")
    if "enterprise_id" in values:
        values["enterprise"] = named(
            register.enterprises(school),
            values.pop("enterprise_id"),
            keep=record.enterprise_id if record else None,
        )
    if "major_ids" in values:
        covered = frozenset(record.majors.values_list("pk", flat=True)) if record else frozenset()
        values["majors"] = majors_named(school, values.pop("major_ids"), keep=covered)
    return values


@router.get("/agreements/", response=list[CareerAgreementOut], url_name="agreement_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_agreements(request: HttpRequest, school: str | None = None, archived: bool = False) -> Any:
    """The cooperation agreements, latest in force first."""
    target = api_school(request, VIEW, school)
    return _agreements(target).filter(archived_at__isnull=not archived).order_by("-starts_on", "pk")


@router.get("/agreements/{int:pk}/", response=CareerAgreementOut, url_name="agreement_detail")
def read_agreement(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(_agreements(api_school(request, VIEW, school)), pk=pk)


@router.post("/agreements/", response={201: CareerAgreementOut}, url_name="agreement_create")
def create_agreement(
    request: HttpRequest, payload: CareerAgreementIn, school: str | None = None
) -> Any:
    """Register an agreement with an enterprise of the register, for the majors named by id."""
    target = api_school(request, MANAGE, school)
    record = enterprise_services.create_agreement(
        school=target, values=_agreement_values(target, payload)
    )
    return Status(201, get_object_or_404(_agreements(target), pk=record.pk))


@router.patch("/agreements/{int:pk}/", response=CareerAgreementOut, url_name="agreement_update")
def update_agreement(
    request: HttpRequest, pk: int, payload: CareerAgreementPatch, school: str | None = None
) -> Any:
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(_agreements(target), pk=pk)
    values = _agreement_values(target, payload, record)
    if not values:
        return record
    enterprise_services.update_agreement(record=record, values=values)
    return get_object_or_404(_agreements(target), pk=pk)


# --- Order classes -----------------------------------------------------------------------------


class CareerOrderClassOut(Schema):
    id: int
    name: str
    enterprise_id: int
    agreement_id: int | None
    school_class_id: int | None
    starts_on: dt.date
    ends_on: dt.date
    curriculum: str
    company_share: int
    hiring_commitment: int
    note: str
    trained: int
    archived_at: dt.datetime | None


@router.get("/order-classes/", response=list[CareerOrderClassOut], url_name="orderclass_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_order_classes(
    request: HttpRequest, school: str | None = None, archived: bool = False
) -> Any:
    """The order classes with the number of students each trains, latest first."""
    target = api_school(request, VIEW, school)
    return (
        register.order_classes(target)
        .filter(archived_at__isnull=not archived)
        .order_by("-starts_on", "pk")
    )


@router.get("/order-classes/{int:pk}/", response=CareerOrderClassOut, url_name="orderclass_detail")
def read_order_class(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(register.order_classes(api_school(request, VIEW, school)), pk=pk)
