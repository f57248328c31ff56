"""Excel import and export pages of the organisation."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from qingshan.core.import_views import XLSX, attachment, import_page, template_download
from qingshan.core.records import school_for
from qingshan.core.tabular.writing import write_csv, write_xlsx
from qingshan.organization.exporters import export_sheet
from qingshan.organization.importers import IMPORTERS
from qingshan.organization.resources import Resource


@login_required
def record_export(request: HttpRequest, resource: Resource) -> HttpResponse:
    school = school_for(request, "organization.view")
    filterset = resource.filterset_class(
        request.GET or None, queryset=resource.selector(school), school=school
    )
    language = translation.get_language()
    mask = not request.user.has_perm("organization.view_personal", school)
    sheet, rows = export_sheet(resource, filterset.qs, mask=mask)
    stamp = timezone.localdate().isoformat()
    if request.GET.get("format") == "csv":
        return attachment(
            write_csv(sheet, rows, language=language),
            f"{resource.key}-{stamp}.csv",
            "text/csv; charset=utf-8",
        )
    return attachment(
        write_xlsx(sheet, rows, language=language), f"{resource.key}-{stamp}.xlsx", XLSX
    )


@login_required
def import_template(request: HttpRequest, sheet: str) -> HttpResponse:
    return template_download(
        request, sheet=sheet, permission="organization.manage", importers=IMPORTERS
    )


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    """Upload → dry run with every row error → confirm → all-or-nothing import."""
    return import_page(
        request,
        permission="organization.manage",
        importers=IMPORTERS,
        here="organization:import_start",
        template_url="organization:import_template",
    )
