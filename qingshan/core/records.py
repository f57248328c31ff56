"""Record pages shared by every app: list (filters, paging, htmx), detail, form, archive.

An app describes each record type as a ``Resource`` (its scoped selector, form, filter, columns,
permissions and services) and mounts ``resource_urls(...)``; the views below do the rest. Custom
workflows get their own views beside these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core import services
from qingshan.core.downloads import sheet_download
from qingshan.core.exports import masked_rows, model_sheet, record_rows
from qingshan.core.htmx import render_page
from qingshan.core.masking import MASKED_FIELDS
from qingshan.core.models import School
from qingshan.core.tabular.spec import SheetSpec

PAGE_SIZE = 50
RELATED_ROWS = 200


@dataclass(frozen=True)
class Related:
    """A table of related rows on a record's page."""

    label: Any
    rows: Callable[[Any], QuerySet[Any]]
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    key: str
    namespace: str
    selector: Callable[[Any], QuerySet[Any]]
    form_class: type[Any]
    filterset_class: type[Any]
    columns: tuple[str, ...]
    view_permission: str
    manage_permission: str
    detail_fields: tuple[str, ...] = ()
    related: tuple[Related, ...] = field(default_factory=tuple)
    create: Callable[..., Any] = services.create_record
    update: Callable[..., Any] = services.update_record
    exportable: bool = False
    detail_template: str = "records/detail.html"
    personal_permission: str | None = None
    masked_fields: frozenset[str] = MASKED_FIELDS
    detail_extra: Callable[[Any], dict[str, Any]] | None = None
    # Whether a record may still be edited (a decided request may not); None: always.
    editable: Callable[[Any], bool] | None = None
    # Labels of list columns that are not fields of the model (a count annotated by the selector).
    column_labels: Mapping[str, Any] = field(default_factory=dict)
    # The export's sheet and rows, where it differs from the detail fields (an import layout).
    export: Callable[[QuerySet[Any]], tuple[SheetSpec, Iterator[dict[str, Any]]]] | None = None

    def column_label(self, name: str) -> Any:
        """A list column's heading: its label here, else the model field's name."""
        if name in self.column_labels:
            return self.column_labels[name]
        try:
            return self.model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            return name

    @property
    def model(self) -> Any:
        return self.form_class._meta.model

    @property
    def verbose_name(self) -> Any:
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self) -> Any:
        return self.model._meta.verbose_name_plural

    @property
    def fields_for_detail(self) -> tuple[str, ...]:
        return self.detail_fields or tuple(self.form_class._meta.fields or ())

    def url_name(self, action: str) -> str:
        return f"{self.namespace}:{self.key}_{action}"

    def sheet_and_rows(self, records: QuerySet[Any]) -> tuple[SheetSpec, Iterator[dict[str, Any]]]:
        """The export of ``records``: the resource's own layout, or its detail fields."""
        if self.export is not None:
            return self.export(records)
        sheet = model_sheet(
            self.model, key=self.key, title=self.verbose_name_plural, names=self.fields_for_detail
        )
        names = tuple(column.key for column in sheet.columns)
        return sheet, record_rows(records.iterator(chunk_size=2000), names)


def school_for(request: HttpRequest, permission: str, *, write: bool = False) -> School:
    """The request's school if the user holds ``permission`` there; a write also needs a role of
    one's own at the school (an authority viewer only reads)."""
    school: School | None = getattr(request, "school", None)
    if school is None or not request.user.has_perm(permission, school):
        raise PermissionDenied
    if write and getattr(request, "read_only", True):
        raise PermissionDenied
    return school


def may_write(request: HttpRequest, permission: str, school: School) -> bool:
    """Whether the user holds ``permission`` at the school with a role of their own there (an
    authority viewer only reads) — what ``school_for(..., write=True)`` enforces, for templates."""
    return request.user.has_perm(permission, school) and not getattr(request, "read_only", True)


def _can_manage(request: HttpRequest, resource: Resource, school: School) -> bool:
    return may_write(request, resource.manage_permission, school)


def _mask(request: HttpRequest, resource: Resource, school: School) -> bool:
    return resource.personal_permission is not None and not request.user.has_perm(
        resource.personal_permission, school
    )


def _masked_fields(request: HttpRequest, resource: Resource, school: School) -> frozenset[str]:
    """The fields a page shows only the ends of, for this reader (none with the right)."""
    return resource.masked_fields if _mask(request, resource, school) else frozenset()


def _in_list_order(resource: Resource, rows: QuerySet[Any]) -> QuerySet[Any]:
    if rows.ordered:
        return rows
    # annotated (GROUP BY) querysets drop Meta.ordering
    return rows.order_by(*(resource.model._meta.ordering or ["pk"]), "pk")


@login_required
def record_list(request: HttpRequest, resource: Resource) -> HttpResponse:
    school = school_for(request, resource.view_permission)
    filterset = resource.filterset_class(
        request.GET or None, queryset=resource.selector(school), school=school
    )
    rows = _in_list_order(resource, filterset.qs)
    context = {
        "resource": resource,
        "filter": filterset,
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_manage": _can_manage(request, resource, school),
        "mask_personal": _masked_fields(request, resource, school),
    }
    return render_page(request, "records/list.html", context, partial="results")


def related_tables(resource: Resource, record: Any) -> list[dict[str, Any]]:
    tables = []
    for item in resource.related:
        rows = item.rows(record)
        headers = [rows.model._meta.get_field(name).verbose_name for name in item.columns]
        tables.append(
            {
                "label": item.label,
                "rows": rows[:RELATED_ROWS],
                "columns": item.columns,
                "headers": headers,
            }
        )
    return tables


@login_required
def record_detail(request: HttpRequest, resource: Resource, pk: int) -> HttpResponse:
    school = school_for(request, resource.view_permission)
    record = get_object_or_404(resource.selector(school), pk=pk)
    context = {
        "resource": resource,
        "record": record,
        "related": related_tables(resource, record),
        "can_manage": _can_manage(request, resource, school),
        "editable": resource.editable is None or resource.editable(record),
        "mask_personal": _masked_fields(request, resource, school),
        **(resource.detail_extra(record) if resource.detail_extra else {}),
    }
    return render(request, resource.detail_template, context)


@login_required
def record_form(request: HttpRequest, resource: Resource, pk: int | None = None) -> HttpResponse:
    school = school_for(request, resource.manage_permission, write=True)
    record = get_object_or_404(resource.selector(school), pk=pk) if pk is not None else None
    form = resource.form_class(
        request.POST or None, request.FILES or None, instance=record, school=school
    )
    if request.method == "POST" and form.is_valid():
        try:
            if record is None:
                record = resource.create(school=school, model=resource.model, values=form.values())
                messages.success(request, _("%(record)s was added.") % {"record": record})
            elif form.has_changed():
                record = resource.update(record=record, values=form.values())
                messages.success(request, _("%(record)s was saved.") % {"record": record})
            else:
                messages.info(request, _("Nothing was changed."))
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            return redirect(resource.url_name("detail"), pk=record.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "records/form.html",
        {"resource": resource, "form": form, "record": record},
        status=status,
    )


@login_required
@require_POST
def record_archive(request: HttpRequest, resource: Resource, pk: int) -> HttpResponse:
    school = school_for(request, resource.manage_permission, write=True)
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
    return redirect(resource.url_name("detail"), pk=record.pk)


@login_required
def record_export(request: HttpRequest, resource: Resource) -> HttpResponse:
    """The list, with its filters, as an Excel workbook (``?format=csv``: CSV)."""
    school = school_for(request, resource.view_permission)
    filterset = resource.filterset_class(
        request.GET or None, queryset=resource.selector(school), school=school
    )
    sheet, rows = resource.sheet_and_rows(_in_list_order(resource, filterset.qs))
    if _mask(request, resource, school):
        rows = masked_rows(rows, resource.masked_fields)
    return sheet_download(
        sheet,
        rows,
        stem=resource.key,
        language=translation.get_language(),
        as_csv=request.GET.get("format") == "csv",
    )


def resource_urls(resources: tuple[Resource, ...]) -> list[URLPattern]:
    patterns = []
    for resource in resources:
        key, extra = resource.key, {"resource": resource}
        patterns += [
            path(f"{key}/", record_list, extra, name=f"{key}_list"),
            path(f"{key}/new/", record_form, extra, name=f"{key}_create"),
            path(f"{key}/<int:pk>/", record_detail, extra, name=f"{key}_detail"),
            path(f"{key}/<int:pk>/edit/", record_form, extra, name=f"{key}_edit"),
            path(f"{key}/<int:pk>/archive/", record_archive, extra, name=f"{key}_archive"),
        ]
        if resource.exportable:
            patterns.append(path(f"{key}/export/", record_export, extra, name=f"{key}_export"))
    return patterns
