"""Meetings (attendance, compliance), mentoring, appraisal and dues pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.models import School
from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.organization.selectors import working_day, working_year
from qingshan.party.enums import (
    ACTIVE_MEMBER_STATUSES,
    AppraisalGrade,
    AppraisalStatus,
    AttendanceStatus,
    MeetingKind,
)
from qingshan.party.models import Member
from qingshan.party.selectors import appraisal as appraisal_selectors
from qingshan.party.selectors import dues as dues_selectors
from qingshan.party.selectors import meetings as meeting_selectors
from qingshan.party.selectors import mentoring as mentoring_selectors
from qingshan.party.selectors.organisation import branch_of
from qingshan.party.services import appraisal as appraisal_services
from qingshan.party.services import dues as dues_services
from qingshan.party.services import meetings as meeting_services
from qingshan.party.services import mentoring as mentoring_services
from qingshan.party.work_forms import (
    DuesBaseForm,
    DuesPaymentForm,
    MentoringCloseForm,
    MentoringLogForm,
    OpenAppraisalForm,
    RollCallForm,
)


def _errors(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    meeting = get_object_or_404(meeting_selectors.meetings(school), pk=pk)
    members = Member.objects.for_school(school).filter(status__in=ACTIVE_MEMBER_STATUSES)
    statuses = {
        member: request.POST[f"member_{member.pk}"]
        for member in members
        if request.POST.get(f"member_{member.pk}") in AttendanceStatus.values
    }
    try:
        meeting_services.set_attendance(meeting=meeting, statuses=statuses)
        messages.success(request, _("The attendance was saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("party:meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_roll_call(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone present but the absentees marked, with their reasons: one service call."""
    school = school_for(request, "party.manage", write=True)
    meeting = get_object_or_404(meeting_selectors.meetings(school), pk=pk)
    roll = meeting_selectors.roll(school)
    form = RollCallForm({} if "all_present" in request.POST else request.POST, members=roll)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(str(error) for errors in form.errors.values() for error in errors),
        )
        return redirect("party:meeting_detail", pk=pk)
    try:
        meeting_services.take_roll_call(meeting=meeting, absences=form.absences())
        messages.success(request, _("The roll call was saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("party:meeting_detail", pk=pk)


@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.view")
    branch = branch_of(school)
    today = timezone.localdate()
    year = year_param(request, working_year(school=school, day=today))
    rows = (
        meeting_selectors.meeting_compliance(
            branch=branch, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), today=today
        )
        if branch
        else []
    )
    return render(
        request,
        "party/compliance.html",
        {
            "rows": rows,
            "year": year,
            "years": range(year - 5, today.year + 1),
            "kind_labels": dict(MeetingKind.choices),
            "study_hours": _study_hours(school, year),
        },
    )


def _study_hours(school: School, year: int) -> list[tuple[Member, Decimal]]:
    hours = meeting_selectors.study_hours(school=school, year=year)
    members = (
        Member.objects.for_school(school).filter(pk__in=hours).order_by("group__sort_order", "name")
    )
    return [(member, hours[member.pk]) for member in members]


@login_required
@require_POST
def mentoring_log(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    pair = get_object_or_404(mentoring_selectors.pairs(school), pk=pk)
    form = MentoringLogForm(request.POST)
    if form.is_valid():
        try:
            mentoring_services.log_mentoring(pair=pair, **form.cleaned_data)
            messages.success(request, _("Recorded."))
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, _("Enter the date and what was done."))
    return redirect("party:mentoring_detail", pk=pk)


@login_required
@require_POST
def mentoring_close(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    pair = get_object_or_404(mentoring_selectors.pairs(school), pk=pk)
    form = MentoringCloseForm(request.POST)
    if form.is_valid():
        try:
            mentoring_services.close_pair(pair=pair, **form.cleaned_data)
            messages.success(request, _("The pairing was closed."))
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, _("Enter the end date and the outcome."))
    return redirect("party:mentoring_detail", pk=pk)


@login_required
def appraisal_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.view")
    form = OpenAppraisalForm(
        request.POST or None,
        initial={"year": working_year(school=school, day=timezone.localdate())},
    )
    if request.method == "POST":
        school = school_for(request, "party.manage", write=True)
        branch = branch_of(school)
        if form.is_valid() and branch is not None:
            try:
                opened = appraisal_services.open_appraisal(
                    branch=branch, year=form.cleaned_data["year"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("party:appraisal_detail", pk=opened.pk)
    can_manage = may_write(request, "party.manage", school)
    context = {
        "rounds": appraisal_selectors.appraisals(school),
        "form": form,
        "can_manage": can_manage,
    }
    return render(request, "party/appraisal_list.html", context, status=422 if form.errors else 200)


@login_required
def appraisal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "party.view")
    current = get_object_or_404(appraisal_selectors.appraisals(school), pk=pk)
    entries = list(current.entries.select_related("member").order_by("member__name"))
    can_manage = may_write(request, "party.manage", school)
    context = {
        "round": current,
        "entries": entries,
        "grades": AppraisalGrade.choices,
        "statuses": AppraisalStatus,
        "can_manage": can_manage,
    }
    return render(request, "party/appraisal_detail.html", context)


@login_required
@require_POST
def appraisal_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    school = school_for(request, "party.manage", write=True)
    current = get_object_or_404(appraisal_selectors.appraisals(school), pk=pk)
    entries = list(current.entries.select_related("member"))
    try:
        if action == "advance":
            appraisal_services.advance_appraisal(round=current)
        elif action == "self":
            texts = {entry: request.POST.get(f"self_{entry.pk}", "").strip() for entry in entries}
            appraisal_services.record_self_appraisals(
                round=current,
                texts={
                    entry: text
                    for entry, text in texts.items()
                    if text and text != entry.self_appraisal
                },
            )
        elif action == "votes":
            votes = {
                entry: {
                    kind: _count(request, f"votes_{entry.pk}_{kind}")
                    for kind in AppraisalGrade.values
                }
                for entry in entries
            }
            # A blank row is not recorded yet, not zero votes.
            appraisal_services.record_round_votes(
                round=current,
                votes={entry: counts for entry, counts in votes.items() if any(counts.values())},
            )
        elif action == "decide":
            grades = {
                entry: request.POST.get(f"grade_{entry.pk}", "")
                for entry in entries
                if not entry.was_probationary
            }
            follow_ups = {
                entry: request.POST.get(f"follow_up_{entry.pk}", "").strip() for entry in entries
            }
            appraisal_services.decide_grades(
                round=current,
                grades=grades,
                follow_ups={entry: text for entry, text in follow_ups.items() if text},
                decided_on=timezone.localdate(),
            )
        messages.success(request, _("Saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("party:appraisal_detail", pk=pk)


def _count(request: HttpRequest, name: str) -> int:
    try:
        return max(0, int(request.POST.get(name, "0") or 0))
    except ValueError:
        raise ValidationError(_("Vote counts are whole numbers.")) from None


@login_required
def dues(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "party.view")
    today = timezone.localdate()
    can_manage = may_write(request, "party.manage", school)
    base_form = DuesBaseForm(school=school, initial={"valid_from": today.replace(day=1)})
    payment_form = DuesPaymentForm(
        school=school, initial={"month": today.replace(day=1), "paid_on": today}
    )
    if request.method == "POST":
        school = school_for(request, "party.manage", write=True)
        target = request.POST.get("form")
        try:
            if target == "base":
                base_form = DuesBaseForm(request.POST, school=school)
                if base_form.is_valid():
                    dues_services.set_dues_base(school=school, **base_form.cleaned_data)
                    messages.success(request, _("The dues base was saved."))
                    return redirect("party:dues")
            elif target == "payment":
                payment_form = DuesPaymentForm(request.POST, school=school)
                if payment_form.is_valid():
                    dues_services.record_payment(school=school, **payment_form.cleaned_data)
                    messages.success(request, _("The payment was recorded."))
                    return redirect("party:dues")
        except ValidationError as error:
            (base_form if target == "base" else payment_form).add_error(None, error)
    day = working_day(school=school, day=today)  # the current term's, not an empty year
    arrears = dues_selectors.arrears(school=school, today=day)
    context = {
        "arrears": arrears,
        "owed": sum((row.total for row in arrears), Decimal("0")),
        "as_of": day,
        "collected": dues_selectors.collected(
            schools=[school.pk], start=dt.date(day.year, 1, 1), end=day
        ),
        "base_form": base_form,
        "payment_form": payment_form,
        "can_manage": can_manage,
    }
    return render(
        request, "party/dues.html", context, status=422 if request.method == "POST" else 200
    )
