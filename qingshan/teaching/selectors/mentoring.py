"""Reads of the teacher mentoring pairs and their meetings, scoped by school."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from qingshan.core.models import School
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import MentoringMeeting, Mentorship, Observation


def mentorships(school: School) -> QuerySet[Mentorship]:
    return Mentorship.objects.for_school(school).select_related("mentor", "mentee", "term")


def mentoring_meetings(school: School) -> QuerySet[MentoringMeeting]:
    return MentoringMeeting.objects.for_school(school).select_related(
        "mentorship__mentor", "mentorship__mentee", "mentorship__term"
    )


def observations_between(pair: Mentorship) -> int:
    """Submitted lesson observations of one of the pair by the other, either way, held within
    the pair's term."""
    return (
        Observation.objects.for_schools([pair.school_id])
        .filter(
            Q(observer_id=pair.mentor_id, teacher_id=pair.mentee_id)
            | Q(observer_id=pair.mentee_id, teacher_id=pair.mentor_id),
            status=ObservationStatus.SUBMITTED,
            observed_on__gte=pair.term.start_date,
            observed_on__lte=pair.term.end_date,
        )
        .count()
    )
