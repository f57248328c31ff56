"""What the careers API's modules share: the permissions, masking of personal fields, and
the values a write hands to a service."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Schema

from qingshan.careers.resources import PERSONAL
from qingshan.core.api_rows import Shown, named, shown_with, values_of
from qingshan.core.models import School
from qingshan.organization import selectors as organization

__all__ = [
    "Shown",
    "named",
    "reads_personal",
    "shown",
    "values_of",
]

# --- Masking -----------------------------------------------------------------------------------


VIEW, MANAGE, PERSONAL_DATA = "careers.view", "careers.manage", "careers.view_personal"


def reads_personal(request: HttpRequest, school: School) -> bool:
    """Whether the caller reads personal fields in full at ``school``."""
    return bool(request.user.has_perm(PERSONAL_DATA, school))


def shown(schema: type[Schema], record: Any, personal: bool, **given: Any) -> dict[str, Any]:
    """``record`` as ``schema`` shows it, its personal fields (``resources.PERSONAL``) masked
    unless ``personal`` (``core.api_rows.shown_with``)."""
    return shown_with(schema, record, personal=personal, personal_fields=PERSONAL, given=given)


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
