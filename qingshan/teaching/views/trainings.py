"""Training records beside the shared record pages: a member of staff's own request, the
decision on it, its completion, and the evidence file (served through the permission check;
media is never public)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.actions import act_and_return
from qingshan.core.downloads import stored_file
from qingshan.core.records import school_for
from qingshan.teaching.forms.team import CompletionForm, RefusalForm, TrainingRequestForm
from qingshan.teaching.models import TrainingRecord
from qingshan.teaching.selectors.team import staff_of_user
from qingshan.teaching.selectors.trainings import training_records
from qingshan.teaching.services import trainings as services


@login_required
def training_request(request: HttpRequest) -> HttpResponse:
    """A member of staff asks for a training of their own."""
    school = school_for(request, "teaching.observe", write=True)
    staff = staff_of_user(school=school, user=request.user)
    form = TrainingRequestForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.request_training(school=school, staff=staff, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Your request was sent: %(record)s.") % {"record": record})
            return redirect("teaching:training_detail", pk=record.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "staff": staff}
    return render(request, "teaching/training_request.html", context, status=status)


def _decide(
    request: HttpRequest, pk: int, change: Callable[[TrainingRecord], TrainingRecord], done: str
) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    record = get_object_or_404(training_records(school), pk=pk)
    back = reverse("teaching:training_detail", args=[record.pk])
    return act_and_return(request, record, change, done=done, back_to=back)


@login_required
@require_POST
def training_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda record: services.approve_training(record=record, user=request.user),
        _("The training was approved."),
    )


@login_required
@require_POST
def training_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    form = RefusalForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _decide(
        request,
        pk,
        lambda record: services.refuse_training(record=record, user=request.user, reason=reason),
        _("The training was refused."),
    )


@login_required
@require_POST
def training_done(request: HttpRequest, pk: int) -> HttpResponse:
    form = CompletionForm(request.POST, request.FILES)
    if not form.is_valid():
        school = school_for(request, "teaching.manage", write=True)
        record = get_object_or_404(training_records(school), pk=pk)
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("teaching:training_detail", pk=record.pk)
    data = form.cleaned_data
    return _decide(
        request,
        pk,
        lambda record: services.complete_training(
            record=record,
            hours=data["hours"],
            certificate=data["certificate"],
            evidence=data["evidence"],
        ),
        _("The training was marked done."),
    )


@login_required
def training_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.view")
    record = get_object_or_404(training_records(school), pk=pk)
    if not record.evidence:
        raise Http404
    return stored_file(record.evidence)
