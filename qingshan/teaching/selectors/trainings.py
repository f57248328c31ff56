"""Reads of the training records, scoped by school."""

from __future__ import annotations

from django.db.models import QuerySet

from qingshan.core.models import School
from qingshan.teaching.models import TrainingRecord


def training_records(school: School) -> QuerySet[TrainingRecord]:
    return TrainingRecord.objects.for_school(school).select_related("teacher", "decided_by")
