"""Pages of the trainings beside the shared record pages: rates, a cohort's party group."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.trainings import selectors, services
from qingshan.trainings.enums import RateGrouping
from qingshan.trainings.forms import PartyGroupForm


@login_required
def rates(request: HttpRequest) -> HttpResponse:
    """Completion, certification, employment and income, by course, year or township."""
    school = school_for(request, "trainings.view")
    by = request.GET.get("by")
    by = by if by in RateGrouping.values else RateGrouping.COURSE
    year = year_param(request)
    rows = selectors.counted_enrolments(schools=[school.pk])
    if year is not None:
        rows = rows.filter(cohort__end_on__year=year)
    context = {
        "groups": selectors.rates_by(rows, by),
        "total": selectors.rates_of(rows),
        "by": by,
        "groupings": RateGrouping.choices,
        "year": year,
        "can_import": may_write(request, "trainings.manage", school),
    }
    return render(request, "trainings/rates.html", context)


@login_required
@require_POST
def cohort_group(request: HttpRequest, pk: int) -> HttpResponse:
    """Form the cohort's party group (the party app's group of kind "training cohort")."""
    school = school_for(request, "trainings.manage", write=True)
    cohort = get_object_or_404(selectors.cohorts(school), pk=pk)
    form = PartyGroupForm(request.POST, school=school)
    if form.is_valid():
        try:
            services.form_party_group(cohort=cohort, leader=form.cleaned_data["leader"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The party group %(group)s was formed.") % {"group": cohort.party_group},
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("trainings:cohort_detail", pk=cohort.pk)
