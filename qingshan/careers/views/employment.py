"""The employment page: rates by year and major with their definitions, the five-year series,
and conversion per company."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

from qingshan.careers import exporters
from qingshan.careers.selectors import conversion, rates
from qingshan.core.downloads import sheet_download
from qingshan.core.params import year_param
from qingshan.core.records import school_for


@login_required
def employment(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "careers.view")
    schools = [school.pk]
    latest = rates.latest_graduation_year(schools) or timezone.localdate().year
    year = year_param(request, latest)
    found = rates.year_by_major(schools, year)
    context = {
        "year": year,
        "total": found.get("", rates.Rates()),
        "majors": sorted((major, found[major]) for major in found if major),
        "series": rates.series(schools, year),
        "employment_definition": rates.EMPLOYMENT_DEFINITION,
        "matching_definition": rates.MATCHING_DEFINITION,
    }
    return render(request, "careers/employment.html", context)


@login_required
def conversion_page(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "careers.view")
    return render(request, "careers/conversion.html", {"rows": conversion.conversion(school)})


@login_required
def employment_report(request: HttpRequest) -> HttpResponse:
    """The year's employment report in the national statistics' fields, as an Excel workbook."""
    school = school_for(request, "careers.view")
    year = year_param(
        request, rates.latest_graduation_year([school.pk]) or timezone.localdate().year
    )
    sheet, rows = exporters.employment_report([school.pk], year)
    language = translation.get_language() or "zh-hans"
    return sheet_download(sheet, rows, stem=f"employment-{year}", language=language)
