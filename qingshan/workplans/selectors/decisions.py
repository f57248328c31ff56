"""Reads of the supervision view (督办): each decision's progress down the tiers and what is overdue."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from qingshan.core.models import School
from qingshan.workplans.enums import CLOSED_TASK_STATUSES, TaskStatus, Tier
from qingshan.workplans.models import Decision, DecisionMeeting, Task


def meetings(school: School) -> QuerySet[DecisionMeeting]:
    return DecisionMeeting.objects.for_school(school)


def all_decisions(school: School) -> QuerySet[Decision]:
    """The school's decisions as stored (nothing joined or counted)."""
    return Decision.objects.for_school(school)


def decisions(school: School, status: str | None = None) -> QuerySet[Decision]:
    """The school's decisions (only those of ``status`` when given) with their meeting,
    ``task_count`` and ``closed_count``, latest meeting first."""
    closed = Q(tasks__status__in=CLOSED_TASK_STATUSES)
    found = all_decisions(school)
    if status is not None:
        found = found.filter(status=status)
    return (
        found.select_related("meeting")
        .annotate(
            task_count=Count("tasks", distinct=True),
            closed_count=Count("tasks", filter=closed, distinct=True),
        )
        .order_by("-meeting__held_on", "-pk")
    )


def decisions_with_tasks(school: School) -> QuerySet[Decision]:
    """The school's decisions with their tasks fetched alongside, latest first (for the API)."""
    return all_decisions(school).prefetch_related("tasks").order_by("-pk")


def decision_with_tasks(school: School, pk: int) -> Decision:
    return (
        Decision.objects.for_school(school)
        .select_related("meeting")
        .prefetch_related(
            Prefetch(
                "tasks",
                # may_report reads each task's school, owner and its department's head
                queryset=Task.objects.select_related(
                    "school", "department__head", "grade_team", "owner", "parent"
                ).order_by("deadline", "pk"),
            )
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class TierProgress:
    tier: str
    label: str
    total: int
    closed: int
    overdue: int


def tier_progress(decision: Decision, today: datetime.date) -> list[TierProgress]:
    tasks = list(decision.tasks.all())
    result = []
    for tier in Tier:
        own = [task for task in tasks if task.tier == tier]
        result.append(
            TierProgress(
                tier=tier.value,
                label=str(tier.label),
                total=len(own),
                closed=sum(1 for task in own if task.is_closed),
                overdue=sum(1 for task in own if task.is_overdue(today)),
            )
        )
    return result


def tasks_for_reporting(school: School) -> QuerySet[Task]:
    """The school's tasks with their decision, the department's head and the owner (what
    ``services.may_report`` reads)."""
    return Task.objects.for_school(school).select_related("decision", "department__head", "owner")


def overdue_tasks(school: School, today: datetime.date) -> QuerySet[Task]:
    return (
        Task.objects.for_school(school)
        .filter(status=TaskStatus.OPEN, deadline__lt=today)
        .select_related("decision", "department", "grade_team", "owner")
        .order_by("deadline", "pk")
    )


def tasks_for_user(school: School, user: Any) -> QuerySet[Task]:
    """Open tasks the user carries: as their owner or as head of their department."""
    return (
        Task.objects.for_school(school)
        .filter(status=TaskStatus.OPEN)
        .filter(Q(owner__user=user) | Q(department__head__user=user))
        .select_related("decision", "department", "grade_team", "owner")
        .order_by("deadline", "pk")
    )
