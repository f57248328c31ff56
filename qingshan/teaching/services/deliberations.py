"""Writes of lesson deliberations (议课) and the closing of a shadowing follow-up with the
observations made under it.

Invariants: a deliberation gathers submitted observations of one teacher's lesson on one day,
each in at most one deliberation; a follow-up closed here gets one record per submitted
observation made under it (written through the evaluations app's services, so its own rules
hold) and is then closed with the outcome, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.services import validate_record
from qingshan.evaluations.models import FollowUp
from qingshan.evaluations.services.followups import add_follow_up_record, close_follow_up
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Deliberation, Observation, ResearchGroup


@transaction.atomic
def record_deliberation(
    *,
    school: School,
    observations: Sequence[Observation],
    held_on: dt.date,
    conclusion: str,
    group: ResearchGroup | None = None,
) -> Deliberation:
    # Locks the observations so that two leaders cannot gather the same lesson into two
    # deliberations at once.
    locked = list(
        Observation.objects.select_for_update(of=("self",))
        .filter(school=school, pk__in=[observation.pk for observation in observations])
        .order_by("pk")
    )
    if not locked:
        raise DomainError(_("Choose the observations of the lesson."), code="empty")
    if any(observation.status != ObservationStatus.SUBMITTED for observation in locked):
        raise DomainError(_("Only submitted observations are talked over."), code="draft")
    lessons = {(observation.teacher_id, observation.observed_on) for observation in locked}
    if len(lessons) > 1:
        raise DomainError(
            _("The observations are of one teacher's lesson on one day."), code="lessons"
        )
    if any(observation.deliberation_id is not None for observation in locked):
        raise DomainError(_("An observation chosen is talked over already."), code="taken")
    first = locked[0]
    if held_on < first.observed_on:
        raise DomainError({"held_on": _("A lesson is talked over after it is given.")}, code="day")
    if not conclusion.strip():
        raise DomainError({"conclusion": _("Write the conclusion.")}, code="conclusion")
    deliberation = Deliberation(
        school=school,
        teacher=first.teacher,
        held_on=held_on,
        topic=first.topic,
        group=group,
        conclusion=conclusion.strip(),
    )
    validate_record(deliberation)
    deliberation.save()
    Observation.objects.filter(pk__in=[observation.pk for observation in locked]).update(
        deliberation=deliberation
    )
    return deliberation


def _evidence_note(observation: Observation) -> str:
    return _(
        "Observed %(teacher)s's lesson “%(topic)s” (%(periods)s periods), scored %(total)s; "
        "observation record no. %(pk)s."
    ) % {
        "teacher": observation.teacher,
        "topic": observation.topic,
        "periods": observation.periods,
        "total": observation.total,
        "pk": observation.pk,
    }


@transaction.atomic
def close_with_observations(*, follow_up: FollowUp, outcome: str, closed_on: dt.date) -> FollowUp:
    """Close a shadowing follow-up with the submitted observations made under it as evidence."""
    evidence = list(
        Observation.objects.filter(follow_up=follow_up, status=ObservationStatus.SUBMITTED)
        .select_related("teacher")
        .order_by("observed_on", "pk")
    )
    if not evidence:
        raise DomainError(
            _("No submitted observation is made under this follow-up yet."), code="no_evidence"
        )
    for observation in evidence:
        add_follow_up_record(
            follow_up=follow_up, date=observation.observed_on, note=_evidence_note(observation)
        )
    return close_follow_up(follow_up=follow_up, outcome=outcome, closed_on=closed_on)
