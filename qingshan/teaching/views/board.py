"""The observation quota board of a term."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingshan.core.params import id_param
from qingshan.core.records import may_write, school_for
from qingshan.organization.selectors import current_term, terms
from qingshan.teaching.selectors.board import quota_board


@login_required
def board(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.view")
    choices = terms(school)
    wanted = id_param(request, "term")
    term = (
        choices.filter(pk=wanted).first()
        if wanted is not None
        else current_term(school=school, day=timezone.localdate())
    ) or choices.order_by("-start_date").first()
    context = {
        "board": quota_board(school, term) if term else None,
        "terms": choices,
        "term": term,
        "may_manage": may_write(request, "teaching.manage", school),
        "may_lead": request.user.has_perm("teaching.lead", school),
    }
    return render(request, "teaching/board.html", context)
