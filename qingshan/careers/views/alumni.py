"""Withdrawing an alumnus's consent: they leave every list at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.careers.selectors import alumni
from qingshan.careers.services.alumni import withdraw_consent
from qingshan.core.records import school_for


@login_required
@require_POST
def alumnus_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "careers.manage", write=True)
    alumnus = get_object_or_404(alumni.listed_at(school), pk=pk)
    try:
        withdraw_consent(alumnus=alumnus, on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(alumnus.get_absolute_url())
    messages.success(
        request,
        _("%(alumnus)s no longer appears in any list of alumni.") % {"alumnus": alumnus},
    )
    return redirect("careers:alumnus_list")
