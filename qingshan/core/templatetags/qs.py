"""Template helpers for showing records generically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

from qingshan.core.masking import MASKED_FIELDS, mask_value
from qingshan.core.numbers import figure_text, part_text
from qingshan.core.records import may_write

register = template.Library()


@register.simple_tag
def field_label(model: Any, name: str) -> Any:
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


@register.simple_tag
def column_label(resource: Any, name: str) -> Any:
    """A record list's column heading (``core.records.Resource.column_label``)."""
    return resource.column_label(name)


@register.simple_tag
def field_value(record: Any, name: str, mask: bool | Collection[str] = False) -> Any:
    """A record's field as a person reads it: choice labels, 是/否, local dates, "—" when empty.

    ``mask`` names the fields that show only their ends (a record type's personal fields for a
    reader without the right to them); ``True`` stands for the identifiers every type masks.
    """
    masked = MASKED_FIELDS if mask is True else (mask or ())
    try:
        field = record._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is not None and getattr(field, "choices", None):
        value = getattr(record, f"get_{name}_display")()
    else:
        value = getattr(record, name, None)
    if value is None or value == "":
        return "—"
    if name in masked:
        return mask_value(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, models.Manager):
        return ", ".join(str(item) for item in value.all())
    return value


@register.simple_tag(takes_context=True)
def cell_url(context: Any, record: Any, name: str, first: bool = False) -> str:
    """Where a cell links to: the record it names when the user may read that record's app (a
    course's party group is plain text to a teacher), or (first column) the row's own record."""
    value = getattr(record, name, None)
    if isinstance(value, models.Model) and hasattr(value, "get_absolute_url"):
        readable = _may_read(context, f"{value._meta.app_label}.view")
        return value.get_absolute_url() if readable else ""
    if first and hasattr(record, "get_absolute_url"):
        return record.get_absolute_url()
    return ""


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced (for paging and sorting links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``mapping[key]`` in a template, or "" when missing."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def pairs(mapping: Any) -> list[tuple[Any, Any]]:
    """``mapping.items()`` in a template, safe when the mapping has a key named "items"."""
    return list(mapping.items()) if hasattr(mapping, "items") and callable(mapping.items) else []


@register.filter
def getlist(querydict: Any, key: str) -> list[Any]:
    return querydict.getlist(key) if hasattr(querydict, "getlist") else []


@register.filter
def index(sequence: Any, position: int) -> Any:
    try:
        return sequence[position]
    except (IndexError, TypeError, KeyError):
        return ""


@register.filter
def localized_labels(question: Any) -> list[str]:
    return question.localized(question.labels)


@register.filter
def localized_options(question: Any) -> list[str]:
    return question.localized(question.options)


@register.filter
def figure_value(value: Any, unit: str) -> str:
    """A figure's value as tables show it (``core.numbers``)."""
    return figure_text(value, unit)


@register.simple_tag
def part_label(figure: Any, key: str) -> Any:
    """The name of a figure's breakdown entry."""
    return figure.part_label(key)


@register.filter
def part_value(value: Any) -> str:
    """A breakdown entry's number: grouped, with two decimals only when it has some."""
    return part_text(value)


def _may_read(context: Any, permission: str) -> bool:
    request = context.get("request")
    school = getattr(request, "school", None)
    return request is not None and school is not None and request.user.has_perm(permission, school)


@register.simple_tag(name="may_read", takes_context=True)
def may_read_tag(context: Any, permission: str) -> bool:
    """Whether the reader holds ``permission`` at the request's school (a link to a page that
    needs it, say)."""
    return _may_read(context, permission)


@register.simple_tag(name="may_write", takes_context=True)
def may_write_tag(context: Any, permission: str) -> bool:
    """``core.records.may_write`` at the request's school, for a page offering what needs
    ``permission`` (a link to an import page, say)."""
    request = context.get("request")
    school = getattr(request, "school", None)
    return request is not None and school is not None and may_write(request, permission, school)


@register.simple_tag
def own_language_names() -> list[tuple[str, str]]:
    """The languages to switch to, each named in its own language (``settings.LANGUAGES``).

    Django's ``get_available_languages`` translates the names into the page's language, so that
    a Chinese page offered 「英语」 where an English one offered "English"."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]
