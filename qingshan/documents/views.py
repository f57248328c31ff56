"""Document pages: the list with search, a document with its versions and attachments, the forms
to issue, correct, revise and repeal, archive/restore, attachments served after the check, the
number suggestion, Excel export and import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core.downloads import XLSX, attachment, stored_file
from qingshan.core.errors import show_on_form
from qingshan.core.htmx import render_page
from qingshan.core.models import School
from qingshan.core.records import may_write, school_for
from qingshan.core.tabular.writing import write_xlsx
from qingshan.documents import selectors, services, text
from qingshan.documents.enums import Audience, DocumentStatus, Issuer
from qingshan.documents.exporters import EXPORT_SHEET, export_rows
from qingshan.documents.filters import DocumentFilter
from qingshan.documents.forms import AttachmentForm, DocumentForm, RepealForm, RevisionForm
from qingshan.documents.models import Document, format_number
from qingshan.documents.rules import managed_issuers

PAGE_SIZE = 25


def _posted(request: HttpRequest) -> Any:
    """The submitted data of a POST (even an empty one binds the form), else None."""
    return request.POST if request.method == "POST" else None


def _readable(request: HttpRequest, school: School) -> Any:
    return selectors.readable_documents(school=school, user=request.user)


def _managed(request: HttpRequest, school: School, document: Document) -> Document:
    """The document, if the person keeps documents of its issuer here (403 otherwise)."""
    if document.issuer not in managed_issuers(request.user, school):
        raise PermissionDenied
    return document


def _manage_school(request: HttpRequest) -> Any:
    return school_for(request, "documents.manage", write=True)


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any], *, failed: bool
) -> HttpResponse:
    return render(request, template, context, status=422 if failed else 200)


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "documents.view")
    filterset = DocumentFilter(
        request.GET or None, queryset=_readable(request, school), school=school
    )
    query = request.GET.get("q", "").strip()
    terms = text.query_terms(query)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "document": document,
            "title": text.highlight_all(document.title, terms),
            "passage": text.highlight(document.body, terms) if terms else "",
        }
        for document in page
    ]
    context = {
        "filter": filterset,
        "page": page,
        "rows": rows,
        "query": query,
        "searchable": bool(terms) or not query,
        "can_manage": may_write(request, "documents.manage", school),
        "can_export": request.user.has_perm("documents.export", school),
    }
    return render_page(request, "documents/list.html", context, partial="results")


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "documents.view")
    readable = _readable(request, school)
    document = get_object_or_404(readable, pk=pk)
    terms = text.query_terms(request.GET.get("q", ""))
    chain = selectors.version_chain(document=document, readable=readable)
    position = next(index for index, item in enumerate(chain) if item.pk == document.pk)
    repealed_by = (
        readable.filter(pk=document.repealed_by_id).first() if document.repealed_by_id else None
    )
    can_manage = may_write(request, "documents.manage", school) and (
        document.issuer in managed_issuers(request.user, school)
    )
    context = {
        "document": document,
        "paragraphs": [
            text.highlight_all(line.strip(), terms)
            for line in document.body.splitlines()
            if line.strip()
        ],
        "chain": chain if len(chain) > 1 else [],
        "revises": chain[position - 1] if position > 0 else None,
        "revised_by": chain[position + 1] if position + 1 < len(chain) else None,
        "repealed_by": repealed_by,
        "repeals": list(readable.filter(repealed_by=document)),
        "attachments": list(selectors.attachments(document)),
        "can_manage": can_manage,
        "attachment_form": AttachmentForm(),
        "statuses": DocumentStatus,
    }
    return render(request, "documents/detail.html", context)


def _initial(school: School, issuers: frozenset[str]) -> dict[str, Any]:
    issuer = Issuer.BRANCH if issuers == {Issuer.BRANCH} else Issuer.SCHOOL
    return {
        "issuer": issuer,
        "issued_on": timezone.localdate(),
        "prefix": selectors.suggested_prefix(school=school, issuer=issuer, department=None),
        "audience": [Audience.STAFF],
    }


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    school = _manage_school(request)
    issuers = managed_issuers(request.user, school)
    form = DocumentForm(
        _posted(request), school=school, issuers=issuers, initial=_initial(school, issuers)
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = services.issue_document(school=school, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("%(record)s was issued.") % {"record": document})
            return redirect("documents:document_detail", pk=document.pk)
    return _form_page(
        request,
        "documents/form.html",
        {"form": form, "document": None},
        failed=request.method == "POST",
    )


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = _manage_school(request)
    document = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    issuers = managed_issuers(request.user, school)
    form = DocumentForm(_posted(request), school=school, issuers=issuers, instance=document)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.update_document(document=document, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("%(record)s was saved.") % {"record": document})
            return redirect("documents:document_detail", pk=document.pk)
    return _form_page(
        request,
        "documents/form.html",
        {"form": form, "document": document},
        failed=request.method == "POST",
    )


@login_required
def document_revise(request: HttpRequest, pk: int) -> HttpResponse:
    school = _manage_school(request)
    original = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    form = RevisionForm(_posted(request), school=school, original=original)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.issue_revision(original=original, values=form.values())
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(
                request,
                _("%(record)s was issued; the version it revises is now marked revised.")
                % {"record": revision},
            )
            return redirect("documents:document_detail", pk=revision.pk)
    return _form_page(
        request,
        "documents/revise.html",
        {"form": form, "original": original},
        failed=request.method == "POST",
    )


@login_required
def document_repeal(request: HttpRequest, pk: int) -> HttpResponse:
    school = _manage_school(request)
    document = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    form = RepealForm(_posted(request), document=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.repeal_document(
                document=document,
                repealed_on=form.cleaned_data["repealed_on"],
                reason=form.cleaned_data["reason"],
                repealed_by=form.cleaned_data["repealed_by"],
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, _("%(record)s was repealed.") % {"record": document})
            return redirect("documents:document_detail", pk=document.pk)
    return _form_page(
        request,
        "documents/repeal.html",
        {"form": form, "document": document},
        failed=request.method == "POST",
    )


@login_required
@require_POST
def document_archive(request: HttpRequest, pk: int) -> HttpResponse:
    school = _manage_school(request)
    document = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    try:
        if document.is_archived:
            services.restore_document(document=document)
            messages.success(request, _("%(record)s was restored.") % {"record": document})
        else:
            services.archive_document(document=document)
            messages.success(request, _("%(record)s was archived.") % {"record": document})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("documents:document_detail", pk=document.pk)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    school = _manage_school(request)
    document = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file."))
        return redirect("documents:document_detail", pk=document.pk)
    try:
        services.attach_file(
            document=document, title=form.cleaned_data["title"], file=form.cleaned_data["file"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The attachment was filed."))
    return redirect("documents:document_detail", pk=document.pk)


@login_required
def attachment_file(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """An attachment, served to those who may read its document (media is never public)."""
    school = school_for(request, "documents.view")
    document = get_object_or_404(_readable(request, school), pk=pk)
    item = get_object_or_404(selectors.attachments(document), pk=attachment_pk)
    return stored_file(item.file, filename=item.filename, as_attachment=True)


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    school = _manage_school(request)
    document = _managed(request, school, get_object_or_404(selectors.documents(school), pk=pk))
    item = get_object_or_404(selectors.attachments(document), pk=attachment_pk)
    try:
        services.remove_attachment(attachment=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The attachment was removed."))
    return redirect("documents:document_detail", pk=document.pk)


@login_required
def next_number(request: HttpRequest) -> HttpResponse:
    """The issuer's next free number for the year of the given issue date (a fragment for the
    document form)."""
    school = _manage_school(request)
    issuers = managed_issuers(request.user, school)
    issuer = request.GET.get("issuer") or next(iter(sorted(issuers)), Issuer.SCHOOL)
    if issuer not in issuers:
        raise PermissionDenied
    department = None
    if issuer == Issuer.DEPARTMENT:
        asked = request.GET.get("department") or ""
        department = selectors.department_of(school, int(asked)) if asked.isdigit() else None
    issued = request.GET.get("issued_on", "")
    year = int(issued[:4]) if issued[:4].isdigit() else timezone.localdate().year
    number = None
    if issuer != Issuer.DEPARTMENT or department is not None:
        prefix = request.GET.get("prefix") or selectors.suggested_prefix(
            school=school, issuer=issuer, department=department
        )
        sequence = selectors.next_sequence(
            school=school, issuer=issuer, department=department, year=year
        )
        number = format_number(prefix, year, sequence)
    return render(request, "documents/next_number.html", {"number": number})


@login_required
def document_export(request: HttpRequest) -> HttpResponse:
    """The documents the person reads (with the list's filters) as an Excel workbook."""
    school = school_for(request, "documents.export")
    filterset = DocumentFilter(
        request.GET or None, queryset=_readable(request, school), school=school
    )
    rows = filterset.qs.select_related("revises", "repealed_by")
    language = translation.get_language()
    content = write_xlsx(EXPORT_SHEET, export_rows(rows), language=language)
    return attachment(content, f"documents-{timezone.localdate().isoformat()}.xlsx", XLSX)
