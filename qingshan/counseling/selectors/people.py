"""The staff or student record of a signed-in user at a school."""

from __future__ import annotations

from typing import Any

from qingshan.core.models import School
from qingshan.organization.models import Staff, Student


def staff_of(school: School, user: Any) -> Staff | None:
    if not user.is_authenticated:
        return None
    return Staff.objects.for_school(school).active().filter(user=user).first()


def student_of(school: School, user: Any) -> Student | None:
    if not user.is_authenticated:
        return None
    return (
        Student.objects.for_school(school).filter(user=user).select_related("school_class").first()
    )
