"""Excel import and export pages of the organisation."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qingshan.core.records import school_for
from qingshan.core.tabular.writing import build_template, write_csv, write_xlsx
from qingshan.organization.exporters import export_sheet
from qingshan.organization.forms import ImportForm
from qingshan.organization.importers import IMPORTERS
from qingshan.organization.resources import Resource

PENDING_KEY = "qs_pending_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    response["Cache-Control"] = "no-store"
    return response


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
        return _attachment(
            write_csv(sheet, rows, language=language),
            f"{resource.key}-{stamp}.csv",
            "text/csv; charset=utf-8",
        )
    return _attachment(
        write_xlsx(sheet, rows, language=language), f"{resource.key}-{stamp}.xlsx", XLSX
    )


@login_required
def import_template(request: HttpRequest, sheet: str) -> HttpResponse:
    school_for(request, "organization.manage", write=True)
    if sheet not in IMPORTERS:
        from django.http import Http404

        raise Http404
    language = translation.get_language()
    spec = IMPORTERS[sheet].sheet
    return _attachment(build_template(spec, language=language), f"{sheet}-template.xlsx", XLSX)


def _sheet_choices() -> list[tuple[str, str]]:
    language = translation.get_language()
    return [(key, importer.sheet.title(language)) for key, importer in IMPORTERS.items()]


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    """Upload → dry run with every row error → confirm → all-or-nothing import."""
    school = school_for(request, "organization.manage", write=True)
    form = ImportForm(sheets=_sheet_choices())
    report = None
    pending = request.session.get(PENDING_KEY)
    if request.method == "POST" and request.POST.get("action") == "import" and pending:
        importer = IMPORTERS[pending["sheet"]](school)
        with default_storage.open(pending["path"], "rb") as stored:
            data = stored.read()
        report = importer.run(data, pending["filename"], dry_run=False, actor=request.user)
        default_storage.delete(pending["path"])
        del request.session[PENDING_KEY]
        if report.written:
            messages.success(
                request,
                _("Imported: %(created)d added, %(updated)d updated.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("organization:import_start")
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES, sheets=_sheet_choices())
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            report = IMPORTERS[form.cleaned_data["sheet"]](school).run(
                data, upload.name, dry_run=True
            )
            if report.ok:
                if pending:
                    default_storage.delete(pending["path"])
                path = default_storage.save(
                    f"imports/{school.pk}/{uuid.uuid4().hex}", ContentFile(data)
                )
                request.session[PENDING_KEY] = {
                    "sheet": form.cleaned_data["sheet"],
                    "path": path,
                    "filename": upload.name,
                }
    context = {
        "form": form,
        "report": report,
        "sheets": _sheet_choices(),
        "pending": request.session.get(PENDING_KEY)
        if report and report.ok and not report.written
        else None,
    }
    return render(
        request,
        "organization/import.html",
        context,
        status=422 if report and not report.ok else 200,
    )
