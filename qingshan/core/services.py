"""Writes shared by every app's simple record types. Keyword-only, one transaction, audited.

Invariants enforced for every school-owned record written here (pages, API and imports alike):
- the record and every school-owned record it points to belong to the same school;
- the record passes ``full_clean`` (fields, unique and check constraints) and the caller's
  extra ``checks`` before it is saved;
- referenced records are archived, never deleted; an archived record is not changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import NoticeRead, School, SchoolOwned

RecordT = TypeVar("RecordT", bound=SchoolOwned)
Check = Callable[[Any], None]


def check_same_school(record: SchoolOwned) -> None:
    for field in record._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey) or field.name == "school":
            continue
        target = getattr(record, field.name)
        if isinstance(target, SchoolOwned) and target.school_id != record.school_id:
            raise ValidationError(
                {field.name: _("%(value)s belongs to another school.") % {"value": target}},
                code="other_school",
            )


def validate_record(record: SchoolOwned, checks: Iterable[Check] = ()) -> None:
    check_same_school(record)
    record.full_clean()
    for check in checks:
        check(record)


@transaction.atomic
def create_record(
    *, school: School, model: type[RecordT], values: dict[str, Any], checks: Iterable[Check] = ()
) -> RecordT:
    record = model(school=school, **values)
    validate_record(record, checks)
    record.save()
    return record


@transaction.atomic
def update_record(
    *, record: RecordT, values: dict[str, Any], checks: Iterable[Check] = ()
) -> RecordT:
    if record.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    for name, value in values.items():
        setattr(record, name, value)
    validate_record(record, checks)
    record.save()
    return record


@transaction.atomic
def archive_record(*, record: RecordT) -> RecordT:
    if record.is_archived:
        raise DomainError(_("This record is already archived."), code="already_archived")
    record.archived_at = timezone.now()
    record.save(update_fields=["archived_at", "updated_at"])
    return record


@transaction.atomic
def restore_record(*, record: RecordT) -> RecordT:
    if not record.is_archived:
        raise DomainError(_("This record is not archived."), code="not_archived")
    record.archived_at = None
    record.save(update_fields=["archived_at", "updated_at"])
    return record


@transaction.atomic
def mark_notices_read(*, school: School, user: Any, keys: Iterable[str]) -> int:
    """Mark notices of the user's inbox read (a notice read twice stays one mark); returns how
    many keys were given."""
    wanted = sorted(set(keys))
    NoticeRead.objects.bulk_create(
        [NoticeRead(school=school, user=user, key=key) for key in wanted],
        ignore_conflicts=True,  # read already, in another tab: one mark is enough
    )
    return len(wanted)


@transaction.atomic
def mark_notices_unread(*, school: School, user: Any, keys: Iterable[str]) -> None:
    NoticeRead.objects.filter(school=school, user=user, key__in=list(keys)).delete()
