"""The import page every app uses: upload → dry run listing every row error → confirm →
all-or-nothing import; and the template download. The checked file waits in storage between
the dry run and the import, under a key kept in the session.

An app mounts both with ``import_urls(permission=..., importers=...)`` in its ``urls.py``;
``importers`` is the app's sheets, or a function of the user and the school where what one may
import depends on who one is."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import translation
from django.utils.translation import gettext as _

from qingshan.core.downloads import XLSX, attachment
from qingshan.core.forms import ImportForm
from qingshan.core.importing import Importer
from qingshan.core.models import School
from qingshan.core.records import school_for
from qingshan.core.tabular.writing import build_template

PENDING_KEY = "qs_pending_import"

Importers = dict[str, type[Importer[Any]]]
ImportersOf = Importers | Callable[[Any, School], Importers]


def _importers(importers: ImportersOf, request: HttpRequest, school: School) -> Importers:
    return importers(request.user, school) if callable(importers) else importers


def sheet_choices(importers: Importers) -> list[tuple[str, str]]:
    language = translation.get_language()
    return [(key, importer.sheet.title(language)) for key, importer in importers.items()]


@login_required
def import_template(
    request: HttpRequest, sheet: str, *, permission: str, importers: ImportersOf
) -> HttpResponse:
    """An empty workbook of the sheet, headed in the reader's language, with an example row."""
    school = school_for(request, permission, write=True)
    available = _importers(importers, request, school)
    if sheet not in available:
        raise Http404
    content = build_template(available[sheet].sheet, language=translation.get_language())
    return attachment(content, f"{sheet}-template.xlsx", XLSX)


@login_required
def import_start(request: HttpRequest, *, permission: str, importers: ImportersOf) -> HttpResponse:
    """Upload → dry run with every row error → confirm → all-or-nothing import."""
    school = school_for(request, permission, write=True)
    importers = _importers(importers, request, school)
    namespace = request.resolver_match.namespace if request.resolver_match else ""
    here, template_url = f"{namespace}:import_start", f"{namespace}:import_template"
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


def import_urls(*, permission: str, importers: ImportersOf) -> list[URLPattern]:
    """The import page and the template download of an app, named ``import_start`` and
    ``import_template`` in the app's namespace."""
    extra = {"permission": permission, "importers": importers}
    return [
        path("import/", import_start, extra, name="import_start"),
        path("import/template/<str:sheet>/", import_template, extra, name="import_template"),
    ]
