"""The import page every app uses: upload → dry run listing every row error → confirm →
all-or-nothing import; and the template download. The checked file waits in storage between
the dry run and the import, under a key kept in the session."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from qingshan.core.importing import Importer
from qingshan.core.records import school_for
from qingshan.core.tabular.writing import build_template

PENDING_KEY = "qs_pending_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    response["Cache-Control"] = "no-store"
    return response


def sheet_choices(importers: dict[str, type[Importer]]) -> list[tuple[str, str]]:
    language = translation.get_language()
    return [(key, importer.sheet.title(language)) for key, importer in importers.items()]


def template_download(
    request: HttpRequest, *, sheet: str, permission: str, importers: dict[str, type[Importer]]
) -> HttpResponse:
    school_for(request, permission, write=True)
    if sheet not in importers:
        raise Http404
    content = build_template(importers[sheet].sheet, language=translation.get_language())
    return attachment(content, f"{sheet}-template.xlsx", XLSX)


def import_page(
    request: HttpRequest,
    *,
    permission: str,
    importers: dict[str, type[Importer]],
    here: str,
    template_url: str,
) -> HttpResponse:
    from qingshan.organization.forms import ImportForm

    school = school_for(request, permission, write=True)
    choices = sheet_choices(importers)
    form = ImportForm(sheets=choices)
    report = None
    pending: dict[str, Any] | None = request.session.get(PENDING_KEY)
    if pending and pending.get("sheet") not in importers:
        pending = None  # a file checked on another app's page is not imported here
    if request.method == "POST" and request.POST.get("action") == "import" and pending:
        with default_storage.open(pending["path"], "rb") as stored:
            data = stored.read()
        report = importers[pending["sheet"]](school).run(
            data, pending["filename"], dry_run=False, actor=request.user
        )
        default_storage.delete(pending["path"])
        del request.session[PENDING_KEY]
        if report.written:
            messages.success(
                request,
                _("Imported: %(created)d added, %(updated)d updated.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect(here)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES, sheets=choices)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            report = importers[form.cleaned_data["sheet"]](school).run(
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
        "sheets": choices,
        "template_url": template_url,
        "pending": report is not None and report.ok and not report.written,
    }
    return render(
        request, "imports/page.html", context, status=422 if report and not report.ok else 200
    )
