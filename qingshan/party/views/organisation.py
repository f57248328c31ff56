"""The branch page, its settings and committee, transfers in and out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.records import may_write, school_for
from qingshan.core.services import update_record
from qingshan.party.forms import BranchForm, CommitteeSeatForm, DepartureForm, TransferInForm
from qingshan.party.selectors import organisation as selectors
from qingshan.party.services import organisation as services


@login_required
def branch(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.view")
    current = selectors.branch_of(school)
    can_manage = may_write(request, "party.manage", school)
    if current is None:
        return render(request, "party/branch_missing.html", {"can_manage": can_manage})
    today = timezone.localdate()
    context = {
        "branch": current,
        "committee": selectors.current_committee(current, today),
        "groups": selectors.groups(school).active(),
        "member_count": selectors.members_on(schools=[school.pk], day=today).count(),
        "can_manage": can_manage,
        "seat_form": CommitteeSeatForm(school=school),
    }
    return render(request, "party/branch.html", context)


@login_required
def branch_form(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    current = selectors.branch_of(school)
    form = BranchForm(request.POST or None, instance=current, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            if current is None:
                services.create_branch(school=school, values=form.values())
            else:
                update_record(record=current, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("The branch was saved."))
            return redirect("party:branch")
    return render(
        request,
        "party/branch_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def committee_seat(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    form = CommitteeSeatForm(request.POST, school=school)
    current = selectors.branch_of(school)
    if current is not None and form.is_valid():
        try:
            services.set_committee_seat(branch=current, **form.cleaned_data)
            messages.success(request, _("The committee was updated."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose a full member, a duty and a date."))
    return redirect("party:branch")


@login_required
def transfer_in(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    form = TransferInForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.transfer_in(
                school=school,
                values=form.values(),
                date=form.cleaned_data["date"],
                counterpart=form.cleaned_data["counterpart"],
            )
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("%(member)s was transferred in.") % {"member": member})
            return redirect("party:member_detail", pk=member.pk)
    return render(
        request,
        "party/transfer_in.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def member_departure(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    member = get_object_or_404(selectors.members(school), pk=pk)
    form = DepartureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date."))
        return redirect("party:member_detail", pk=pk)
    data = form.cleaned_data
    try:
        if kind == "transfer_out":
            services.transfer_out(
                member=member, date=data["date"], counterpart=data["counterpart"], note=data["note"]
            )
        else:
            services.record_death(member=member, date=data["date"], note=data["note"])
        messages.success(request, _("%(member)s: recorded.") % {"member": member})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("party:member_detail", pk=pk)
