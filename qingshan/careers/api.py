"""The careers part of /api/v1/: the enterprise register and its agreements (list, read, create,
update), order classes (list, read), graduates' destinations (list, read, record, correct), the
employment and matching rates of a graduation year, the alumni list and the League branches.

Every read goes through the app's selectors, every write through its services. A graduate's pay
and the phones are personal (``resources.PERSONAL``): a reader without ``careers.view_personal``
gets them masked as the pages and exports show them (``core.masking.mask_identifier``), a string
that keeps only their ends; nothing recorded stays null or empty. The alumni are read only through
``selectors.alumni.listed_at``, so a graduate who withdrew consent is never listed.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.careers.enums import Channel, DestinationKind, EnterpriseSize, Region, Sector
from qingshan.careers.models import Agreement, Destination, Enterprise
from qingshan.careers.resources import PERSONAL
from qingshan.careers.selectors import alumni, destinations, rates, register
from qingshan.careers.services import destinations as destination_services
from qingshan.careers.services import enterprises as enterprise_services
from qingshan.core.api import Pages, Year, api_school
from qingshan.core.masking import mask_identifier
from qingshan.core.models import School
from qingshan.core.params import FIRST_YEAR, LAST_YEAR
from qingshan.core.validators import normalize_credit_code
from qingshan.organization import selectors as organization

router = Router(tags=["careers"])

VIEW, MANAGE, PERSONAL_DATA = "careers.view", "careers.manage", "careers.view_personal"


# --- Masking -----------------------------------------------------------------------------------


def _personal(request: HttpRequest, school: School) -> bool:
    """Whether the caller reads personal fields in full at ``school``."""
    return bool(request.user.has_perm(PERSONAL_DATA, school))


def _shown(schema: type[Schema], record: Any, personal: bool) -> dict[str, Any]:
    """``record`` as ``schema`` gives it, its personal fields masked unless ``personal``."""
    data = schema.from_orm(record).dict()
    if not personal:
        for name in PERSONAL & data.keys():
            if data[name] not in (None, ""):
                data[name] = mask_identifier(str(data[name]))
    return data


class _Shown:
    """The rows of a queryset, each shown by ``show`` when the pagination slices them."""

    def __init__(self, rows: QuerySet[Any], show: Callable[[Any], dict[str, Any]]) -> None:
        self.rows, self.show = rows, show

    def __len__(self) -> int:
        return self.rows.count()

    def __getitem__(self, part: slice) -> list[dict[str, Any]]:
        return [self.show(row) for row in self.rows[part]]


# --- Writes' values ----------------------------------------------------------------------------


def _values(model: type[models.Model], payload: Schema) -> dict[str, Any]:
    """The fields the request sets, as a service takes them: choices as their values, a null
    text as empty (no text column holds null; a required one refuses the empty text)."""
    texts = {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
    }
    values = {}
    for name, value in payload.dict(exclude_unset=True).items():
        if isinstance(value, Enum):
            value = value.value
        values[name] = "" if value is None and name in texts else value
    return values


def _named(rows: QuerySet[Any], pk: int | None, keep: int | None = None) -> Any:
    """The record ``pk`` of ``rows`` a write names (None for none): an active one, or the one the
    record names already; 404 for any other."""
    if pk is None:
        return None
    if pk != keep:
        rows = rows.filter(archived_at__isnull=True)
    return get_object_or_404(rows, pk=pk)


def _majors(school: School, pks: list[int] | None, keep: frozenset[int] = frozenset()) -> Any:
    """The school's majors ``pks`` (active, or covered already); 404 if one is not found."""
    if pks is None:
        return []
    wanted = set(pks)
    found = list(
        organization.majors(school).filter(
            Q(archived_at__isnull=True) | Q(pk__in=keep), pk__in=wanted
        )
    )
    if len(found) != len(wanted):
        raise Http404
    return found


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
    return _shown(CareerEnterpriseOut, record, _personal(request, school))


@router.get(
    "/enterprises/", response=list[CareerEnterpriseOut], url_name="enterprise_list"
)
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
    personal = _personal(request, target)
    return _Shown(
        rows.order_by("name", "pk"), lambda row: _shown(CareerEnterpriseOut, row, personal)
    )


@router.get(
    "/enterprises/{int:pk}/", response=CareerEnterpriseOut, url_name="enterprise_detail"
)
def read_enterprise(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, VIEW, school)
    return _enterprise(request, target, get_object_or_404(register.enterprises(target), pk=pk))


@router.post(
    "/enterprises/", response={201: CareerEnterpriseOut}, url_name="enterprise_create"
)
def create_enterprise(
    request: HttpRequest, payload: CareerEnterpriseIn, school: str | None = None
) -> Any:
    """Register an enterprise; its credit code is checked and stored in canonical form."""
    target = api_school(request, MANAGE, school)
    record = enterprise_services.create_enterprise(
        school=target, values=_values(Enterprise, payload)
    )
    return Status(201, _enterprise(request, target, record))


@router.patch(
    "/enterprises/{int:pk}/", response=CareerEnterpriseOut, url_name="enterprise_update"
)
def update_enterprise(
    request: HttpRequest, pk: int, payload: CareerEnterprisePatch, school: str | None = None
) -> Any:
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(register.enterprises(target), pk=pk)
    values = _values(Enterprise, payload)
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
    values = _values(Agreement, payload)
    if "enterprise_id" in values:
        values["enterprise"] = _named(
            register.enterprises(school),
            values.pop("enterprise_id"),
            keep=record.enterprise_id if record else None,
        )
    if "major_ids" in values:
        covered = frozenset(record.majors.values_list("pk", flat=True)) if record else frozenset()
        values["majors"] = _majors(school, values.pop("major_ids"), keep=covered)
    return values


@router.get("/agreements/", response=list[CareerAgreementOut], url_name="agreement_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_agreements(request: HttpRequest, school: str | None = None, archived: bool = False) -> Any:
    """The cooperation agreements, latest in force first."""
    target = api_school(request, VIEW, school)
    return (
        _agreements(target).filter(archived_at__isnull=not archived).order_by("-starts_on", "pk")
    )


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


@router.get(
    "/order-classes/{int:pk}/", response=CareerOrderClassOut, url_name="orderclass_detail"
)
def read_order_class(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    return get_object_or_404(register.order_classes(api_school(request, VIEW, school)), pk=pk)


# --- Destinations ------------------------------------------------------------------------------


class CareerDestinationOut(Schema):
    id: int
    student_id: int
    student_name: str
    graduated_on: dt.date
    kind: str
    employer: str
    enterprise_id: int | None
    region: str
    sector: str
    matches_major: bool | None
    labour_contract: bool | None
    social_insurance: bool | None
    channel: str
    order_class_id: int | None
    # yuan a month; a masked string for a reader without personal-data rights
    starting_salary: int | str | None
    salary: int | str | None
    recorded_on: dt.date
    note: str
    archived_at: dt.datetime | None

    @staticmethod
    def resolve_student_name(obj: Destination) -> str:
        return obj.student.name


class CareerDestinationPatch(Schema):
    kind: DestinationKind | None = None
    employer: str | None = None
    enterprise_id: int | None = None
    region: Region | None = None
    sector: Sector | None = None
    matches_major: bool | None = None
    labour_contract: bool | None = None
    social_insurance: bool | None = None
    channel: Channel | None = None
    order_class_id: int | None = None
    starting_salary: int | None = None
    salary: int | None = None
    recorded_on: dt.date | None = None
    note: str | None = None


class CareerDestinationIn(CareerDestinationPatch):
    student_id: int
    kind: DestinationKind  # type: ignore[assignment]


def _destination(request: HttpRequest, school: School, record: Destination) -> dict[str, Any]:
    return _shown(CareerDestinationOut, record, _personal(request, school))


def _destination_values(
    school: School, payload: Schema, record: Destination | None = None
) -> dict[str, Any]:
    """The destination's values with its graduate, enterprise and order class, all of the
    school's (the graduate may be any student: the service refuses one not graduated)."""
    values = _values(Destination, payload)
    if "student_id" in values:
        values["student"] = get_object_or_404(
            organization.students(school), pk=values.pop("student_id")
        )
    if "enterprise_id" in values:
        values["enterprise"] = _named(
            register.enterprises(school),
            values.pop("enterprise_id"),
            keep=record.enterprise_id if record else None,
        )
    if "order_class_id" in values:
        values["order_class"] = _named(
            register.order_classes(school),
            values.pop("order_class_id"),
            keep=record.order_class_id if record else None,
        )
    if record is None and "recorded_on" in values and values["recorded_on"] is None:
        del values["recorded_on"]  # the service records it as recorded today
    return values


@router.get(
    "/destinations/", response=list[CareerDestinationOut], url_name="destination_list"
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_destinations(
    request: HttpRequest,
    school: str | None = None,
    year: int | None = None,
    kind: DestinationKind | None = None,
    archived: bool = False,
) -> Any:
    """The graduates' destinations, latest graduation first; ``year`` narrows them to the
    graduates of a year (a year no record can have narrows nothing), ``kind`` to one kind."""
    target = api_school(request, VIEW, school)
    rows = destinations.destinations(target).filter(archived_at__isnull=not archived)
    if year is not None and FIRST_YEAR <= year <= LAST_YEAR:
        rows = rows.filter(graduated_on__year=year)
    if kind is not None:
        rows = rows.filter(kind=kind.value)
    personal = _personal(request, target)
    return _Shown(
        rows.order_by("-graduated_on", "student__name", "pk"),
        lambda row: _shown(CareerDestinationOut, row, personal),
    )


@router.get(
    "/destinations/{int:pk}/", response=CareerDestinationOut, url_name="destination_detail"
)
def read_destination(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, VIEW, school)
    return _destination(
        request, target, get_object_or_404(destinations.destinations(target), pk=pk)
    )


@router.post(
    "/destinations/", response={201: CareerDestinationOut}, url_name="destination_create"
)
def record_destination(
    request: HttpRequest, payload: CareerDestinationIn, school: str | None = None
) -> Any:
    """Record a graduate's destination; the graduation date comes from their roll, and a student
    who has not graduated is refused."""
    target = api_school(request, MANAGE, school)
    record = destination_services.record_destination(
        school=target, values=_destination_values(target, payload)
    )
    return Status(201, _destination(request, target, record))


@router.patch(
    "/destinations/{int:pk}/", response=CareerDestinationOut, url_name="destination_update"
)
def update_destination(
    request: HttpRequest, pk: int, payload: CareerDestinationPatch, school: str | None = None
) -> Any:
    """Correct a destination; its graduate never changes."""
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(destinations.destinations(target), pk=pk)
    values = _destination_values(target, payload, record)
    if values:
        record = destination_services.update_destination(record=record, values=values)
    return _destination(request, target, record)


# --- Rates -------------------------------------------------------------------------------------


class CareerMajorRatesOut(Schema):
    major: str  # the major's name; "general" for the general track; "" for the total
    graduates: int
    employed: int
    working: int
    matching: int
    unknown: int
    employment_rate: float | None
    matching_rate: float | None


class CareerRatesOut(Schema):
    year: int
    employment_definition: str
    matching_definition: str
    total: CareerMajorRatesOut
    majors: list[CareerMajorRatesOut]


def _rates_row(major: str, found: rates.Rates) -> dict[str, Any]:
    return {
        "major": major,
        **{
            name: getattr(found, name)
            for name in (
                "graduates",
                "employed",
                "working",
                "matching",
                "unknown",
                "employment_rate",
                "matching_rate",
            )
        },
    }


@router.get("/rates/", response=CareerRatesOut, url_name="careers_rates")
def employment_rates(request: HttpRequest, year: Year | None = None, school: str | None = None) -> Any:
    """The employment and matching rates of a graduation year (by default the latest one), per
    major and in total, with the definitions they follow."""
    target = api_school(request, VIEW, school)
    schools = [target.pk]
    if year is None:
        year = rates.latest_graduation_year(schools) or timezone.localdate().year
    found = rates.year_by_major(schools, year)
    return {
        "year": year,
        "employment_definition": str(rates.EMPLOYMENT_DEFINITION),
        "matching_definition": str(rates.MATCHING_DEFINITION),
        "total": _rates_row("", found.get("", rates.Rates())),
        "majors": [_rates_row(major, found[major]) for major in sorted(found) if major],
    }


# --- Alumni and League branches ----------------------------------------------------------------


class CareerAlumnusOut(Schema):
    id: int
    student_id: int
    name: str
    consented_on: dt.date
    city: str
    occupation: str
    phone: str
    notable: bool
    note: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.student.name)


@router.get("/alumni/", response=list[CareerAlumnusOut], url_name="alumnus_list")
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_alumni(request: HttpRequest, school: str | None = None, q: str = "") -> Any:
    """The alumni whose consent to be listed stands; ``q`` finds a name, city or occupation."""
    target = api_school(request, VIEW, school)
    rows = alumni.listed_at(target)
    if q:
        rows = rows.filter(
            Q(student__name__icontains=q) | Q(city__icontains=q) | Q(occupation__icontains=q)
        )
    personal = _personal(request, target)
    return _Shown(
        rows.order_by("student__name", "pk"), lambda row: _shown(CareerAlumnusOut, row, personal)
    )


class CareerLeagueBranchOut(Schema):
    id: int
    name: str
    region: str
    founded_on: dt.date
    secretary_id: int | None
    note: str
    member_count: int  # members who have not left
    archived_at: dt.datetime | None


@router.get(
    "/league-branches/", response=list[CareerLeagueBranchOut], url_name="leaguebranch_list"
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_league_branches(
    request: HttpRequest, school: str | None = None, archived: bool = False
) -> Any:
    """The League branches of graduates at work, with their current members' number."""
    target = api_school(request, VIEW, school)
    return (
        alumni.branches(target)
        .filter(archived_at__isnull=not archived)
        .order_by("region", "name", "pk")
    )
