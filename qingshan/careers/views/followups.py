"""Follow-ups of graduates: the list of those due, scheduling, a phone answer, and a one-time
link for the graduate (shown once, with its QR code)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.careers.forms.destinations import ANSWER_FIELDS, PhoneAnswerForm
from qingshan.careers.selectors import destinations
from qingshan.careers.services import followups
from qingshan.core.qr import qr_svg
from qingshan.core.records import PAGE_SIZE, may_write, school_for

CURRENT_FIELDS = (*ANSWER_FIELDS, "enterprise")


@login_required
def follow_up_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "careers.view")
    today = timezone.localdate()
    show_all = request.GET.get("show") == "all"
    rows = (
        destinations.follow_ups(school).order_by("-due_on", "pk")
        if show_all
        else destinations.follow_ups_due(school, today)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "show_all": show_all,
        "may_manage": may_write(request, "careers.manage", school),
    }
    return render(request, "careers/followup_list.html", context)


@login_required
@require_POST
def follow_up_schedule(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "careers.manage", write=True)
    added = followups.schedule_follow_ups(school=school)
    messages.success(request, _("%(count)s follow-ups were added.") % {"count": added})
    return redirect("careers:followup_list")


@login_required
def follow_up_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "careers.view")
    follow_up = get_object_or_404(destinations.follow_ups(school), pk=pk)
    may_manage = may_write(request, "careers.manage", school)
    form = None
    if may_manage and not follow_up.is_answered:
        # What the school knows now, for the caller to confirm or correct.
        known = {name: getattr(follow_up.destination, name) for name in CURRENT_FIELDS}
        form = PhoneAnswerForm(
            request.POST or None,
            instance=follow_up,
            school=school,
            initial={**known, "answered_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            try:
                followups.record_phone_answer(
                    follow_up=follow_up,
                    values=form.values(),
                    answered_on=form.cleaned_data["answered_on"],
                )
            except ValidationError as error:
                form.apply_service_error(error)
            else:
                messages.success(request, _("The answer was recorded."))
                return redirect(follow_up.get_absolute_url())
    elif request.method == "POST":
        return HttpResponse(status=405)
    context = {"follow_up": follow_up, "form": form, "may_manage": may_manage}
    status = 422 if request.method == "POST" else 200
    return render(request, "careers/followup_detail.html", context, status=status)


@login_required
@require_POST
def follow_up_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A new one-time link, shown on this response only (never stored in the clear)."""
    school = school_for(request, "careers.manage", write=True)
    follow_up = get_object_or_404(destinations.follow_ups(school), pk=pk)
    try:
        key = followups.issue_link(follow_up=follow_up)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(follow_up.get_absolute_url())
    follow_up.refresh_from_db()
    link = request.build_absolute_uri(reverse("careers:answer", args=[key]))
    response = render(
        request,
        "careers/followup_link.html",
        {"follow_up": follow_up, "link": link, "qr": qr_svg(link)},
    )
    response["Cache-Control"] = "no-store"
    return response
