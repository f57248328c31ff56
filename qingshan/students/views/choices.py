"""Choice windows: a student chooses on a phone and sees the state of the request; the school
reads the demand per offer against its places and assigns."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.actions import act_and_return
from qingshan.core.records import may_write, school_for
from qingshan.students.forms.choices import ChoiceForm
from qingshan.students.models import ChoiceRequest
from qingshan.students.selectors import choices as selectors
from qingshan.students.selectors.paths import student_of_user
from qingshan.students.services import choices as services


@login_required
def choices_mine(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "students.own_path")
    student = student_of_user(school=school, user=request.user)
    today = timezone.localdate()
    windows = list(selectors.open_windows(school, today))
    forms = []
    for window in windows:
        bound = request.method == "POST" and request.POST.get("window") == str(window.pk)
        form = ChoiceForm(
            request.POST if bound else None,
            offers=selectors.demand(window),
            prefix=f"w{window.pk}",
        )
        if bound and form.is_valid():
            try:
                services.request_choice(
                    window=window,
                    student=student,
                    offer=form.cleaned_data["offer"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your choice was sent to the school."))
                return redirect("students:choices_mine")
        forms.append((window, form))
    context = {
        "forms": forms,
        "requests": selectors.requests_of_student(student) if student else [],
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "students/choices_mine.html", context, status=status)


@login_required
@require_POST
def choice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.own_path", write=True)
    choice = get_object_or_404(
        ChoiceRequest.objects.for_school(school), pk=pk, student__user=request.user
    )
    return act_and_return(
        request,
        choice,
        lambda record: services.withdraw_choice(request=record),
        done=_("Your request was withdrawn."),
        back_to=reverse("students:choices_mine"),
    )


@login_required
def window_demand(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.read_all")
    window = get_object_or_404(selectors.windows(school), pk=pk)
    context = {
        "window": window,
        "offers": selectors.demand(window),
        "requests": selectors.requests_of_window(window),
        "may_assign": may_write(request, "students.manage", school),
    }
    return render(request, "students/window_demand.html", context)


def _decide(
    request: HttpRequest, pk: int, act: Callable[[ChoiceRequest], ChoiceRequest], done: str
) -> HttpResponse:
    school = school_for(request, "students.manage", write=True)
    choice = get_object_or_404(ChoiceRequest.objects.for_school(school), pk=pk)
    back = reverse("students:window_demand", args=[choice.window_id])
    return act_and_return(request, choice, act, done=done, back_to=back)


@login_required
@require_POST
def choice_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda choice: services.assign_choice(request=choice, user=request.user),
        _("The place was given; the roll change is on its way."),
    )


@login_required
@require_POST
def choice_decline(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda choice: services.decline_choice(request=choice),
        _("The request was not assigned."),
    )
