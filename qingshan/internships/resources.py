"""Internships' record types on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.masking import MASKED_FIELDS
from qingshan.core.records import Related, Resource
from qingshan.internships import filters
from qingshan.internships.forms import placements as placement_forms
from qingshan.internships.forms import units as unit_forms
from qingshan.internships.selectors import placements, units
from qingshan.internships.services import placements as placement_services
from qingshan.internships.services import units as unit_services

# A student's pay and the unit supervisor's phone are read in full by the keepers only.
PERSONAL = MASKED_FIELDS | {"unit_supervisor_phone", "monthly_pay", "reference_wage"}


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="internships",
        view_permission="internships.view",
        manage_permission="internships.manage",
        personal_permission="internships.view_personal",
        masked_fields=PERSONAL,
        exportable=True,
        **options,
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="unit",
        selector=units.units,
        form_class=unit_forms.UnitForm,
        filterset_class=filters.UnitFilter,
        columns=("name", "kind", "area_mu", "legal_status", "staff_count", "running"),
        column_labels={"running": _("placements running")},
        detail_fields=(
            "name",
            "kind",
            "enterprise",
            "area_mu",
            "legal_status",
            "registration_no",
            "staff_count",
            "entertainment_venue",
            "manager",
            "founded_year",
            "address",
            "note",
        ),
        create=unit_services.create_unit,
        update=unit_services.update_unit,
        related=(
            Related(
                _("Placements"),
                lambda record: record.placements.active().select_related("student"),
                ("student", "kind", "starts_on", "ends_on", "post", "ended_on"),
            ),
            Related(
                _("Production"),
                lambda record: record.production.active(),
                ("period_start", "period_end", "output", "quantity", "quantity_unit", "revenue"),
            ),
            Related(
                _("Works built by students"),
                lambda record: record.works.active(),
                ("title", "kind", "size", "started_on", "finished_on"),
            ),
        ),
    ),
    _resource(
        key="production",
        selector=units.production,
        form_class=unit_forms.ProductionForm,
        filterset_class=filters.ProductionFilter,
        columns=(
            "unit",
            "period_start",
            "period_end",
            "output",
            "quantity",
            "quantity_unit",
            "revenue",
        ),
        create=unit_services.record_production,
        update=unit_services.update_production,
    ),
    _resource(
        key="works",
        selector=units.works,
        form_class=unit_forms.WorksForm,
        filterset_class=filters.WorksFilter,
        columns=("title", "kind", "unit", "size", "started_on", "finished_on"),
        create=unit_services.record_works,
        update=unit_services.update_works,
    ),
    _resource(
        key="placement",
        selector=placements.placements,
        form_class=placement_forms.PlacementForm,
        filterset_class=filters.PlacementFilter,
        columns=("student", "unit", "kind", "starts_on", "ends_on", "post", "open_findings"),
        column_labels={"open_findings": _("open findings")},
        detail_fields=(
            "student",
            "unit",
            "kind",
            "starts_on",
            "ends_on",
            "post",
            "matches_major",
            "school_supervisor",
            "unit_supervisor",
            "unit_supervisor_phone",
            "agreement_signed_on",
            "consent_signed_on",
            "insurer",
            "policy_no",
            "insured_from",
            "insured_until",
            "premium_payer",
            "monthly_pay",
            "pay_basis",
            "reference_wage",
            "pay_interval_days",
            "paid_directly",
            "fees_charged",
            "forbidden_work",
            "through_agent",
            "irregular_hours",
            "post_staff",
            "ended_on",
            "end_note",
            "note",
        ),
        create=placement_services.create_placement,
        update=placement_services.update_placement,
        editable=lambda record: not record.is_ended,
        detail_template="internships/placement_detail.html",
        detail_extra=placements.compliance_of,
    ),
    _resource(
        key="visit",
        selector=placements.visits,
        form_class=placement_forms.VisitForm,
        filterset_class=filters.VisitFilter,
        columns=("placement", "visited_on", "visitor", "skill", "safety"),
        create=placement_services.add_visit,
    ),
)
