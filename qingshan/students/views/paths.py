"""A student's path and roll changes: read by those the ``Viewer`` rule lets read them, requested
and decided by the school's roll keepers."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.actions import act_and_return
from qingshan.core.downloads import sheet_download, stored_file
from qingshan.core.masking import mask_identifier
from qingshan.core.models import School
from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.organization.models import Student
from qingshan.students.enums import OPEN_STATUSES, ChangeKind, ChangeStatus
from qingshan.students.exporters import register_rows
from qingshan.students.forms.changes import (
    BureauReplyForm,
    ChangeRequestForm,
    CreditForm,
    RefusalForm,
)
from qingshan.students.models import RollChange
from qingshan.students.selectors import paths as selectors
from qingshan.students.selectors.policy import rules_of
from qingshan.students.selectors.visibility import Viewer
from qingshan.students.services import changes as services
from qingshan.students.services.paths import open_missing_paths


def _reader(request: HttpRequest) -> tuple[School, Viewer]:
    school = getattr(request, "school", None)
    if school is None or not request.user.is_authenticated:
        raise PermissionDenied
    viewer = Viewer.of(request.user, school)
    if not viewer.reads_any:
        raise PermissionDenied
    return school, viewer


def _path_page(request: HttpRequest, school: School, student: Student) -> HttpResponse:
    number = selectors.roll_number_of(student)
    shown = number.number if number else ""
    own = student.user_id is not None and student.user_id == request.user.pk
    if shown and not own and not request.user.has_perm("students.view_personal", school):
        shown = mask_identifier(shown)
    context = {
        "student": student,
        "roll_number": shown,
        "enrolments": selectors.path_of(student),
        "changes": selectors.changes_of(student),
        "may_request": may_write(request, "students.manage", school),
    }
    return render(request, "students/path.html", context)


@login_required
def path(request: HttpRequest, pk: int) -> HttpResponse:
    school, viewer = _reader(request)
    student = get_object_or_404(selectors.students_seen(school, viewer), pk=pk)
    return _path_page(request, school, student)


@login_required
def path_mine(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "students.own_path")
    student = selectors.student_of_user(school=school, user=request.user)
    if student is None:
        raise Http404
    return _path_page(request, school, student)


@login_required
def change_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "students.view")
    viewer = Viewer.of(request.user, school)
    kind, status = request.GET.get("kind", ""), request.GET.get("status", "")
    query = request.GET.get("q", "").strip()[:40]
    changes = selectors.narrowed(
        selectors.roll_changes(school, viewer), kind=kind, status=status, query=query
    )
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "kinds": ChangeKind.choices,
        "statuses": ChangeStatus.choices,
        "kind": kind,
        "status": status,
        "query": query,
        "may_manage": may_write(request, "students.manage", school),
        "may_export": request.user.has_perm("students.read_all", school),
        "without_path": selectors.students_without_path(school).count() if viewer.reads_all else 0,
    }
    return render(request, "students/change_list.html", context)


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The change register (学籍变动名册) of the changes carried out, as the school sends it up."""
    school = school_for(request, "students.read_all")
    changes = selectors.carried_out(school, year_param(request))
    sheet, rows = register_rows(
        changes, masked=not request.user.has_perm("students.view_personal", school)
    )
    language = translation.get_language() or "zh-hans"
    return sheet_download(sheet, rows, stem="roll-changes", language=language)


@login_required
def change_new(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.manage", write=True)
    student = get_object_or_404(Student.objects.for_school(school), pk=pk)
    form = ChangeRequestForm(request.POST or None, request.FILES or None, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.request_change(
                student=student, values=form.values(), user=request.user
            )
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(
                request, _("The change was requested: %(change)s.") % {"change": change}
            )
            return redirect("students:change_detail", pk=change.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "student": student, "rules": rules_of(school).values()}
    return render(request, "students/change_new.html", context, status=status)


@login_required
def change_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.view")
    viewer = Viewer.of(request.user, school)
    change = get_object_or_404(
        selectors.roll_changes(school, viewer).prefetch_related("credits"), pk=pk
    )
    context = {
        "change": change,
        "may_decide": may_write(request, "students.manage", school),
        "refusal_form": RefusalForm(),
        "bureau_form": BureauReplyForm(),
        "credit_form": CreditForm()
        if change.kind in (ChangeKind.TRACK, ChangeKind.MAJOR) and change.status in OPEN_STATUSES
        else None,
        "approver": rules_of(school)[change.kind].approver,
    }
    return render(request, "students/change_detail.html", context)


def _decide(
    request: HttpRequest, pk: int, act: Callable[[RollChange], RollChange], done: str
) -> HttpResponse:
    school = school_for(request, "students.manage", write=True)
    change = get_object_or_404(RollChange.objects.for_school(school), pk=pk)
    back = reverse("students:change_detail", args=[change.pk])
    return act_and_return(request, change, act, done=done, back_to=back)


@login_required
@require_POST
def change_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda change: services.approve_change(change=change, user=request.user),
        _("The change was approved."),
    )


@login_required
@require_POST
def change_bureau(request: HttpRequest, pk: int) -> HttpResponse:
    form = BureauReplyForm(request.POST)
    if not form.is_valid():
        school_for(request, "students.manage", write=True)
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("students:change_detail", pk=pk)
    return _decide(
        request,
        pk,
        lambda change: services.record_bureau_approval(change=change, **form.cleaned_data),
        _("The bureau's reply is recorded and the change carried out."),
    )


@login_required
@require_POST
def change_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    form = RefusalForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _decide(
        request,
        pk,
        lambda change: services.refuse_change(change=change, user=request.user, reason=reason),
        _("The change was refused."),
    )


@login_required
@require_POST
def change_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda change: services.withdraw_change(change=change),
        _("The request was withdrawn."),
    )


@login_required
def change_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "students.view")
    viewer = Viewer.of(request.user, school)
    change = get_object_or_404(selectors.roll_changes(school, viewer), pk=pk)
    if not change.evidence:
        raise Http404
    return stored_file(change.evidence)


@login_required
@require_POST
def paths_open(request: HttpRequest) -> HttpResponse:
    """Admit the students entered in ``organization`` who have no path yet."""
    school = school_for(request, "students.manage", write=True)
    count = open_missing_paths(school=school)
    messages.success(request, _("Paths opened for %(count)s students.") % {"count": count})
    return redirect("students:change_list")


@login_required
@require_POST
def change_credit(request: HttpRequest, pk: int) -> HttpResponse:
    """A course carried over on a change of track or major, while it waits for a decision."""
    school = school_for(request, "students.manage", write=True)
    change = get_object_or_404(RollChange.objects.for_school(school), pk=pk)
    form = CreditForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("students:change_detail", pk=change.pk)
    if change.status not in OPEN_STATUSES:
        messages.error(request, _("Credits are recorded while the change waits for a decision."))
        return redirect("students:change_detail", pk=change.pk)
    try:
        services.add_credit(change=change, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The course was recorded."))
    return redirect("students:change_detail", pk=change.pk)
