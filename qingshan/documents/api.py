"""/api/v1/documents/: list (filters and ranked search), read, issue, correct, revise, repeal,
archive and restore documents; file attachments; the next free number.

Reads go through ``selectors.readable_documents`` like the pages: a student gets the documents
addressed to students and nothing else. Writes are validated by the pages' forms and need a
role that keeps the document's issuer.
"""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from qingshan.core.api import Pages, Year, api_school
from qingshan.core.models import School
from qingshan.documents import selectors, services, text
from qingshan.documents.filters import DocumentFilter
from qingshan.documents.forms import DocumentForm, RevisionForm
from qingshan.documents.models import Document, format_number
from qingshan.documents.rules import managed_issuers
from qingshan.organization.models import Department

router = Router(tags=["documents"])


class AttachmentOut(Schema):
    id: int
    title: str
    size: int
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("documents:attachment_file", args=[obj.document_id, obj.pk])


class DocumentOut(Schema):
    id: int
    number: str
    prefix: str
    year: int
    sequence: int
    title: str
    kind: str
    issuer: str
    department_id: int | None
    issuer_name: str
    issued_on: dt.date
    effective_on: dt.date
    status: str
    ended_on: dt.date | None
    revises_id: int | None
    origin_id: int | None
    repealed_by_id: int | None
    audience: list[str]
    archived_at: dt.datetime | None

    @staticmethod
    def resolve_audience(obj: Any) -> list[str]:
        return obj.audiences


class DocumentRowOut(DocumentOut):
    highlight: str | None = None

    @staticmethod
    def resolve_highlight(obj: Any, context: Any) -> str | None:
        """The passage around the first match, escaped, matches in <mark> (only with ?q=)."""
        terms = text.query_terms(context["request"].GET.get("q", ""))
        return str(text.highlight(obj.body, terms)) if terms else None


class DocumentDetailOut(DocumentOut):
    body: str
    repeal_reason: str
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_attachments(obj: Any) -> list[Any]:
        return list(selectors.attachments(obj))


class DocumentIn(Schema):
    issuer: str
    department: int | None = None
    prefix: str = ""
    sequence: int | None = None
    title: str
    kind: str
    issued_on: dt.date
    effective_on: dt.date | None = None
    audience: list[str]
    body: str = ""


class DocumentPatch(Schema):
    issuer: str | None = None
    department: int | None = None
    prefix: str | None = None
    sequence: int | None = None
    title: str | None = None
    kind: str | None = None
    issued_on: dt.date | None = None
    effective_on: dt.date | None = None
    audience: list[str] | None = None
    body: str | None = None


class RevisionIn(Schema):
    prefix: str = ""
    sequence: int | None = None
    title: str
    kind: str
    issued_on: dt.date
    effective_on: dt.date | None = None
    audience: list[str]
    body: str = ""


class RepealIn(Schema):
    repealed_on: dt.date | None = None
    reason: str = ""
    repealed_by: int | None = None


class NextNumberOut(Schema):
    issuer: str
    department_id: int | None
    year: int
    sequence: int
    number: str


def _form_values(form: Any) -> dict[str, Any]:
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    return form.values()


def _managed(request: HttpRequest, school: School, pk: int) -> Document:
    document = get_object_or_404(selectors.documents(school), pk=pk)
    if document.issuer not in managed_issuers(request.user, school):
        raise PermissionDenied
    return document


def _current(document: Document) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: getattr(document, name)
        for name in ("issuer", "prefix", "sequence", "title", "kind", "issued_on", "body")
    }
    data["department"] = document.department_id
    data["effective_on"] = document.effective_on
    data["audience"] = document.audiences
    return data


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


@router.get("/documents/", response=list[DocumentRowOut], url_name="document_list")
@paginate(Pages)
def list_documents(
    request: HttpRequest,
    school: str | None = None,
    q: str = "",
    kind: str = "",
    issuer: str = "",
    status: str = "",
    year: Year | None = None,
    archived: bool = False,
) -> Any:
    """Documents the caller may read, newest first; with ``q``, the matches best first."""
    target = api_school(request, "documents.view", school)
    data = _clean({"q": q, "kind": kind, "issuer": issuer, "status": status, "year": year})
    data["archive"] = "archived" if archived else "active"
    readable = selectors.readable_documents(school=target, user=request.user)
    filterset = DocumentFilter(data, queryset=readable, school=target)
    if not filterset.is_valid():
        raise ValidationError({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset.qs


@router.get("/documents/{int:pk}/", response=DocumentDetailOut, url_name="document_detail")
def read_document(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, "documents.view", school)
    return get_object_or_404(selectors.readable_documents(school=target, user=request.user), pk=pk)


@router.post("/documents/", response={201: DocumentDetailOut}, url_name="document_create")
def create_document(request: HttpRequest, payload: DocumentIn, school: str | None = None) -> Any:
    target = api_school(request, "documents.manage", school)
    issuers = managed_issuers(request.user, target)
    if payload.issuer not in issuers:
        raise PermissionDenied
    form = DocumentForm(_clean(payload.dict()), school=target, issuers=issuers)
    return Status(201, services.issue_document(school=target, values=_form_values(form)))


@router.patch("/documents/{int:pk}/", response=DocumentDetailOut, url_name="document_update")
def update_document(
    request: HttpRequest, pk: int, payload: DocumentPatch, school: str | None = None
) -> Any:
    target = api_school(request, "documents.manage", school)
    document = _managed(request, target, pk)
    issuers = managed_issuers(request.user, target)
    data = {**_current(document), **payload.dict(exclude_unset=True)}
    form = DocumentForm(_clean(data), school=target, issuers=issuers, instance=document)
    return services.update_document(document=document, values=_form_values(form))


@router.post(
    "/documents/{int:pk}/revise/", response={201: DocumentDetailOut}, url_name="document_revise"
)
def revise_document(
    request: HttpRequest, pk: int, payload: RevisionIn, school: str | None = None
) -> Any:
    target = api_school(request, "documents.manage", school)
    original = _managed(request, target, pk)
    form = RevisionForm(_clean(payload.dict()), school=target, original=original)
    return Status(201, services.issue_revision(original=original, values=_form_values(form)))


@router.post("/documents/{int:pk}/repeal/", response=DocumentDetailOut, url_name="document_repeal")
def repeal_document(
    request: HttpRequest, pk: int, payload: RepealIn, school: str | None = None
) -> Any:
    target = api_school(request, "documents.manage", school)
    document = _managed(request, target, pk)
    repealed_by = (
        get_object_or_404(selectors.documents(target), pk=payload.repealed_by)
        if payload.repealed_by
        else None
    )
    return services.repeal_document(
        document=document,
        repealed_on=payload.repealed_on,
        reason=payload.reason,
        repealed_by=repealed_by,
    )


@router.post(
    "/documents/{int:pk}/archive/", response=DocumentDetailOut, url_name="document_archive"
)
def archive_document(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, "documents.manage", school)
    return services.archive_document(document=_managed(request, target, pk))


@router.post(
    "/documents/{int:pk}/restore/", response=DocumentDetailOut, url_name="document_restore"
)
def restore_document(request: HttpRequest, pk: int, school: str | None = None) -> Any:
    target = api_school(request, "documents.manage", school)
    return services.restore_document(document=_managed(request, target, pk))


@router.post(
    "/documents/{int:pk}/attachments/",
    response={201: AttachmentOut},
    url_name="document_attachment_add",
)
def add_attachment(
    request: HttpRequest,
    pk: int,
    file: UploadedFile = File(...),  # noqa: B008 - ninja's way of declaring an upload
    title: str = Form(""),
    school: str | None = None,
) -> Any:
    target = api_school(request, "documents.manage", school)
    document = _managed(request, target, pk)
    return Status(201, services.attach_file(document=document, title=title, file=file))


@router.get("/next-number/", response=NextNumberOut, url_name="document_next_number")
def next_number(
    request: HttpRequest,
    issuer: str,
    year: Year,
    department: int | None = None,
    school: str | None = None,
) -> Any:
    """The issuer's next free number in the year, with the code of its latest document."""
    target = api_school(request, "documents.manage", school)
    if issuer not in managed_issuers(request.user, target):
        raise PermissionDenied

    found = (
        get_object_or_404(Department.objects.for_school(target), pk=department)
        if department
        else None
    )
    if issuer == "department" and found is None:
        raise ValidationError(
            {"department": [_("Choose the department that issues the document.")]}
        )
    sequence = selectors.next_sequence(school=target, issuer=issuer, department=found, year=year)
    prefix = selectors.suggested_prefix(school=target, issuer=issuer, department=found)
    return {
        "issuer": issuer,
        "department_id": found.pk if found else None,
        "year": year,
        "sequence": sequence,
        "number": format_number(prefix, year, sequence),
    }
