"""A placement's actions beyond its record page: an exception granted, a visit recorded, the
placement ended by the school."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.errors import show_on_form
from qingshan.core.records import may_write, school_for
from qingshan.internships.forms.placements import EndForm, ExceptionForm, VisitForm
from qingshan.internships.models import Placement
from qingshan.internships.selectors import placements as selectors
from qingshan.internships.services import placements as services
from qingshan.organization.selectors import staff_of_user


def supervises(request: HttpRequest, placement: Placement) -> bool:
    """Whether the user acts as the placement's school supervisor: a keeper, or the supervisor
    named, each with a role of their own at the school. The same rule for a placement's visits
    and end, its weeks' reviews and their links."""
    school = placement.school
    if not may_write(request, "internships.supervise", school):
        return False
    if may_write(request, "internships.manage", school):
        return True
    staff = staff_of_user(school=school, user=request.user)
    return staff is not None and placement.school_supervisor_id == staff.pk


def _supervised(request: HttpRequest, pk: int) -> Placement:
    """The placement, if the user keeps internships or is its school supervisor."""
    school = school_for(request, "internships.supervise", write=True)
    placement = get_object_or_404(selectors.placements(school), pk=pk)
    if not supervises(request, placement):
        raise PermissionDenied
    return placement


@login_required
@require_POST
def grant_exception(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "internships.manage", write=True)
    placement = get_object_or_404(selectors.placements(school), pk=pk)
    rules = selectors.compliance_of(placement)["exception_rules"]
    form = ExceptionForm(request.POST, rules=rules)
    if form.is_valid():
        try:
            services.grant_exception(placement=placement, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The exception was granted."))
            return redirect(placement.get_absolute_url())
    for problems in form.errors.values():
        messages.error(request, " ".join(str(problem) for problem in problems))
    return redirect(placement.get_absolute_url())


@login_required
def end_placement(request: HttpRequest, pk: int) -> HttpResponse:
    placement = _supervised(request, pk)
    form = EndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_placement(
                placement=placement,
                on=form.cleaned_data["ended_on"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The placement was ended."))
            return redirect(placement.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    context = {"placement": placement, "form": form, "title": _("End the placement")}
    return render(request, "internships/placement_form.html", context, status=status)


@login_required
def add_visit(request: HttpRequest, pk: int) -> HttpResponse:
    placement = _supervised(request, pk)
    staff = staff_of_user(school=placement.school, user=request.user)
    form = VisitForm(
        request.POST or None,
        school=placement.school,
        initial={"visited_on": timezone.localdate(), "visitor": staff, "placement": placement},
    )
    del form.fields["placement"]
    if request.method == "POST" and form.is_valid():
        try:
            services.record_visit(placement=placement, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("The visit was recorded."))
            return redirect(placement.get_absolute_url())
    status = 422 if request.method == "POST" else 200
    context = {"placement": placement, "form": form, "title": _("Record a site visit")}
    return render(request, "internships/placement_form.html", context, status=status)
