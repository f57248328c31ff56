"""A placement's week for the school: the days and journal, the review by the school
supervisor, and the printable sheet with a new one-time link for the unit supervisor."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.errors import show_on_form
from qingshan.core.qr import qr_svg
from qingshan.core.records import PAGE_SIZE, school_for
from qingshan.internships.forms.timesheets import ReviewForm
from qingshan.internships.selectors import placements as selectors
from qingshan.internships.services import timesheets
from qingshan.internships.views.placements import supervises
from qingshan.organization.selectors import staff_of_user


@login_required
def week_list(request: HttpRequest) -> HttpResponse:
    """Weeks waiting: journals to review (mine first), and weeks the units have not confirmed."""
    school = school_for(request, "internships.view")
    staff = staff_of_user(school=school, user=request.user)
    today = timezone.localdate()
    mine = selectors.journals_to_review(school, staff)[:200] if staff else []
    unconfirmed = Paginator(
        selectors.unconfirmed_weeks(school, today).order_by("week_start", "pk"), PAGE_SIZE
    )
    context = {"mine": mine, "page": unconfirmed.get_page(request.GET.get("page"))}
    return render(request, "internships/week_list.html", context)


@login_required
def week_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "internships.view")
    week = get_object_or_404(selectors.weeks(school), pk=pk)
    staff = staff_of_user(school=school, user=request.user)
    may_review = supervises(request, week.placement)
    form = (
        ReviewForm(request.POST or None, initial={"comment": week.review_comment})
        if may_review
        else None
    )
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                timesheets.review_journal(
                    week=week, reviewer=staff, comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The journal is marked as reviewed."))
                return redirect(week.get_absolute_url())
    context = {
        "week": week,
        "days": list(week.days.active().order_by("day")),
        "form": form,
        "may_issue": may_review and not week.is_confirmed,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "internships/week_detail.html", context, status=status)


@login_required
@require_POST
def week_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """A new one-time link for the unit supervisor, on a printable sheet with its QR code (shown
    on this response only; the school keeps only its keyed hash)."""
    school = school_for(request, "internships.supervise", write=True)
    week = get_object_or_404(selectors.weeks(school), pk=pk)
    # A link confirms the week: only its school supervisor or a keeper may make one.
    if not supervises(request, week.placement):
        raise PermissionDenied
    try:
        key = timesheets.issue_link(week=week)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(week.get_absolute_url())
    week.refresh_from_db()
    link = request.build_absolute_uri(reverse("internships:confirm_home")) + f"#k={key}"
    context = {
        "week": week,
        "days": list(week.days.active().order_by("day")),
        "link": link,
        "qr": qr_svg(link),
    }
    response = render(request, "internships/week_sheet.html", context)
    response["Cache-Control"] = "no-store"
    return response
