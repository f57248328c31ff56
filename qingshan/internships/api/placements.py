"""Placements, their open findings, and the compliance board under /api/v1/internships/."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from qingshan.core.api import Pages, api_school
from qingshan.core.models import School
from qingshan.internships.api.common import (
    MANAGE,
    VIEW,
    Shown,
    named,
    never_null,
    reads_personal,
    shown,
    values_of,
)
from qingshan.internships.enums import PayBasis, PlacementKind, PremiumPayer
from qingshan.internships.models import Finding, Placement
from qingshan.internships.rulesets import province_of, ruleset_for, ruleset_of
from qingshan.internships.selectors import placements, units
from qingshan.internships.services import placements as placement_services
from qingshan.organization import selectors as organization

router = Router()


# --- Placements --------------------------------------------------------------------------------


class InternshipPlacementOut(Schema):
    id: int
    student_id: int
    student_name: str
    unit_id: int
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    post: str
    matches_major: bool
    school_supervisor_id: int
    unit_supervisor: str
    # a masked string for a reader without personal-data rights
    unit_supervisor_phone: str
    agreement_signed_on: dt.date | None
    consent_signed_on: dt.date | None
    insurer: str
    policy_no: str
    insured_from: dt.date | None
    insured_until: dt.date | None
    premium_payer: str
    # yuan a month; a masked string for a reader without personal-data rights
    monthly_pay: Decimal | str | None
    pay_basis: str
    reference_wage: Decimal | str | None
    pay_interval_days: int
    paid_directly: bool
    fees_charged: Decimal
    forbidden_work: bool
    through_agent: bool
    irregular_hours: bool
    post_staff: int
    ruleset_key: str  # the rule set the placement was checked against
    ended_on: dt.date | None
    end_note: str
    note: str
    open_findings: int
    archived_at: dt.datetime | None


class InternshipFindingOut(Schema):
    id: int
    rule: str  # the rule's code
    article: str
    requirement: str
    detail: str
    found_on: dt.date


class InternshipPlacementDetailOut(InternshipPlacementOut):
    ruleset_name: str
    findings: list[InternshipFindingOut]  # the open ones, oldest first


class InternshipPlacementPatch(Schema):
    student_id: int | None = None
    unit_id: int | None = None
    kind: PlacementKind | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    post: str | None = None
    matches_major: bool | None = None
    school_supervisor_id: int | None = None
    unit_supervisor: str | None = None
    unit_supervisor_phone: str | None = None
    agreement_signed_on: dt.date | None = None
    consent_signed_on: dt.date | None = None
    insurer: str | None = None
    policy_no: str | None = None
    insured_from: dt.date | None = None
    insured_until: dt.date | None = None
    premium_payer: PremiumPayer | None = None
    monthly_pay: Decimal | None = None
    pay_basis: PayBasis | None = None
    reference_wage: Decimal | None = None
    pay_interval_days: int | None = None
    paid_directly: bool | None = None
    fees_charged: Decimal | None = None
    forbidden_work: bool | None = None
    through_agent: bool | None = None
    irregular_hours: bool | None = None
    post_staff: int | None = None
    note: str | None = None


class InternshipPlacementIn(Schema):
    student_id: int
    unit_id: int
    kind: PlacementKind
    starts_on: dt.date
    ends_on: dt.date
    post: str
    school_supervisor_id: int
    unit_supervisor: str
    matches_major: bool = True
    unit_supervisor_phone: str | None = None
    agreement_signed_on: dt.date | None = None
    consent_signed_on: dt.date | None = None
    insurer: str | None = None
    policy_no: str | None = None
    insured_from: dt.date | None = None
    insured_until: dt.date | None = None
    premium_payer: PremiumPayer | None = None
    monthly_pay: Decimal | None = None
    pay_basis: PayBasis | None = None
    reference_wage: Decimal | None = None
    pay_interval_days: int = 30
    paid_directly: bool = True
    fees_charged: Decimal = Decimal(0)
    forbidden_work: bool = False
    through_agent: bool = False
    irregular_hours: bool = False
    post_staff: int = 0
    note: str | None = None


def _placement_row(record: Placement, personal: bool) -> dict[str, Any]:
    return shown(InternshipPlacementOut, record, personal, student_name=record.student.name)


def _placement(request: HttpRequest, school: School, pk: int) -> dict[str, Any]:
    """The placement with its open findings, each with its rule's article and requirement."""
    record = get_object_or_404(placements.placements(school), pk=pk)
    ruleset = ruleset_of(record)
    found = []
    for finding in record.findings.filter(mended_on__isnull=True).order_by("found_on", "rule"):
        rule = ruleset.rules.get(finding.rule)
        found.append(
            {
                "id": finding.pk,
                "rule": finding.rule,
                "article": str(rule.article) if rule else "",
                "requirement": str(rule.requirement) if rule else "",
                "detail": finding.detail,
                "found_on": finding.found_on,
            }
        )
    return {
        **_placement_row(record, reads_personal(request, school)),
        "ruleset_name": str(ruleset.name),
        "findings": found,
    }


def _placement_values(
    school: School, payload: Schema, record: Placement | None = None
) -> dict[str, Any]:
    """The placement's values with its student, unit and school supervisor, all of the
    school's."""
    values = values_of(Placement, payload)
    never_null(Placement, values, "student", "unit", "school_supervisor")
    for name, rows in (
        ("student", organization.students(school)),
        ("unit", units.units(school)),
        ("school_supervisor", organization.staff(school)),
    ):
        if f"{name}_id" in values:
            values[name] = named(
                rows,
                values.pop(f"{name}_id"),
                keep=getattr(record, f"{name}_id") if record else None,
            )
    return values


@router.get(
    "/placements/", response=list[InternshipPlacementOut], url_name="internship_placement_list"
)
@paginate(Pages, page_size=settings.QS_API_PAGE_SIZE)
def list_internship_placements(
    request: HttpRequest,
    school: str | None = None,
    kind: PlacementKind | None = None,
    unit: int | None = None,
    open_findings: bool = False,
    archived: bool = False,
) -> Any:
    """The placements, latest start first, with the number of open findings of each; ``kind``
    narrows them to one kind, ``unit`` to one unit, ``open_findings`` to those with an open
    finding."""
    target = api_school(request, VIEW, school)
    rows = placements.placements(target).filter(archived_at__isnull=not archived)
    if kind is not None:
        rows = rows.filter(kind=kind.value)
    if unit is not None:
        rows = rows.filter(unit__pk=unit)  # unit_id= would overflow on a huge id
    if open_findings:
        rows = rows.filter(
            Exists(Finding.objects.filter(placement=OuterRef("pk"), mended_on__isnull=True))
        )
    personal = reads_personal(request, target)
    return Shown(
        rows.order_by("-starts_on", "student__name", "pk"),
        lambda row: _placement_row(row, personal),
    )


@router.get(
    "/placements/{int:pk}/",
    response=InternshipPlacementDetailOut,
    url_name="internship_placement_detail",
)
def read_internship_placement(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    """A placement with the rule set it was checked against and its open findings."""
    return _placement(request, api_school(request, VIEW, school), pk)


@router.post(
    "/placements/",
    response={201: InternshipPlacementDetailOut},
    url_name="internship_placement_create",
)
def create_internship_placement(
    request: HttpRequest, payload: InternshipPlacementIn, school: str | None = None
) -> Any:
    """Record a placement, checked against the rule set in force when it starts: a breach of a
    refusing rule refuses it (422, naming the article), a breach of a flagging rule opens a
    finding."""
    target = api_school(request, MANAGE, school)
    record = placement_services.create_placement(
        school=target, values=_placement_values(target, payload)
    )
    return Status(201, _placement(request, target, record.pk))


@router.patch(
    "/placements/{int:pk}/",
    response=InternshipPlacementDetailOut,
    url_name="internship_placement_update",
)
def update_internship_placement(
    request: HttpRequest, pk: int, payload: InternshipPlacementPatch, school: str | None = None
) -> Any:
    """Change a placement under the same checks; a mended breach closes its finding, and a
    placement that ended is not changed."""
    target = api_school(request, MANAGE, school)
    record = get_object_or_404(placements.placements(target), pk=pk)
    values = _placement_values(target, payload, record)
    if values:
        placement_services.update_placement(record=record, values=values)
    return _placement(request, target, pk)


# --- Compliance --------------------------------------------------------------------------------


class InternshipRuleCountOut(Schema):
    rule: str  # the rule's code
    article: str
    requirement: str
    open_findings: int


class InternshipComplianceOut(Schema):
    placements: int
    compliant: int  # placements with no open finding
    compliant_share: float | None
    by_rule: list[InternshipRuleCountOut]  # most open findings first


@router.get("/compliance/", response=InternshipComplianceOut, url_name="internship_compliance")
def internship_compliance(
    request: HttpRequest, school: str | None = None, unit: int | None = None
) -> Any:
    """The school's compliance board (or one unit's): its placements, those with no open
    finding, and the open findings by rule, the rules' words as the rule set in force today
    says them."""
    target = api_school(request, VIEW, school)
    chosen = get_object_or_404(units.units(target), pk=unit) if unit is not None else None
    board = placements.board(target, chosen)
    rules = ruleset_for(timezone.localdate(), province_of(target)).rules
    return {
        "placements": board.placements,
        "compliant": board.compliant,
        "compliant_share": board.compliant_share,
        "by_rule": [
            {
                "rule": code,
                "article": str(rules[code].article) if code in rules else "",
                "requirement": str(rules[code].requirement) if code in rules else "",
                "open_findings": count,
            }
            for code, count in sorted(board.by_rule.items(), key=lambda item: (-item[1], item[0]))
        ],
    }
