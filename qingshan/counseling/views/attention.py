"""What a head teacher sees: which students of the classes they head need attention, and whom
to contact; never a grade, a score or an answer."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qingshan.core.records import school_for
from qingshan.counseling.selectors.screening import attention_for
from qingshan.organization.selectors import staff_of_user


@login_required
def attention(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "counseling.attention")
    staff = staff_of_user(school=school, user=request.user)
    rows = attention_for(school, staff) if staff else []
    return render(request, "counseling/attention.html", {"rows": rows, "staff": staff})
