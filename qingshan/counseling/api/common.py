"""What the counseling API's modules share: its two permissions, the school a call works on,
the caller's staff record, and times given without an offset read on the school's clock."""

# No "from __future__ import annotations": ninja reads the schema classes from the annotations.
import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from qingshan.core.access import access_of
from qingshan.core.api import api_school
from qingshan.core.models import School
from qingshan.organization.models import Staff
from qingshan.organization.selectors import staff_of_user

SCREEN, CASES = "counseling.screen", "counseling.cases"


def school_of(
    request: HttpRequest, permission: str, slug: str | None, *, write: bool = False
) -> School:
    """The school the call works on, where the caller holds ``permission`` (403 otherwise); a
    write is also refused where the caller only reads (an authority viewer's school)."""
    school = api_school(request, permission, slug)
    if write and access_of(request).is_read_only_at(school):
        raise PermissionDenied
    return school


def acting_staff(request: HttpRequest, school: School) -> Staff:
    """The caller's active staff record at ``school``: a counselor acts under it (403 for a
    caller who has none)."""
    staff = staff_of_user(school=school, user=request.user)
    if staff is None:
        raise PermissionDenied
    return staff


def on_school_clock(value: dt.datetime) -> dt.datetime:
    """``value`` as an aware time on the school's clock (its ``date()`` is the school's day): one
    sent without an offset is the school's local time, one with an offset is converted."""
    return timezone.make_aware(value) if timezone.is_naive(value) else timezone.localtime(value)
