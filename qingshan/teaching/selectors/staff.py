"""Reads of the teaching-research groups and the teachers' profiles."""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.teaching.models import ResearchGroup, TeacherProfile


def research_groups(school: School) -> QuerySet[ResearchGroup]:
    return ResearchGroup.objects.for_school(school).active().select_related("leader")


def profiles(school: School) -> QuerySet[TeacherProfile]:
    return TeacherProfile.objects.for_school(school).select_related("staff", "group")
