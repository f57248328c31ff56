"""Pages of the organisation beyond the shared record pages (``core.records``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qingshan.core.errors import DomainError
from qingshan.core.records import school_for
from qingshan.organization import selectors, services
from qingshan.organization.forms import GuardianLinkForm


@login_required
@require_POST
def guardian_link(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "organization.manage", write=True)
    guardian = get_object_or_404(selectors.guardians(school), pk=pk)
    form = GuardianLinkForm(request.POST)
    if form.is_valid():
        try:
            services.link_guardian(
                guardian=guardian,
                student_no=form.cleaned_data["student_no"],
                relation=form.cleaned_data["relation"],
            )
            messages.success(request, _("The student was linked."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Enter a student number and a relation."))
    return redirect("organization:guardian_detail", pk=guardian.pk)


TERM_ACTIONS = {
    "open": (
        services.open_term,
        gettext_lazy("The term is open: its filings fall due and reminders go out."),
    ),
    "close": (services.close_term, gettext_lazy("The term is closed: no more reminders for it.")),
    "current": (services.make_term_current, gettext_lazy("Every page now opens on this term.")),
}


@login_required
@require_POST
def term_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    school = school_for(request, "organization.manage", write=True)
    term = get_object_or_404(selectors.terms(school), pk=pk)
    service, done = TERM_ACTIONS[action]
    try:
        service(term=term, today=timezone.localdate())
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("organization:term_detail", pk=term.pk)
