"""Audit helpers on top of django-auditlog.

Changes of registered models are logged automatically (who, when, what, from which address).
``log_read`` records that a person opened a confidential record (counseling cases, a person's
evaluation results); call it from the view right after the record is fetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models


def register(model: type[models.Model], **options: Any) -> None:
    """Log every create, change and delete of ``model``, tagged with its school."""
    auditlog.register(model, **options)


def log_read(*, obj: models.Model, actor: Any, remote_addr: str | None = None) -> LogEntry:
    school_id = getattr(obj, "school_id", None)
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        remote_addr=remote_addr,
        additional_data={"school_id": school_id},
    )


def log_bulk(records: Iterable[models.Model], *, action: int, actor: Any) -> None:
    """Audit rows written in bulk (bulk writes bypass auditlog's signals)."""
    records = list(records)
    if not records:
        return
    content_type = ContentType.objects.get_for_model(records[0])
    LogEntry.objects.bulk_create(
        (
            LogEntry(
                content_type=content_type,
                object_pk=str(record.pk),
                object_id=record.pk,
                object_repr=str(record)[:200],
                action=action,
                changes={"import": ["", "spreadsheet"]},
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                additional_data={"school_id": getattr(record, "school_id", None)},
            )
            for record in records
        ),
        batch_size=500,
    )


def log_event(
    *, obj: models.Model, actor: Any, school_id: int | None, event: str, detail: str = ""
) -> LogEntry:
    """Record that something happened to ``obj`` that changes none of its fields (a reset link
    issued for a login, say), in the log of the school ``school_id``."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={event: ["", detail or event]},
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        additional_data={"school_id": school_id},
    )
