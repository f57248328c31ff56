"""Reads of mentoring pairs; every function takes the school(s) and runs a constant number of
queries whatever the number of rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Count, F, Max, Q, QuerySet, Value, When

from qingshan.core.models import School
from qingshan.party.enums import MentoringOutcome
from qingshan.party.models import MentoringLog, MentoringPair


def pairs(school: School) -> QuerySet[MentoringPair]:
    """The school's pairs, newest first, with their mentor and mentee, ``log_count`` and
    ``last_logged`` (the date of the latest log entry)."""
    return (
        MentoringPair.objects.for_school(school)
        .select_related("mentor", "mentee_staff", "mentee_student", "mentee_recruit")
        .annotate(log_count=Count("logs"), last_logged=Max("logs__date"))
    )


def logs(pair: MentoringPair) -> QuerySet[MentoringLog]:
    """The log of one pair, newest first."""
    return MentoringLog.objects.filter(pair=pair, school_id=pair.school_id).order_by("-date", "-pk")


def outcome_counts(*, schools: Any, start: dt.date, end: dt.date) -> dict[str, int]:
    """Outcome → number of pairs active at some time from ``start`` to ``end`` inclusive.

    A pair counts with its outcome as it stood at ``end``: one closed after the period counts
    as ongoing. Every outcome is a key (0 when none). Archived pairs are not counted. One query.
    """
    counts = dict.fromkeys(MentoringOutcome.values, 0)
    rows = (
        MentoringPair.objects.for_schools(schools)
        .active()
        .filter(start_on__lte=end)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=start))
        .annotate(
            outcome_then=Case(
                When(end_on__isnull=False, end_on__lte=end, then=F("outcome")),
                default=Value(MentoringOutcome.ONGOING),
            )
        )
        .values("outcome_then")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["outcome_then"]] = row["count"]
    return counts
