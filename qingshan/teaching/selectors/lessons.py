"""Reads of the lesson events, scoped by school."""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.teaching.models import LessonEvent


def lesson_events(school: School) -> QuerySet[LessonEvent]:
    return LessonEvent.objects.for_school(school).select_related("teacher", "commendation")
