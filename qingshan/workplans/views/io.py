"""Import of the responsibility grid through the shared import page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from qingshan.core.import_views import import_page, template_download
from qingshan.workplans.importers import IMPORTERS


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    return import_page(
        request,
        permission="workplans.manage",
        importers=IMPORTERS,
        here="workplans:import_start",
        template_url="workplans:import_template",
    )


@login_required
def import_template(request: HttpRequest, sheet: str) -> HttpResponse:
    return template_download(
        request, sheet=sheet, permission="workplans.manage", importers=IMPORTERS
    )
