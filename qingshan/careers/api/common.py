"""What the careers API's modules share: the permissions, masking of personal fields, and
the values a write hands to a service."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from collections.abc import Callable
from enum import Enum
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Schema

from qingshan.careers.resources import PERSONAL
from qingshan.core.masking import mask_value
from qingshan.core.models import School
from qingshan.organization import selectors as organization

# --- Masking -----------------------------------------------------------------------------------


VIEW, MANAGE, PERSONAL_DATA = "careers.view", "careers.manage", "careers.view_personal"


def reads_personal(request: HttpRequest, school: School) -> bool:
    """Whether the caller reads personal fields in full at ``school``."""
    return bool(request.user.has_perm(PERSONAL_DATA, school))


def shown(schema: type[Schema], record: Any, personal: bool, **given: Any) -> dict[str, Any]:
    """``record`` as ``schema`` shows it (a field ``given`` takes the value given), its personal
    fields masked unless ``personal``."""
    data = {name: getattr(record, name) for name in schema.model_fields if name not in given}
    data |= given
    if not personal:
        for name in PERSONAL & data.keys():
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


# --- Writes' values ----------------------------------------------------------------------------


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


def majors_named(school: School, pks: list[int] | None, keep: frozenset[int] = frozenset()) -> Any:
    """The school's majors ``pks`` (active, or covered already); 404 if one is not found."""
    if pks is None:
        return []
    wanted = set(pks)
    found = list(
        organization.majors(school).filter(
            Q(archived_at__isnull=True) | Q(pk__in=keep), pk__in=wanted
        )
    )
    if len(found) != len(wanted):
        raise Http404
    return found
