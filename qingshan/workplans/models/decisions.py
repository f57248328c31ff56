"""一级双轨三层: decisions of the decision committee handed down as tasks, and their supervision (督办)."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.workplans.enums import CLOSED_TASK_STATUSES, DecisionStatus, TaskStatus, Tier


class DecisionMeeting(SchoolOwned):
    """A meeting of the decision committee."""

    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=120)
    attendees = models.TextField(_("attendees"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("decision committee meeting")
        verbose_name_plural = _("decision committee meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:decisionmeeting_detail", args=[self.pk])


class Decision(SchoolOwned):
    """A decision; it is closed only when every task below it is done or closed with a reason."""

    meeting = models.ForeignKey(
        DecisionMeeting,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("decision"), max_length=200)
    text = models.TextField(_("details"), blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-meeting__held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workplans:decision_detail", args=[self.pk])


class Task(SchoolOwned):
    """A decision's task for a department (implementation) or, under it, for a team or a person."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("decision")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("handed down from"),
    )
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    title = models.CharField(_("task"), max_length=200)
    department = models.ForeignKey(
        "organization.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    grade_team = models.ForeignKey(
        "organization.GradeTeam",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("grade team"),
    )
    owner = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    done_on = models.DateField(_("closed on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tier=Tier.IMPLEMENTATION) | Q(department__isnull=False),
                name="workplans_implementation_task_has_department",
            ),
            models.CheckConstraint(
                condition=~Q(tier=Tier.EXECUTION)
                | Q(parent__isnull=False) & (Q(grade_team__isnull=False) | Q(owner__isnull=False)),
                name="workplans_execution_task_has_parent_and_assignee",
            ),
        ]
        indexes = [models.Index(fields=["school", "status", "deadline"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_TASK_STATUSES

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_closed and self.deadline < today

    @property
    def assignee(self) -> str:
        parts = [str(part) for part in (self.department, self.grade_team, self.owner) if part]
        return " · ".join(parts)
