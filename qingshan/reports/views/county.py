"""The county bureau's view: the figures of its schools, summed properly and side by side."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from qingshan.core.downloads import XLSX, attachment
from qingshan.core.figures import Unit
from qingshan.core.models import School
from qingshan.core.params import year_param
from qingshan.core.records import school_for
from qingshan.core.tabular.cells import escape_formula
from qingshan.organization.selectors import current_term
from qingshan.reports.selectors.county import county_table


def _year(request: HttpRequest, school: School) -> int:
    """The year asked for; else the school year of the viewer's school's current term; else last
    year (the latest whole year)."""
    today = timezone.localdate()
    term = current_term(school=school, day=today)
    return year_param(request) or (term.school_year if term else today.year - 1)


@login_required
def county(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.county")
    year = _year(request, school)
    schools, rows, freshness = county_table(authority=school.authority, year=year)
    columns = list(freshness.values())
    return render(
        request,
        "reports/county.html",
        {
            "authority": school.authority,
            "year": year,
            "years": range(year - 6, timezone.localdate().year + 1),
            "schools": schools,
            "rows": rows,
            "total_freshness": columns[0],
            "school_freshness": columns[1:],
            "computing": sum(1 for column in columns if not column.fresh),
        },
    )


# How Excel shows each unit's numbers (the cells keep the numbers, so sums still work).
NUMBER_FORMATS = {Unit.RATE: "0.0%", Unit.YUAN: "#,##0.00", Unit.HOURS: "#,##0.0"}


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    return float(value) if not isinstance(value, int) else value  # type: ignore[arg-type]


@login_required
def county_export(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.county")
    year = _year(request, school)
    schools, rows, _freshness = county_table(authority=school.authority, year=year)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    sheet.append(
        [_("figure"), _("unit"), _("all schools"), *(escape_formula(s.name) for s in schools)]
    )
    for row in rows:
        sheet.append(
            [
                escape_formula(row.label),
                escape_formula(row.unit_label),
                _cell(row.total),
                *map(_cell, row.by_school),
            ]
        )
        for cell in sheet[sheet.max_row][2:]:
            cell.number_format = NUMBER_FORMATS.get(row.unit, "#,##0")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), f"county-{year}.xlsx", XLSX)
