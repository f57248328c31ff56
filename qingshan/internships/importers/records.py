"""Imports of units, placements and production. A placement row is checked against the same
rules as on its page: a breach of a refusing rule is a row error (nothing is written), and the
findings of the placements written are opened after the write."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from qingshan.careers.models import Enterprise
from qingshan.core.importing import Planned, RecordImporter
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.reading import RawRow
from qingshan.internships.enums import UnitKind
from qingshan.internships.importers.sheets import PLACEMENT_SHEET, PRODUCTION_SHEET, UNIT_SHEET
from qingshan.internships.models import Placement, Production, Unit
from qingshan.internships.rulesets import province_of, ruleset_for
from qingshan.internships.services import checks
from qingshan.internships.services.placements import recheck_unit, refusal_message
from qingshan.organization.models import Staff, Student


def _unknown(importer: Any, row: RawRow, key: str, value: Any) -> RowError:
    return importer.error(
        row,
        key,
        ErrorCategory.REFERENCE,
        gettext("“%(value)s” does not exist at this school; add it first.") % {"value": value},
    )


class UnitImporter(RecordImporter[Unit]):
    sheet = UNIT_SHEET
    model = Unit
    fields = (
        "name",
        "kind",
        "area_mu",
        "legal_status",
        "registration_no",
        "staff_count",
        "entertainment_venue",
        "address",
        "note",
    )
    unique_together = ("name",)

    def prepare(self) -> None:
        super().prepare()
        self.enterprises = {
            row.name: row for row in Enterprise.objects.for_school(self.school).active()
        }

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        for name, default in (
            ("legal_status", "none"),
            ("staff_count", 0),
            ("entertainment_venue", False),
        ):
            if values[name] is None:
                setattr(record, name, default)
        record.enterprise = None
        if values["enterprise"]:
            enterprise = self.enterprises.get(values["enterprise"].strip())
            if enterprise is None:
                return [_unknown(self, row, "enterprise", values["enterprise"])]
            record.enterprise, record.kind = enterprise, UnitKind.COMPANY
        return []


class PlacementImporter(RecordImporter[Placement]):
    sheet = PLACEMENT_SHEET
    model = Placement
    fields = (
        "kind",
        "starts_on",
        "ends_on",
        "post",
        "matches_major",
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
        "post_staff",
        "note",
    )

    def prepare(self) -> None:
        super().prepare()
        self.students = {
            row.student_no: row
            for row in Student.objects.for_school(self.school).select_related("school_class")
        }
        self.units = {row.name: row for row in Unit.objects.for_school(self.school).active()}
        self.staff = {row.staff_no: row for row in Staff.objects.for_school(self.school).active()}
        self.province = province_of(self.school)

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        defaults = (
            ("matches_major", True),
            ("pay_interval_days", 30),
            ("paid_directly", True),
            ("post_staff", 0),
        )
        for name, default in defaults:
            if values[name] is None:
                setattr(record, name, default)
        if values["fees_charged"] is None:
            record.fees_charged = 0
        errors = []
        for key, found in (
            ("student", self.students),
            ("unit", self.units),
            ("school_supervisor", self.staff),
        ):
            target = found.get(str(values[key]).strip())
            if target is None:
                errors.append(_unknown(self, row, key, values[key]))
            else:
                setattr(record, key, target)
        if errors or record.ends_on <= record.starts_on:
            return errors
        if record.pk is not None and record.is_ended:
            return [
                self.error(
                    row,
                    None,
                    ErrorCategory.CONFLICT,
                    gettext("This placement has ended; it is not changed any more."),
                )
            ]
        ruleset = ruleset_for(record.starts_on, self.province)
        record.ruleset_key = ruleset.key
        return [
            self.error(
                row,
                None,
                ErrorCategory.CONFLICT,
                refusal_message(breach.rule, ruleset, breach.detail),
            )
            for breach in checks.refusals(record)
        ]

    def after_write(self, planned: list[Planned[Placement]]) -> None:
        # The others at each unit too: the rows change their shares of interns.
        for item in planned:
            recheck_unit(item.record)


class ProductionImporter(RecordImporter[Production]):
    sheet = PRODUCTION_SHEET
    model = Production
    fields = (
        "period_start",
        "period_end",
        "output",
        "quantity",
        "quantity_unit",
        "plot",
        "crop",
        "revenue",
        "cost",
        "teaching_use",
        "students_worked",
        "teachers_worked",
        "note",
    )

    def prepare(self) -> None:
        super().prepare()
        self.units = {
            row.name: row
            for row in Unit.objects.for_school(self.school).active().filter(enterprise__isnull=True)
        }

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        for name in ("teaching_use", "students_worked", "teachers_worked"):
            if values[name] is None:
                setattr(record, name, 0)
        unit = self.units.get(values["unit"].strip())
        if unit is None:
            return [
                self.error(
                    row,
                    "unit",
                    ErrorCategory.REFERENCE,
                    gettext("There is no unit of the school's own named “%(value)s”.")
                    % {"value": values["unit"]},
                )
            ]
        record.unit = unit
        return []
