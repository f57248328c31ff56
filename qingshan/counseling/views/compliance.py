"""The yearly pack on minors' personal information and the guardian's export of what the school
holds about a student; both for those who hold ``counseling.compliance`` at the school.

Invariants:
- a page (GET) reads only; the downloads are POSTs, and each is logged in the school's audit log
  (``core.audit.log_event``) before its file leaves;
- a year outside 1990–2100 or not a number, and a student the school does not have, are
  answered with a message and status 400, never with another school's data or an error page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.audit import log_event
from qingshan.core.downloads import XLSX, attachment
from qingshan.core.params import FIRST_YEAR, LAST_YEAR, year_param
from qingshan.core.records import school_for
from qingshan.counseling.exporters import guardian_xlsx, pack_xlsx, summary_rows
from qingshan.counseling.forms.compliance import StudentForm
from qingshan.counseling.selectors.pack import (
    default_year,
    pack,
)
from qingshan.organization.models import Student

PERMISSION = "counseling.compliance"


def _language() -> str:
    return translation.get_language() or "zh-hans"


def _year(request: HttpRequest) -> int | None:
    """``?year=``, the default year when absent, None when it is given but not a usable year."""
    if not request.GET.get("year", "").strip():
        return default_year()
    return year_param(request)


def _bad_year() -> str:
    return _("The year must be a number from %(first)d to %(last)d.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    """The pack's counts for a year, with its download."""
    school = school_for(request, PERMISSION)
    year = _year(request)
    if year is None:
        context: dict[str, Any] = {"error": _bad_year(), "year": default_year()}
        return render(request, "counseling/compliance.html", context, status=400)
    summary = pack(school, year).summary
    context = {"year": year, "rows": summary_rows(summary), "summary": summary}
    return render(request, "counseling/compliance.html", context)


@login_required
@require_POST
def compliance_pack(request: HttpRequest) -> HttpResponse:
    """The pack of ``?year=`` as a workbook."""
    school = school_for(request, PERMISSION)
    year = _year(request)
    if year is None:
        context = {"error": _bad_year(), "year": default_year()}
        return render(request, "counseling/compliance.html", context, status=400)
    content = pack_xlsx(pack(school, year), language=_language())
    log_event(
        obj=school,
        actor=request.user,
        school_id=school.pk,
        event="compliance pack downloaded",
        detail=str(year),
    )
    return attachment(content, f"minors-data-pack-{year}.xlsx", XLSX)


@login_required
def guardian_export(request: HttpRequest) -> HttpResponse:
    """Pick a student (GET); download what the school holds about them (POST, logged)."""
    school = school_for(request, PERMISSION)
    form = StudentForm(request.POST if request.method == "POST" else None, school=school)
    if request.method != "POST":
        return render(request, "counseling/guardian_export.html", {"form": form})
    if not form.is_valid():
        return render(request, "counseling/guardian_export.html", {"form": form}, status=400)
    student: Student = form.cleaned_data["student"]
    content = guardian_xlsx(
        student, language=_language(), counseling=request.user.has_perm("counseling.cases", school)
    )
    log_event(
        obj=student,
        actor=request.user,
        school_id=school.pk,
        event="guardian export downloaded",
        detail=student.student_no,
    )
    stamp = timezone.localdate().isoformat()
    return attachment(content, f"student-{student.student_no}-{stamp}.xlsx", XLSX)
