"""Filing a lesson event as an honour (beside the shared record pages)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.records import school_for
from qingshan.teaching.selectors.lessons import lesson_events
from qingshan.teaching.services.lessons import file_as_honour


@login_required
@require_POST
def lesson_file(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    lesson = get_object_or_404(lesson_events(school), pk=pk)
    try:
        commendation = file_as_honour(lesson=lesson)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Filed as the honour “%(title)s”.") % {"title": commendation.title}
        )
    return redirect("teaching:lesson_detail", pk=lesson.pk)
