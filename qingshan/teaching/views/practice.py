"""The enterprise-practice ledger with continuing-education hours, and the school's policy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import show_on_form
from qingshan.core.records import may_write, school_for
from qingshan.organization.selectors import working_day
from qingshan.teaching.forms.team import TeachingPolicyForm
from qingshan.teaching.selectors.policy import policy_of
from qingshan.teaching.selectors.practice import practice_ledger
from qingshan.teaching.services.policy import update_policy


@login_required
def practice(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.view")
    context = {
        "ledger": practice_ledger(school, working_day(school=school, day=timezone.localdate())),
        "can_manage": may_write(request, "teaching.manage", school),
    }
    return render(request, "teaching/practice.html", context)


@login_required
def policy(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.manage", write=True)
    form = TeachingPolicyForm(request.POST or None, instance=policy_of(school))
    if request.method == "POST" and form.is_valid():
        try:
            update_policy(school=school, values=form.cleaned_data)
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("The policy was saved."))
            return redirect("teaching:practice")
    status = 422 if request.method == "POST" else 200
    return render(request, "teaching/policy.html", {"form": form}, status=status)
