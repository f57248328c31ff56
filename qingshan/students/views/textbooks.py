"""A school textbook's file, served after the permission check (media is never public)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from qingshan.core.downloads import stored_file
from qingshan.core.records import school_for
from qingshan.students.selectors.textbooks import textbooks


@login_required
def textbook_file(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.view")
    textbook = get_object_or_404(textbooks(school), pk=pk)
    if not textbook.file:
        raise Http404
    return stored_file(textbook.file)
