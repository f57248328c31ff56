"""What the apps' hand-written API modules share: a record shown through a schema with its
personal fields masked, lazily shown rows for the pagination, and the values a write hands to a
service (choices as values, null texts as empty, named records found or 404)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from ninja import Schema

from qingshan.core.masking import mask_value


def shown_with(
    schema: type[Schema],
    record: Any,
    *,
    personal: bool,
    personal_fields: Iterable[str],
    given: dict[str, Any],
) -> dict[str, Any]:
    """``record`` as ``schema`` shows it (a field in ``given`` takes the value given), its
    ``personal_fields`` masked unless ``personal``, as the pages and exports mask them."""
    data = {name: getattr(record, name) for name in schema.model_fields if name not in given}
    data |= given
    if not personal:
        for name in set(personal_fields) & data.keys():
            if data[name] not in (None, ""):
                data[name] = mask_value(data[name])
    return data


class Shown:
    """The rows of a queryset, each shown by ``show`` when the pagination slices them."""

    def __init__(self, rows: QuerySet[Any], show: Callable[[Any], dict[str, Any]]) -> None:
        self.rows, self.show = rows, show

    def __len__(self) -> int:
        return self.rows.count()

    def __getitem__(self, part: slice) -> list[dict[str, Any]]:
        return [self.show(row) for row in self.rows[part]]


def values_of(model: type[models.Model], payload: Schema) -> dict[str, Any]:
    """The fields the request sets, as a service takes them: choices as their values, a null
    text as empty (no text column holds null; a required one refuses the empty text)."""
    texts = {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
    }
    values = {}
    for name, value in payload.dict(exclude_unset=True).items():
        if isinstance(value, Enum):
            value = value.value
        values[name] = "" if value is None and name in texts else value
    return values


def named(rows: QuerySet[Any], pk: int | None, keep: int | None = None) -> Any:
    """The record ``pk`` of ``rows`` a write names (None for none): an active one, or the one the
    record names already; 404 for any other."""
    if pk is None:
        return None
    if pk != keep:
        rows = rows.filter(archived_at__isnull=True)
    return get_object_or_404(rows, pk=pk)


def never_null(model: type[models.Model], values: dict[str, Any], *names: str) -> None:
    """Refuse a null given for a required relation (``<name>_id``), as the model refuses it."""
    for name in names:
        if f"{name}_id" in values and values[f"{name}_id"] is None:
            field = model._meta.get_field(name)
            assert isinstance(field, models.Field)
            message = field.error_messages["null"]
            raise ValidationError({f"{name}_id": [message]}, code="null")
