"""Audit helpers on top of django-auditlog.

Changes of registered models are logged automatically (who, when, what, from which address).
``log_read`` records that a person opened a confidential record (counseling cases, a person's
evaluation results); call it from the view right after the record is fetched.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
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
