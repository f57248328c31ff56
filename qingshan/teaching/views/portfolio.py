"""A teacher's portfolio: the page and its PDF for the annual appraisal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from qingshan.core.downloads import PDF, attachment
from qingshan.core.models import School
from qingshan.core.records import school_for
from qingshan.organization.models import Staff
from qingshan.organization.selectors import working_day
from qingshan.teaching.exporters import portfolio_pdf as render_pdf
from qingshan.teaching.exporters import score_chart
from qingshan.teaching.selectors.observations import Viewer
from qingshan.teaching.selectors.portfolio import Portfolio, may_read_portfolio, portfolio_of


def _portfolio(request: HttpRequest, pk: int) -> tuple[School, Portfolio]:
    school = school_for(request, "teaching.observe")
    staff = get_object_or_404(Staff.objects.for_school(school), pk=pk)
    if not may_read_portfolio(Viewer.of(school, request.user), staff):
        raise Http404
    day = working_day(school=school, day=timezone.localdate())
    return school, portfolio_of(school, staff, user=request.user, day=day)


def _page(request: HttpRequest, found: Portfolio) -> HttpResponse:
    chart = score_chart(found.terms) if any(row.mean_share for row in found.terms) else None
    return render(request, "teaching/portfolio.html", {"portfolio": found, "chart": chart})


@login_required
def portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _portfolio(request, pk)[1])


@login_required
def portfolio_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    school, found = _portfolio(request, pk)
    pdf = render_pdf(found, school_name=school.name)
    return attachment(pdf, f"portfolio-{found.staff.staff_no}.pdf", PDF)


@login_required
def portfolio_mine(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "teaching.observe")
    staff = Viewer.of(school, request.user).staff
    if staff is None:
        return render(request, "teaching/portfolio_none.html", status=404)
    return _page(request, _portfolio(request, staff.pk)[1])
