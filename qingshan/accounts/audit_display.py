"""The audit log as people read it: each change under the field's name, choices by their labels,
dates and times in the reader's format, related records by their names (one query per related
table on a page, not one per change)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

EMPTY = "—"
# The log's kinds of action in the reader's language (django-auditlog ships no Chinese).
ACTION_NAMES = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("opened"),
}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def _when(value: str, field: models.Field[Any, Any]) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if isinstance(field, models.DateTimeField):
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)
        return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    return formats.date_format(moment.date(), "SHORT_DATE_FORMAT")


def _plain(value: Any, field: models.Field[Any, Any] | None, names: dict[Any, str]) -> str:
    if value in (None, "None", ""):
        return EMPTY
    text = str(value)
    if field is None:
        return text
    if field.is_relation:
        return names.get(text, text)
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(text), text))
    if isinstance(field, models.BooleanField):
        return "✓" if text in ("True", "1") else "✗"
    if isinstance(field, (models.DateTimeField, models.DateField)):
        return _when(text, field)
    return text


def readable_changes(entries: Iterable[LogEntry]) -> dict[int, list[Change]]:
    """Each entry's changes, readable, by the entry's pk."""
    entries = list(entries)
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        for name, pair in (entry.changes_dict or {}).items():
            field = _field(model, name)
            if field is not None and field.is_relation and field.related_model is not None:
                wanted[field.related_model].update(str(v) for v in pair if v not in (None, "None"))
    names: dict[type[models.Model], dict[Any, str]] = {}
    for related, keys in wanted.items():
        pks = [key for key in keys if key.isdigit()]
        found = related._default_manager.in_bulk(pks) if pks else {}
        names[related] = {str(pk): str(record) for pk, record in found.items()}
    readable: dict[int, list[Change]] = {}
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        changes = []
        for name, pair in (entry.changes_dict or {}).items():
            field = _field(model, name)
            if field is None and model is not None:
                continue  # a reverse relation the log lists on creation ("x.Member.None")
            lookup = names.get(field.related_model, {}) if field and field.related_model else {}
            old, new = [*pair, None, None][:2]
            label = str(field.verbose_name) if field is not None else name
            change = Change(label, _plain(old, field, lookup), _plain(new, field, lookup))
            if change.old != change.new:
                changes.append(change)
        readable[entry.pk] = changes
    return readable
