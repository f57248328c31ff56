"""Reads of the teaching-research groups and the teacher profiles, scoped by school."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.organization.models import Staff
from qingshan.teaching.models import ResearchGroup, TeacherProfile


def research_groups(school: School) -> QuerySet[ResearchGroup]:
    return ResearchGroup.objects.for_school(school).select_related("leader")


def teacher_profiles(school: School) -> QuerySet[TeacherProfile]:
    return TeacherProfile.objects.for_school(school).select_related("staff", "group")


def staff_of_user(*, school: School, user: Any) -> Staff | None:
    """The user's staff record at the school, if they have one and have not left."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Staff.objects.for_school(school).filter(user=user, left_on__isnull=True).first()
