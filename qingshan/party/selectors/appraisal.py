"""Reads of the democratic appraisal; every function takes the school(s) and runs a constant
number of queries whatever the number of rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from qingshan.core.models import School
from qingshan.party.enums import AppraisalGrade, AppraisalStatus
from qingshan.party.models import AppraisalEntry, AppraisalRound


def appraisals(school: School) -> QuerySet[AppraisalRound]:
    """The school's appraisals, newest year first, with ``entry_count`` and ``graded_count``."""
    return (
        AppraisalRound.objects.for_school(school)
        .select_related("branch")
        .annotate(
            entry_count=Count("entries"),
            graded_count=Count("entries", filter=~Q(entries__grade="")),
        )
    )


def entries(round: AppraisalRound) -> QuerySet[AppraisalEntry]:
    """The members of one appraisal with their member record, by name."""
    return AppraisalEntry.objects.filter(round=round, school_id=round.school_id).select_related(
        "member"
    )


def grade_counts(*, schools: Any, year: int) -> dict[str, int]:
    """Grade → number of members given it in the closed appraisals of ``year`` of ``schools``.

    Every grade is a key (0 when none); probationary members, who get no grade, are not counted.
    """
    counts = dict.fromkeys(AppraisalGrade.values, 0)
    rows = (
        AppraisalEntry.objects.for_schools(schools)
        .filter(
            round__year=year,
            round__status=AppraisalStatus.CLOSED,
            round__archived_at__isnull=True,
        )
        .exclude(grade="")
        .values("grade")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["grade"]] = row["count"]
    return counts
