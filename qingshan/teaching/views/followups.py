"""Shadowing follow-ups of ratings, closed with the observations made under them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import show_on_form
from qingshan.core.records import may_write, school_for
from qingshan.evaluations.enums import FollowUpStatus
from qingshan.teaching.forms.observations import CloseWithObservationsForm
from qingshan.teaching.selectors.followups import evidence_of, shadowing_follow_ups
from qingshan.teaching.services.deliberations import close_with_observations


@login_required
def followup_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.lead")
    return render(
        request, "teaching/followup_list.html", {"follow_ups": shadowing_follow_ups(school)}
    )


@login_required
def followup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "teaching.lead")
    follow_up = get_object_or_404(shadowing_follow_ups(school), pk=pk)
    is_open = follow_up.status == FollowUpStatus.OPEN
    may_close = is_open and may_write(request, "teaching.lead", school)
    form = CloseWithObservationsForm(
        request.POST or None, initial={"closed_on": timezone.localdate()}
    )
    if request.method == "POST":
        school_for(request, "teaching.lead", write=True)
        if may_close and form.is_valid():
            try:
                close_with_observations(follow_up=follow_up, **form.cleaned_data)
            except ValidationError as error:
                show_on_form(form, error)
            else:
                messages.success(request, _("The follow-up is closed with its observations."))
                return redirect("teaching:followup_detail", pk=pk)
    context = {
        "follow_up": follow_up,
        "evidence": evidence_of(follow_up),
        "form": form if may_close else None,
    }
    return render(request, "teaching/followup_detail.html", context)
