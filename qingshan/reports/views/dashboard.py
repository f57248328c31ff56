from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingshan.core.figures import Scope
from qingshan.core.params import year_param
from qingshan.organization.selectors import working_year
from qingshan.reports.selectors import dashboard_for, figure_table


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    school = request.school  # type: ignore[attr-defined]
    if school is None:
        return render(request, "reports/no_school.html", status=403)
    if not request.user.has_perm("core.view_dashboard", school):
        raise PermissionDenied
    context = dashboard_for(
        school=school,
        user=request.user,
        roles=request.roles,  # type: ignore[attr-defined]
        year=year_param(request),
        trend_key=request.GET.get("trend"),
    )
    return render(request, "reports/dashboard.html", context)


@login_required
def figure_list(request: HttpRequest) -> HttpResponse:
    school = request.school  # type: ignore[attr-defined]
    if school is None or not request.user.has_perm("core.view_figures", school):
        raise PermissionDenied
    year = year_param(request) or working_year(school=school, day=timezone.localdate())
    rows = figure_table(scope=Scope.of_school(school), year=year)
    return render(
        request,
        "reports/figures.html",
        {"rows": rows, "year": year, "years": range(year - 6, year + 1)},
    )
