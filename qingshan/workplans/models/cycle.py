"""The work cycle: 月初部署、月末总结、每周通报 — a plan and summary per unit and month, weekly statuses.

A *unit* is a department, or the branch when ``department`` is empty.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.workplans.enums import Line, Stage


class WorkSettings(SchoolOwned):
    """Due dates and the thresholds of the "one hand hard, one hand soft" flag, per school."""

    plan_due_day = models.PositiveSmallIntegerField(
        _("monthly plan due by day of the month"), default=3
    )
    weekly_due_weekday = models.PositiveSmallIntegerField(
        _("weekly status due by weekday"), default=4, help_text=_("0 is Monday, 6 is Sunday.")
    )
    min_items_per_line = models.PositiveSmallIntegerField(
        _("fewest items a line needs in a month"), default=1
    )
    lag_points = models.PositiveSmallIntegerField(
        _("a line lags when its arranged or implemented share trails the other's by (points)"),
        default=30,
    )
    remind_by_email = models.BooleanField(_("send reminders by e-mail too"), default=True)

    class Meta:
        verbose_name = _("work-cycle settings")
        verbose_name_plural = _("work-cycle settings")
        constraints = [
            models.UniqueConstraint(fields=["school"], name="workplans_one_settings_per_school"),
            models.CheckConstraint(
                condition=Q(plan_due_day__gte=1, plan_due_day__lte=28),
                name="workplans_plan_due_day_in_month",
            ),
            models.CheckConstraint(
                condition=Q(weekly_due_weekday__lte=6), name="workplans_weekday_valid"
            ),
            models.CheckConstraint(condition=Q(lag_points__lte=100), name="workplans_lag_points"),
        ]

    def __str__(self) -> str:
        return str(_("work-cycle settings"))


class UnitRecord(SchoolOwned):
    """A record of a unit: a department, or the party branch when ``department`` is empty."""

    department = models.ForeignKey(
        "organization.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
        help_text=_("Empty for the party branch."),
    )

    class Meta:
        abstract = True

    @property
    def unit_name(self) -> str:
        return self.department.name if self.department is not None else str(_("party branch"))


class MonthlyPlan(UnitRecord):
    """A unit's month: the plan filed at the start, the summary filed at the end."""

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    plan_filed_at = models.DateTimeField(_("plan filed at"), null=True, blank=True)
    plan_filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan filed by"),
    )
    summary_text = models.TextField(_("summary"), blank=True)
    summary_filed_at = models.DateTimeField(_("summary filed at"), null=True, blank=True)
    summary_filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("summary filed by"),
    )

    class Meta:
        verbose_name = _("monthly plan")
        verbose_name_plural = _("monthly plans")
        ordering = ["-month", "department__sort_order", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "department", "month"],
                condition=Q(department__isnull=False),
                name="workplans_one_plan_per_department_month",
            ),
            models.UniqueConstraint(
                fields=["school", "month"],
                condition=Q(department__isnull=True),
                name="workplans_one_branch_plan_per_month",
            ),
        ]
        indexes = [models.Index(fields=["school", "month"])]

    def __str__(self) -> str:
        return f"{self.unit_name} {self.month:%Y-%m}"

    @property
    def is_plan_filed(self) -> bool:
        return self.plan_filed_at is not None

    @property
    def is_summary_filed(self) -> bool:
        return self.summary_filed_at is not None

    @property
    def month_end(self) -> datetime.date:
        following = (self.month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)

    def get_absolute_url(self) -> str:
        return reverse("workplans:plan_detail", args=[self.pk])


class PlanItem(SchoolOwned):
    """One line of a plan. Its stage follows from its fields (see ``stage``)."""

    plan = models.ForeignKey(
        MonthlyPlan, on_delete=models.PROTECT, related_name="items", verbose_name=_("plan")
    )
    line = models.CharField(_("line"), max_length=10, choices=Line.choices)
    title = models.CharField(_("work item"), max_length=200)
    owner = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    due_on = models.DateField(_("to be done by"), null=True, blank=True)
    serves = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="served_by",
        verbose_name=_("serves the item"),
        help_text=_("An item of the other line in the same month that this item supports."),
    )
    done_on = models.DateField(_("implemented on"), null=True, blank=True)
    evidence = models.TextField(_("evidence of implementation"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | ~Q(evidence=""),
                name="workplans_done_item_has_evidence",
                violation_error_message=_("An implemented item needs its evidence."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def stage(self) -> Stage:
        if self.done_on is not None:
            return Stage.DONE
        if self.owner_id is not None and self.due_on is not None:
            return Stage.ARRANGED
        return Stage.PLANNED


class WeeklyStatus(UnitRecord):
    """每周通报: a unit's status of the week, due by the school's weekday."""

    week_start = models.DateField(_("week beginning"), help_text=_("The Monday of the week."))
    text = models.TextField(_("status of the week"))
    filed_at = models.DateTimeField(_("filed at"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("filed by"),
    )

    class Meta:
        verbose_name = _("weekly status")
        verbose_name_plural = _("weekly statuses")
        ordering = ["-week_start", "department__sort_order", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "department", "week_start"],
                condition=Q(department__isnull=False),
                name="workplans_one_status_per_department_week",
            ),
            models.UniqueConstraint(
                fields=["school", "week_start"],
                condition=Q(department__isnull=True),
                name="workplans_one_branch_status_per_week",
            ),
        ]
        indexes = [models.Index(fields=["school", "week_start"])]

    def __str__(self) -> str:
        return f"{self.unit_name} {self.week_start:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("workplans:weeklystatus_detail", args=[self.pk])


class Reminder(UnitRecord):
    """A reminder sent for a filing that is overdue (one per unit, filing and period)."""

    filing = models.CharField(_("filing"), max_length=10)
    period_start = models.DateField(_("period"))
    recipients = models.TextField(_("sent to"), blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "department", "filing", "period_start"],
                condition=Q(department__isnull=False),
                name="workplans_one_reminder_per_department_filing",
            ),
            models.UniqueConstraint(
                fields=["school", "filing", "period_start"],
                condition=Q(department__isnull=True),
                name="workplans_one_reminder_per_branch_filing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filing} {self.period_start}"
