"""Graduates' destinations and the rates of a graduation year under /api/v1/careers/."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.careers.api.common import (
    MANAGE,
    VIEW,
    Shown,
    named,
    reads_personal,
    shown,
    values_of,
)
from qingshan.careers.enums import Channel, DestinationKind, Region, Sector
from qingshan.careers.models import Destination
from qingshan.careers.selectors import destinations, rates, register
from qingshan.careers.services import destinations as destination_services
from qingshan.core.api import Pages, Year, api_school
from qingshan.core.models import School
from qingshan.core.params import FIRST_YEAR, LAST_YEAR
from qingshan.organization import selectors as organization

router = Router()


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
    kind: DestinationKind


def _destination_row(record: Destination, personal: bool) -> dict[str, Any]:
    return shown(CareerDestinationOut, record, personal, student_name=record.student.name)


def _destination(request: HttpRequest, school: School, record: Destination) -> dict[str, Any]:
    return _destination_row(record, reads_personal(request, school))


def _destination_values(
    school: School, payload: Schema, record: Destination | None = None
) -> dict[str, Any]:
    """The destination's values with its graduate, enterprise and order class, all of the
    school's (the graduate may be any student: the service refuses one not graduated)."""
    values = values_of(Destination, payload)
    if "student_id" in values:
        values["student"] = get_object_or_404(
            organization.students(school), pk=values.pop("student_id")
        )
    if "enterprise_id" in values:
        values["enterprise"] = named(
            register.enterprises(school),
            values.pop("enterprise_id"),
            keep=record.enterprise_id if record else None,
        )
    if "order_class_id" in values:
        values["order_class"] = named(
            register.order_classes(school),
            values.pop("order_class_id"),
            keep=record.order_class_id if record else None,
        )
    if record is None and "recorded_on" in values and values["recorded_on"] is None:
        del values["recorded_on"]  # the service records it as recorded today
    return values


@router.get("/destinations/", response=list[CareerDestinationOut], url_name="destination_list")
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
    personal = reads_personal(request, target)
    return Shown(
        rows.order_by("-graduated_on", "student__name", "pk"),
        lambda row: _destination_row(row, personal),
    )


@router.get("/destinations/{int:pk}/", response=CareerDestinationOut, url_name="destination_detail")
def read_destination(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, VIEW, school)
    return _destination(
        request, target, get_object_or_404(destinations.destinations(target), pk=pk)
    )


@router.post("/destinations/", response={201: CareerDestinationOut}, url_name="destination_create")
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
def employment_rates(
    request: HttpRequest, year: Year | None = None, school: str | None = None
) -> Any:
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
