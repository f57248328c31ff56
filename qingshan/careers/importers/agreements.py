"""Import of cooperation agreements: a row adds an agreement, or updates the one whose number it
gives; the enterprise and the majors are named as in the register."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext

from qingshan.careers.importers.sheets import AGREEMENT_SHEET
from qingshan.careers.models import Agreement, Enterprise
from qingshan.core.importing import Planned, RecordImporter
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.reading import RawRow
from qingshan.organization.models import Major


class AgreementImporter(RecordImporter[Agreement]):
    sheet = AGREEMENT_SHEET
    model = Agreement
    fields = (
        "title",
        "signed_on",
        "starts_on",
        "ends_on",
        "places_per_year",
        "renews_on",
        "remind_days",
        "note",
    )
    unique_together = ("enterprise_id", "title", "starts_on")

    def prepare(self) -> None:
        super().prepare()
        self.enterprises = {
            enterprise.name: enterprise
            for enterprise in Enterprise.objects.for_school(self.school).active()
        }
        self.majors = {major.name: major for major in Major.objects.for_school(self.school)}
        self.majors_of: dict[int, list[Major]] = defaultdict(list)

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        errors = []
        if values["places_per_year"] is None:
            record.places_per_year = 0
        if values["remind_days"] is None:
            record.remind_days = 60
        enterprise = self.enterprises.get(values["enterprise"].strip())
        if enterprise is not None:
            record.enterprise = enterprise
        else:
            errors.append(
                self.error(
                    row,
                    "enterprise",
                    ErrorCategory.REFERENCE,
                    gettext("There is no enterprise named “%(value)s” in the register.")
                    % {"value": values["enterprise"]},
                )
            )
        majors = []
        for name in _names(values["majors"]):
            major = self.majors.get(name)
            if major is None:
                errors.append(
                    self.error(
                        row,
                        "majors",
                        ErrorCategory.REFERENCE,
                        gettext("There is no major named “%(value)s”.") % {"value": name},
                    )
                )
            majors.append(major)
        self.majors_of[row.number] = [major for major in majors if major is not None]
        return errors

    def after_write(self, planned: list[Planned[Agreement]]) -> None:
        for item in planned:
            item.record.majors.set(self.majors_of[item.row.number])


def _names(text: str | None) -> list[str]:
    if not text:
        return []
    return [
        name.strip()
        for name in text.replace("，", "、").replace(",", "、").split("、")
        if name.strip()
    ]
