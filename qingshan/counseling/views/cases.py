"""The case file, for the case's counselors only: the list of my cases, opening a case (from an
alert or a referral), the case page behind a "why" gate (every read logged), sessions, hospital
referrals and their follow-up, the crisis protocol, closing; and the secretary's break-glass read.

A case that is not the reader's is 404: a counselor cannot even learn that another counselor's
case exists; no role but the counselor's reaches these pages (403).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import show_on_form
from qingshan.core.records import PAGE_SIZE, school_for
from qingshan.core.views import private_page
from qingshan.counseling.enums import FollowUp, ReadReason, Source
from qingshan.counseling.forms.cases import (
    AddCounselorForm,
    BreakGlassForm,
    CloseForm,
    CrisisStepForm,
    OpenCaseForm,
    ReasonForm,
    ReferralFollowUpForm,
    ReferralForm,
    SessionForm,
)
from qingshan.counseling.models import Case
from qingshan.counseling.selectors import cases as selectors
from qingshan.counseling.selectors.screening import alerts
from qingshan.counseling.services import cases as services
from qingshan.counseling.services import screening
from qingshan.organization.models import Staff
from qingshan.organization.selectors import staff_of_user

CASES = "counseling.cases"


def _counselor(request: HttpRequest, *, write: bool = False) -> tuple[Any, Staff | None]:
    """The school and the reader's staff record (a counselor's login not linked to one holds no
    case)."""
    school = school_for(request, CASES, write=write)
    return school, staff_of_user(school=school, user=request.user)


def _my_case(request: HttpRequest, pk: int, *, write: bool = False) -> tuple[Case, Staff]:
    school, staff = _counselor(request, write=write)
    case = get_object_or_404(selectors.cases_of(school, staff), pk=pk)
    assert staff is not None  # cases_of holds no case without a staff record
    return case, staff


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    school, staff = _counselor(request)
    rows = selectors.cases_of(school, staff).order_by("state", "-opened_on", "number")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "counseling/case_list.html", {"page": page, "unlinked": staff is None})


@private_page
@login_required
def case_open(request: HttpRequest) -> HttpResponse:
    school, staff = _counselor(request, write=True)
    if staff is None:
        raise PermissionDenied
    alert = None
    if request.GET.get("alert", "").isdigit():
        alert = get_object_or_404(alerts(school), pk=request.GET["alert"], interviewed_on=None)
    initial: dict[str, Any] = {"opened_on": timezone.localdate()}
    if alert:
        initial |= {"student": alert.student_id, "source": Source.SCREENING}
    form = OpenCaseForm(request.POST or None, school=school, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.open_case(
                school=school,
                student=data["student"],
                counselor=staff,
                source=data["source"],
                concern=data["concern"],
                opened_on=data["opened_on"],
                alert=alert,
            )
            if alert is not None:
                screening.follow_up(
                    alert=alert, staff=staff, outcome=FollowUp.CASE, on=data["opened_on"], case=case
                )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            services.log_read(case=case, user=request.user, reason=ReadReason.COUNSELING)
            messages.success(request, _("Case %(number)s is opened.") % {"number": case.number})
            return redirect("counseling:case_detail", pk=case.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "alert": alert}
    return render(request, "counseling/case_open.html", context, status=status)


@private_page
@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Behind a gate: the reader says why, the read is logged, then the notes are shown."""
    case, staff = _my_case(request, pk)
    gate = ReasonForm(request.POST or None)
    if request.method != "POST" or not gate.is_valid():
        return render(request, "counseling/case_gate.html", {"case": case, "form": gate})
    services.log_read(case=case, user=request.user, reason=gate.cleaned_data["reason"])
    return _render_case(request, case, staff)


def _render_case(request: HttpRequest, case: Case, staff: Staff, **forms: Any) -> HttpResponse:
    school = case.school
    others = selectors.counselors(school).exclude(pk__in=case.counselors.values("pk"))
    context = {
        "opened": selectors.opened(case),
        "missing_steps": services.missing_crisis_steps(case),
        "session_form": forms.get("session_form") or SessionForm(prefix="s"),
        "referral_form": forms.get("referral_form") or ReferralForm(prefix="r"),
        "crisis_form": forms.get("crisis_form") or CrisisStepForm(prefix="c"),
        "close_form": forms.get("close_form")
        or CloseForm(prefix="x", initial={"closed_on": timezone.localdate()}),
        "follow_form": forms.get("follow_form") or ReferralFollowUpForm(prefix="f"),
        "counselor_form": AddCounselorForm(prefix="a", staff=others),
        "reads": list(case.reads.order_by("-read_at")[:20]),
    }
    status = 422 if forms else 200
    return render(request, "counseling/case_detail.html", context, status=status)


def _case_action(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    prefix: str,
    key: str,
    act: Callable[[Case, Staff, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    case, staff = _my_case(request, pk, write=True)
    if request.method != "POST":
        return redirect("counseling:case_list")
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            act(case, staff, form.cleaned_data)
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, done)
            services.log_read(case=case, user=request.user, reason=ReadReason.COUNSELING)
            case.refresh_from_db()
            return _render_case(request, case, staff)
    services.log_read(case=case, user=request.user, reason=ReadReason.COUNSELING)
    return _render_case(request, case, staff, **{key: form})


@private_page
@login_required
def case_session(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        SessionForm,
        "s",
        "session_form",
        lambda case, staff, data: services.record_session(case=case, counselor=staff, **data),
        _("The session is recorded."),
    )


@private_page
@login_required
def case_referral(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        ReferralForm,
        "r",
        "referral_form",
        lambda case, staff, data: services.refer_to_hospital(case=case, **data),
        _("The referral is recorded."),
    )


@private_page
@login_required
def case_referral_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    def act(case: Case, staff: Staff, data: dict[str, Any]) -> Any:
        referral = case.referrals.order_by("-referred_on", "-pk").first()
        if referral is None:
            raise ValidationError(_("This case has no referral."), code="no_referral")
        return services.follow_up_referral(referral=referral, **data)

    return _case_action(
        request, pk, ReferralFollowUpForm, "f", "follow_form", act, _("The follow-up is recorded.")
    )


@private_page
@login_required
def case_crisis(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        CrisisStepForm,
        "c",
        "crisis_form",
        lambda case, staff, data: services.record_crisis_step(case=case, staff=staff, **data),
        _("The step of the crisis protocol is recorded."),
    )


@private_page
@login_required
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        CloseForm,
        "x",
        "close_form",
        lambda case, staff, data: services.close_case(case=case, **data),
        _("The case is closed."),
    )


@private_page
@login_required
def case_add_counselor(request: HttpRequest, pk: int) -> HttpResponse:
    case, staff = _my_case(request, pk, write=True)
    if request.method != "POST":
        return redirect("counseling:case_list")
    form = AddCounselorForm(request.POST, prefix="a", staff=selectors.counselors(case.school))
    if form.is_valid():
        try:
            services.add_counselor(case=case, staff=form.cleaned_data["staff"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The counselor is added to the case."))
    else:
        messages.error(request, _("Choose a counselor of the school."))
    services.log_read(case=case, user=request.user, reason=ReadReason.COUNSELING)
    return _render_case(request, case, staff)


@private_page
@login_required
def break_glass(request: HttpRequest) -> HttpResponse:
    """The secretary, who leads the school, reads one case in a crisis: the read is logged as a
    break-glass read with its reason, and the case's counselors see it in their inbox."""
    school = school_for(request, "counseling.break_glass")
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = selectors.case_by_number(school, form.cleaned_data["number"])
        if case is None:
            form.add_error("number", _("No case has this number, nor a student with this number."))
        else:
            services.log_read(
                case=case,
                user=request.user,
                reason=ReadReason.BREAK_GLASS,
                note=form.cleaned_data["note"],
                break_glass=True,
            )
            context = {"opened": selectors.opened(case), "break_glass": True}
            return render(request, "counseling/case_detail.html", context)
    status = 422 if request.method == "POST" else 200
    return render(request, "counseling/break_glass.html", {"form": form}, status=status)
