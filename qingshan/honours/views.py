"""Files of the honours (a certificate's scan, a story's photo), served through the permission
check (media is never public); the import of honours and commendations."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from qingshan.core.import_views import import_page, template_download
from qingshan.core.records import school_for
from qingshan.honours.importers import IMPORTERS
from qingshan.honours.models import Honour, Story


@login_required
def honour_scan(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "honours.view")
    honour = get_object_or_404(Honour.objects.for_school(school), pk=pk)
    if not honour.certificate_scan:
        raise Http404
    return FileResponse(
        honour.certificate_scan.open("rb"),
        filename=honour.certificate_scan.name.rsplit("/", 1)[-1],
    )


@login_required
def story_photo(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "honours.view")
    story = get_object_or_404(Story.objects.for_school(school), pk=pk)
    if not story.photo:
        raise Http404
    return FileResponse(story.photo.open("rb"), filename=story.photo.name.rsplit("/", 1)[-1])


@login_required
def import_template(request: HttpRequest, sheet: str) -> HttpResponse:
    return template_download(request, sheet=sheet, permission="honours.manage", importers=IMPORTERS)


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    """Honours or commendations: dry run with every row error, then all or nothing."""
    return import_page(
        request,
        permission="honours.manage",
        importers=IMPORTERS,
        here="honours:import_start",
        template_url="honours:import_template",
    )
