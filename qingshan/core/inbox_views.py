"""The inbox: a user's notices (``core.notices``), read and unread, each opening its record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.notices import notices_for, unread_count
from qingshan.core.records import school_for
from qingshan.core.services import mark_notices_read, mark_notices_unread

PERMISSION = "core.view_dashboard"


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    school = school_for(request, PERMISSION)
    notices = notices_for(school=school, user=request.user, day=timezone.localdate())
    unread_only = request.GET.get("show") == "unread"
    return render(
        request,
        "inbox.html",
        {
            "notices": [n for n in notices if not n.read] if unread_only else notices,
            "unread": unread_count(notices),
            "total": len(notices),
            "unread_only": unread_only,
        },
    )


@login_required
@require_POST
def notice_open(request: HttpRequest) -> HttpResponse:
    """Mark the notice read and go to its record; a notice no longer current goes back."""
    school = school_for(request, PERMISSION)
    key = request.POST.get("key", "")
    notices = notices_for(school=school, user=request.user, day=timezone.localdate())
    found = next((notice for notice in notices if notice.key == key), None)
    if found is None:
        messages.info(request, _("That notice is no longer current: the matter was dealt with."))
        return redirect("inbox")
    mark_notices_read(school=school, user=request.user, keys=[found.key])
    return redirect(found.url)


@login_required
@require_POST
def notices_mark(request: HttpRequest) -> HttpResponse:
    """Mark the chosen notices (or, with ``all``, every current one) read or unread."""
    school = school_for(request, PERMISSION)
    current = {
        notice.key
        for notice in notices_for(school=school, user=request.user, day=timezone.localdate())
    }
    chosen = current if request.POST.get("all") else current & set(request.POST.getlist("key"))
    if not chosen:
        messages.error(request, _("Choose at least one notice."))
    elif request.POST.get("action") == "unread":
        mark_notices_unread(school=school, user=request.user, keys=chosen)
    else:
        mark_notices_read(school=school, user=request.user, keys=chosen)
    return redirect((request.POST.get("next") == "unread" and "/inbox/?show=unread") or "inbox")
