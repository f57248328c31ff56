"""The compliance board: placements in breach by rule and by unit, missing papers, insurance that
runs out; for the county bureau, the same for each school it reads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation

from qingshan.core.access import access_of
from qingshan.core.downloads import sheet_download
from qingshan.core.records import school_for
from qingshan.internships.exporters import FINDINGS, findings_rows
from qingshan.internships.rulesets import province_of, ruleset_for
from qingshan.internships.selectors import placements as selectors
from qingshan.internships.selectors.units import units


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "internships.view")
    today = timezone.localdate()
    unit = None
    if request.GET.get("unit"):
        unit = (
            get_object_or_404(units(school), pk=request.GET["unit"])
            if request.GET["unit"].isdigit()
            else None
        )
    board = selectors.board(school, unit)
    rules = ruleset_for(today, province_of(school)).rules
    others = [
        (other, selectors.board(other))
        for other in access_of(request).schools
        if other.pk != school.pk and request.user.has_perm("internships.view", other)
    ]
    context = {
        "board": board,
        "share": round(board.compliant_share * 100, 1)
        if board.compliant_share is not None
        else None,
        "unit": unit,
        "by_rule": [(rules.get(code), code, count) for code, count in board.by_rule.most_common()],
        "expiring": selectors.insurance_expiring(school, today)[:100],
        "unconfirmed": selectors.unconfirmed_weeks(school, today).count(),
        "schools": [(school, board), *others] if others else [],
    }
    return render(request, "internships/compliance.html", context)


@login_required
def compliance_export(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "internships.view")
    rows = findings_rows(selectors.findings(school).filter(placement__archived_at__isnull=True))
    language = translation.get_language() or "zh-hans"
    return sheet_download(FINDINGS, rows, stem="internship-findings", language=language)
