"""Reads of lesson observations, each scoped to whom may see it.

Who sees an observation (docs/teaching.md): its observer always, drafts included; once it is
submitted, the teacher observed (so a teacher sees every observer's scores of their own
lessons), the leader of that teacher's teaching-research group, and the school's leaders (the
administrator, the branch secretary, department heads). Nobody else: not other teachers, not
the county bureau, not students.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from qingshan.accounts.enums import Role
from qingshan.accounts.selectors import roles_at
from qingshan.core.models import School
from qingshan.organization.models import Staff
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Deliberation, Observation, ObservationScore
from qingshan.teaching.selectors.team import staff_of_user

LEADER_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.SECRETARY, Role.DEPARTMENT_HEAD})


def is_leader(school: School, user: Any) -> bool:
    return bool(roles_at(user, school) & LEADER_ROLES)


@dataclass(frozen=True)
class Viewer:
    """Who is looking: their staff record at the school (if any) and whether they lead it."""

    staff: Staff | None
    leader: bool

    @classmethod
    def of(cls, school: School, user: Any) -> Viewer:
        return cls(staff=staff_of_user(school=school, user=user), leader=is_leader(school, user))

    def visible(self) -> Q:
        submitted = Q(status=ObservationStatus.SUBMITTED)
        if self.leader:
            return Q(observer=self.staff) | submitted if self.staff else submitted
        if self.staff is None:
            return Q(pk__in=[])
        return Q(observer=self.staff) | (
            submitted
            & (Q(teacher=self.staff) | Q(teacher__teaching_profile__group__leader=self.staff))
        )

    def may_edit(self, observation: Observation) -> bool:
        return (
            self.staff is not None
            and observation.observer_id == self.staff.pk
            and observation.status == ObservationStatus.DRAFT
        )

    def may_reply(self, observation: Observation) -> bool:
        return (
            self.staff is not None
            and observation.teacher_id == self.staff.pk
            and observation.is_submitted
            and observation.replied_on is None
        )

    def may_mark_read(self, observation: Observation) -> bool:
        return self.leader and observation.is_submitted

    def may_deliberate(self, observation: Observation) -> bool:
        if not observation.is_submitted or observation.deliberation_id is not None:
            return False
        if self.leader:
            return True
        profile = getattr(observation.teacher, "teaching_profile", None)
        group = profile.group if profile else None
        return self.staff is not None and group is not None and group.leader_id == self.staff.pk


def observations(school: School, viewer: Viewer) -> QuerySet[Observation]:
    return (
        Observation.objects.for_school(school)
        .active()
        .filter(viewer.visible())
        .select_related("observer", "teacher", "term", "school_class", "rubric")
    )


def observation_for(school: School, viewer: Viewer, pk: int) -> Observation | None:
    return (
        observations(school, viewer)
        .select_related(
            "follow_up__target", "deliberation", "reviewed_by", "teacher__teaching_profile__group"
        )
        .filter(pk=pk)
        .first()
    )


def scores_of(observation: Observation) -> dict[int, ObservationScore]:
    return {score.item_id: score for score in observation.scores.all()}


def lesson_mates(observation: Observation, viewer: Viewer) -> QuerySet[Observation]:
    """Submitted observations of the same lesson (teacher and day) not yet talked over: what a
    deliberation of it may gather."""
    return observations(observation.school, viewer).filter(
        teacher=observation.teacher_id,
        observed_on=observation.observed_on,
        status=ObservationStatus.SUBMITTED,
        deliberation__isnull=True,
    )


def deliberation_for(school: School, viewer: Viewer, pk: int) -> Deliberation | None:
    """A deliberation, to one who may see at least one of its observations."""
    visible = observations(school, viewer).filter(deliberation=pk)
    return (
        Deliberation.objects.for_school(school)
        .filter(pk=pk, observations__in=visible)
        .select_related("teacher", "group")
        .distinct()
        .first()
    )
