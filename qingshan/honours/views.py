"""Files of the honours (a certificate's scan, a story's photo), served through the permission
check (media is never public)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from qingshan.core.downloads import stored_file
from qingshan.core.records import school_for
from qingshan.honours.models import Honour, Story


@login_required
def honour_scan(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "honours.view")
    honour = get_object_or_404(Honour.objects.for_school(school), pk=pk)
    if not honour.certificate_scan:
        raise Http404
    return stored_file(honour.certificate_scan)


@login_required
def story_photo(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "honours.view")
    story = get_object_or_404(Story.objects.for_school(school), pk=pk)
    if not story.photo:
        raise Http404
    return stored_file(story.photo)
