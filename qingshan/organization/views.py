"""Pages of the organisation: one list, detail, form and archive view serving every resource."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.htmx import render_page
from qingshan.organization import services
from qingshan.organization.forms import GuardianLinkForm
from qingshan.organization.models import School
from qingshan.organization.resources import BY_KEY, Resource


def school_for(request: HttpRequest, permission: str) -> School:
    """The request's school if the user holds ``permission`` there; writes also need a non-read-only role."""
    school = getattr(request, "school", None)
    if school is None or not request.user.has_perm(permission, school):
        raise PermissionDenied
    if permission.endswith(".manage") and request.read_only:  # type: ignore[attr-defined]
        raise PermissionDenied
    return school


@login_required
def record_list(request: HttpRequest, resource: Resource) -> HttpResponse:
    school = school_for(request, "organization.view")
    filterset = resource.filterset_class(
        request.GET or None, queryset=resource.selector(school), school=school
    )
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    context = {
        "resource": resource,
        "filter": filterset,
        "page": page,
        "can_manage": request.user.has_perm("organization.manage", school)
        and not request.read_only,  # type: ignore[attr-defined]
        "mask_personal": not request.user.has_perm("organization.view_personal", school),
    }
    return render_page(request, "organization/record_list.html", context, partial="results")


@login_required
def record_detail(request: HttpRequest, resource: Resource, pk: int) -> HttpResponse:
    school = school_for(request, "organization.view")
    record = get_object_or_404(resource.selector(school), pk=pk)
    related = [
        {"label": item.label, "rows": item.rows(record)[:200], "columns": item.columns}
        for item in resource.related
    ]
    context = {
        "resource": resource,
        "record": record,
        "related": related,
        "can_manage": request.user.has_perm("organization.manage", school)
        and not request.read_only,  # type: ignore[attr-defined]
        "link_form": GuardianLinkForm() if resource.key == "guardian" else None,
        "mask_personal": not request.user.has_perm("organization.view_personal", school),
    }
    return render(request, "organization/record_detail.html", context)


@login_required
def record_form(request: HttpRequest, resource: Resource, pk: int | None = None) -> HttpResponse:
    school = school_for(request, "organization.manage")
    record = get_object_or_404(resource.selector(school), pk=pk) if pk is not None else None
    form = resource.form_class(request.POST or None, instance=record, school=school)
    if request.method == "POST" and form.is_valid():
        try:
            if record is None:
                record = services.create_record(
                    school=school, model=resource.model, values=form.values()
                )
                messages.success(request, _("%(record)s was added.") % {"record": record})
            else:
                record = services.update_record(record=record, values=form.values())
                messages.success(request, _("%(record)s was saved.") % {"record": record})
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return redirect(f"organization:{resource.key}_detail", pk=record.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "organization/record_form.html",
        {"resource": resource, "form": form, "record": record},
        status=status,
    )


@login_required
@require_POST
def record_archive(request: HttpRequest, resource: Resource, pk: int) -> HttpResponse:
    school = school_for(request, "organization.manage")
    record = get_object_or_404(resource.selector(school), pk=pk)
    try:
        if record.is_archived:
            services.restore_record(record=record)
            messages.success(request, _("%(record)s was restored.") % {"record": record})
        else:
            services.archive_record(record=record)
            messages.success(request, _("%(record)s was archived.") % {"record": record})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(f"organization:{resource.key}_detail", pk=record.pk)


@login_required
@require_POST
def guardian_link(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "organization.manage")

    guardian = get_object_or_404(BY_KEY["guardian"].selector(school), pk=pk)
    form = GuardianLinkForm(request.POST)
    if form.is_valid():
        try:
            services.link_guardian(
                guardian=guardian,
                student_no=form.cleaned_data["student_no"],
                relation=form.cleaned_data["relation"],
            )
            messages.success(request, _("The student was linked."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Enter a student number and a relation."))
    return redirect("organization:guardian_detail", pk=guardian.pk)
