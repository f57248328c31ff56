"""Every write of the documents app: keyword-only, one transaction, audited; a refused write
raises ``ValidationError`` with a translated message and changes nothing.

The life of a document: ``issue_document`` (in force) → ``issue_revision`` (the new version is
in force, the old one *revised* from the day the new one takes effect) or ``repeal_document``
(*repealed* from a day, optionally by another document). Both ends are final. Archiving hides a
document from its readers without changing its status.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import validate_record
from qingshan.core.uploads import check_upload
from qingshan.documents import selectors
from qingshan.documents.enums import AUDIENCE_FIELDS, DocumentStatus, Issuer
from qingshan.documents.models import MAX_SEQUENCE, Attachment, Document, format_number

# What a form, the API or an import may set on a document.
EDITABLE_FIELDS = (
    "issuer",
    "department",
    "prefix",
    "sequence",
    "title",
    "kind",
    "issued_on",
    "effective_on",
    "body",
    *AUDIENCE_FIELDS.values(),
)
# Fields a revision takes from the version it revises.
INHERITED_FIELDS = ("issuer", "department")


def _refusal(field: str, message: str, *, code: str) -> ValidationError:
    """A refusal of one field's value, with a code tests and API clients can rely on."""
    return ValidationError({field: ValidationError(message, code=code)})


def _lock(document: Document) -> Document:
    """Lock the document's row for this transaction and refresh the caller's instance."""
    Document.objects.select_for_update().filter(pk=document.pk).exists()
    document.refresh_from_db()
    return document


def _apply(document: Document, values: dict[str, Any], fields: tuple[str, ...]) -> None:
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    for name, value in values.items():
        setattr(document, name, value)
    if isinstance(document.prefix, str):
        document.prefix = document.prefix.strip()
    if isinstance(document.title, str):
        document.title = document.title.strip()


def _check_issuer(document: Document) -> None:
    if document.issuer == Issuer.DEPARTMENT and document.department_id is None:
        raise _refusal(
            "department",
            _("Choose the department that issues the document."),
            code="department_required",
        )
    if document.issuer != Issuer.DEPARTMENT:
        document.department = None


def _check_dates(document: Document) -> None:
    if document.issued_on is None:
        return
    if document.effective_on is None:
        document.effective_on = document.issued_on
    if document.effective_on < document.issued_on:
        raise _refusal(
            "effective_on",
            _("A document takes effect on or after its issue date."),
            code="effective_before_issue",
        )
    if document.ended_on is not None and document.ended_on < document.effective_on:
        raise _refusal(
            "effective_on",
            _("The document stopped being in force on %(date)s; it cannot take effect later.")
            % {"date": document.ended_on.isoformat()},
            code="effective_after_end",
        )


def _check_audience(document: Document) -> None:
    if not document.audiences:
        raise _refusal(
            "audience",
            _("Choose who the document is addressed to."),
            code="audience_required",
        )


def _number_taken_error(document: Document, holder: Document) -> ValidationError:
    following = selectors.next_sequence(
        school=document.school,
        issuer=document.issuer,
        department=document.department,
        year=document.year,
    )
    return _refusal(
        "sequence",
        _("The number %(number)s is already used by “%(title)s”. The next free number is %(next)s.")
        % {
            "number": format_number(document.prefix, document.year, document.sequence),
            "title": holder.title,
            "next": format_number(document.prefix, document.year, following),
        },
        code="duplicate_number",
    )


def _check_number(document: Document) -> None:
    """Give the next free number when none is given; refuse one that is taken."""
    if document.issued_on is None:
        return
    document.year = document.issued_on.year
    if not document.prefix:
        document.prefix = selectors.suggested_prefix(
            school=document.school, issuer=document.issuer, department=document.department
        )
    if document.sequence is None:
        document.sequence = selectors.next_sequence(
            school=document.school,
            issuer=document.issuer,
            department=document.department,
            year=document.year,
        )
        if document.sequence > MAX_SEQUENCE:
            raise _refusal(
                "sequence",
                _("The issuer has used every number of %(year)s.") % {"year": document.year},
                code="numbers_exhausted",
            )
        return
    holder = selectors.holder_of_number(
        school=document.school,
        issuer=document.issuer,
        department=document.department,
        year=document.year,
        sequence=document.sequence,
        exclude=document.pk,
    )
    if holder is not None:
        raise _number_taken_error(document, holder)


def _save(document: Document) -> Document:
    """Check everything, then save; a number taken meanwhile by someone else is refused too."""
    _check_issuer(document)
    _check_dates(document)
    _check_audience(document)
    _check_number(document)
    document.refresh_search_columns()
    validate_record(document)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        holder = selectors.holder_of_number(
            school=document.school,
            issuer=document.issuer,
            department=document.department,
            year=document.year,
            sequence=document.sequence,
            exclude=document.pk,
        )
        if holder is None:
            raise
        raise _number_taken_error(document, holder) from None
    return document


@transaction.atomic
def issue_document(*, school: School, values: dict[str, Any]) -> Document:
    """A new document in force. Without a sequence it gets the issuer's next free number of the
    year of issue; without an issuer's code, the code of the issuer's latest document."""
    document = Document(school=school)
    _apply(document, {"sequence": None, "effective_on": None, **values}, EDITABLE_FIELDS)
    return _save(document)


@transaction.atomic
def update_document(*, document: Document, values: dict[str, Any]) -> Document:
    """Correct a document's record. Versions of one regulation keep one issuer and their order."""
    if document.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    _lock(document)
    before = (document.issuer, document.department_id)
    # A blank number on a correction keeps the one recorded.
    kept = {"sequence"}
    values = {key: value for key, value in values.items() if value is not None or key not in kept}
    _apply(document, values, EDITABLE_FIELDS)
    _check_issuer(document)
    newer = Document.objects.filter(revises=document).first()
    older = document.revises
    if (document.issuer, document.department_id) != before and (older or newer):
        raise _refusal(
            "issuer",
            _("Every version of a regulation keeps the issuer of its first version."),
            code="chain_issuer",
        )
    if older is not None and document.issued_on < older.issued_on:
        raise _refusal(
            "issued_on",
            _("A revision is issued on or after the version it revises."),
            code="revision_before_original",
        )
    if newer is not None and document.issued_on > newer.issued_on:
        raise _refusal(
            "issued_on",
            _("This version was revised on %(date)s; it was issued before that.")
            % {"date": newer.issued_on.isoformat()},
            code="original_after_revision",
        )
    return _save(document)


@transaction.atomic
def issue_revision(*, original: Document, values: dict[str, Any]) -> Document:
    """A new version of ``original`` (same issuer), in force; ``original`` becomes revised from
    the day the new version takes effect."""
    _lock(original)
    if original.is_archived:
        raise DomainError(
            _("An archived document cannot be revised; restore it first."), code="archived"
        )
    if original.status != DocumentStatus.IN_FORCE:
        raise DomainError(
            _("Only a document in force can be revised; this one is %(status)s.")
            % {"status": original.get_status_display()},
            code="not_in_force",
        )
    revision = Document(
        school=original.school,
        issuer=original.issuer,
        department=original.department,
        prefix=original.prefix,
        revises=original,
        origin_id=original.origin_id or original.pk,
    )
    allowed = tuple(name for name in EDITABLE_FIELDS if name not in INHERITED_FIELDS)
    _apply(revision, {"sequence": None, "effective_on": None, **values}, allowed)
    if revision.effective_on is None:
        revision.effective_on = revision.issued_on
    if revision.issued_on is not None and revision.issued_on < original.issued_on:
        raise _refusal(
            "issued_on",
            _("A revision is issued on or after the version it revises."),
            code="revision_before_original",
        )
    if revision.effective_on is not None and revision.effective_on < original.effective_on:
        raise _refusal(
            "effective_on",
            _("A revision takes effect on or after the version it revises."),
            code="revision_effective_before_original",
        )
    _save(revision)
    original.status = DocumentStatus.REVISED
    original.ended_on = revision.effective_on
    original.save(update_fields=["status", "ended_on", "updated_at"])
    return revision


@transaction.atomic
def repeal_document(
    *,
    document: Document,
    repealed_on: dt.date | None = None,
    reason: str = "",
    repealed_by: Document | None = None,
) -> Document:
    """Repeal a document in force from a day, with a reason or the document that repeals it (then
    by default from the day that document takes effect)."""
    _lock(document)
    if repealed_by is not None:
        repealed_by.refresh_from_db()
    reason = (reason or "").strip()
    if document.is_archived:
        raise DomainError(
            _("An archived document cannot be repealed; restore it first."), code="archived"
        )
    if document.status != DocumentStatus.IN_FORCE:
        raise DomainError(
            _("Only a document in force can be repealed; this one is %(status)s.")
            % {"status": document.get_status_display()},
            code="not_in_force",
        )
    if repealed_by is not None:
        if repealed_by.school_id != document.school_id:
            raise _refusal(
                "repealed_by",
                _("%(value)s belongs to another school.") % {"value": repealed_by},
                code="other_school",
            )
        if repealed_by.pk == document.pk:
            raise _refusal(
                "repealed_by",
                _("A document cannot repeal itself."),
                code="repeals_itself",
            )
        if repealed_by.is_archived or repealed_by.status != DocumentStatus.IN_FORCE:
            raise _refusal(
                "repealed_by",
                _("The repealing document must be in force."),
                code="repealing_not_in_force",
            )
        repealed_on = repealed_on or repealed_by.effective_on
        if repealed_by.issued_on > repealed_on:
            raise _refusal(
                "repealed_on",
                _("The repealing document was issued after this day."),
                code="repealed_before_repealing_document",
            )
    elif not reason:
        raise _refusal(
            "reason",
            _("Give the reason, or the document that repeals it."),
            code="reason_required",
        )
    if repealed_on is None:
        raise _refusal(
            "repealed_on",
            _("Enter the day the document is repealed."),
            code="date_required",
        )
    if repealed_on < document.issued_on:
        raise _refusal(
            "repealed_on",
            _("A document cannot be repealed before it was issued."),
            code="repealed_before_issue",
        )
    document.status = DocumentStatus.REPEALED
    document.ended_on = max(repealed_on, document.effective_on)
    document.repealed_by = repealed_by
    document.repeal_reason = reason
    document.save(
        update_fields=["status", "ended_on", "repealed_by", "repeal_reason", "updated_at"]
    )
    return document


def archive_document(*, document: Document) -> Document:
    return core_services.archive_record(record=document)


def restore_document(*, document: Document) -> Document:
    return core_services.restore_record(record=document)


@transaction.atomic
def attach_file(*, document: Document, title: str, file: Any) -> Attachment:
    """File an attachment with a document (type, content and size checked by core.uploads)."""
    if document.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    title = (title or "").strip() or (getattr(file, "name", "") or "").rsplit("/", 1)[-1]
    if not title:
        raise _refusal(
            "title",
            _("Give the attachment a title."),
            code="title_required",
        )
    checked = check_upload(file)
    if not checked:
        raise _refusal(
            "file",
            _("Choose a file."),
            code="file_required",
        )
    attachment = Attachment(
        school_id=document.school_id,
        document=document,
        title=title[:120],
        file=checked,
        size=getattr(checked, "size", 0) or 0,
    )
    validate_record(attachment)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment) -> None:
    """Delete an attachment and its stored file (the audit log keeps that it existed)."""
    if attachment.document.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
