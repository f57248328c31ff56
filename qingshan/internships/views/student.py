"""The student's own internship on a phone: the placement, the days of this week and the
journal, and the weeks before."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import show_on_form
from qingshan.core.records import school_for
from qingshan.internships.forms.timesheets import DayForm, JournalForm
from qingshan.internships.models import Placement, Week
from qingshan.internships.selectors import placements as selectors
from qingshan.internships.services import timesheets
from qingshan.organization.models import Student
from qingshan.organization.selectors import student_of_user


def _student(request: HttpRequest) -> Student | None:
    """The signed-in student's record (None: the account is linked to none)."""
    return student_of_user(
        school=school_for(request, "internships.log", write=True), user=request.user
    )


def _mine(request: HttpRequest) -> list[Placement]:
    student = _student(request)
    if student is None:
        raise PermissionDenied
    return list(selectors.placements_of_student(student))


@login_required
def my_internship(request: HttpRequest) -> HttpResponse:
    student = _student(request)
    if student is None:
        return render(request, "internships/my.html", {"unlinked": True})
    placements = list(selectors.placements_of_student(student))
    today = timezone.localdate()
    current = next((p for p in placements if p.starts_on <= today and not p.is_ended), None)
    placement = current or (placements[0] if placements else None)
    context: dict[str, object] = {"placements": placements, "placement": placement}
    if placement is not None:
        day_form = DayForm(
            initial={"day": min(today, placement.ends_on), "starts_at": "08:00", "ends_at": "17:00"}
        )
        context |= {
            "day_form": day_form,
            "weeks": list(placement.weeks.prefetch_related("days").order_by("-week_start")[:12]),
        }
    return render(request, "internships/my.html", context)


@login_required
def log_day(request: HttpRequest, pk: int) -> HttpResponse:
    placements = _mine(request)
    placement = next((p for p in placements if p.pk == pk), None)
    if placement is None:
        raise PermissionDenied
    form = DayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            timesheets.log_day(placement=placement, values=form.cleaned_data)
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The day was logged."))
            return redirect("internships:my")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "internships/my_day.html", {"placement": placement, "form": form}, status=status
    )


@login_required
def my_week(request: HttpRequest, pk: int) -> HttpResponse:
    placements = _mine(request)
    week = Week.objects.filter(placement__in=[p.pk for p in placements], pk=pk).first()
    if week is None:
        raise PermissionDenied
    form = JournalForm(request.POST or None, initial={"journal": week.journal})
    if request.method == "POST" and form.is_valid():
        try:
            timesheets.hand_in_week(week=week, journal=form.cleaned_data["journal"])
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The week was handed in."))
            return redirect("internships:my")
    context = {"week": week, "days": list(week.days.active().order_by("day")), "form": form}
    status = 422 if request.method == "POST" else 200
    return render(request, "internships/my_week.html", context, status=status)
