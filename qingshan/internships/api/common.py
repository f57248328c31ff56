"""What the internships API's modules share: the permissions, masking of personal fields, and
the values a write hands to a service."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
from typing import Any

from django.http import HttpRequest
from ninja import Schema

from qingshan.core.api_rows import Shown, named, never_null, shown_with, values_of
from qingshan.core.models import School
from qingshan.internships.resources import PERSONAL

__all__ = [
    "Shown",
    "named",
    "never_null",
    "reads_personal",
    "shown",
    "values_of",
]

# --- Masking -----------------------------------------------------------------------------------


VIEW, MANAGE, PERSONAL_DATA = "internships.view", "internships.manage", "internships.view_personal"


def reads_personal(request: HttpRequest, school: School) -> bool:
    """Whether the caller reads personal fields in full at ``school``."""
    return bool(request.user.has_perm(PERSONAL_DATA, school))


def shown(schema: type[Schema], record: Any, personal: bool, **given: Any) -> dict[str, Any]:
    """``record`` as ``schema`` shows it, its personal fields (``resources.PERSONAL``) masked
    unless ``personal`` (``core.api_rows.shown_with``)."""
    return shown_with(schema, record, personal=personal, personal_fields=PERSONAL, given=given)
