"""The vocabulary of the work system: lines, stages, tiers, gap kinds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Line(models.TextChoices):
    """三同步: every plan item belongs to the party line or the teaching-management line."""

    PARTY = "party", _("party work")
    TEACHING = "teaching", _("teaching and management")

    @property
    def other(self) -> Line:
        return Line.TEACHING if self is Line.PARTY else Line.PARTY


class Stage(models.TextChoices):
    """How far an item has come: planned → arranged (owner and date set) → implemented (done)."""

    PLANNED = "planned", _("planned")
    ARRANGED = "arranged", _("arranged")
    DONE = "done", _("implemented")


class Filing(models.TextChoices):
    """The three filings of the work cycle."""

    PLAN = "plan", _("monthly plan")
    SUMMARY = "summary", _("month-end summary")
    WEEKLY = "weekly", _("weekly status")


class FilingState(models.TextChoices):
    ON_TIME = "on_time", _("filed on time")
    LATE = "late", _("filed late")
    MISSING = "missing", _("overdue, not filed")
    PENDING = "pending", _("not yet due")
    NOT_OWED = "not_owed", _("not owed (outside the school's terms)")


class Tier(models.TextChoices):
    """一级双轨三层: the school decides, departments implement, grade teams or people execute."""

    IMPLEMENTATION = "implementation", _("implementation (department)")
    EXECUTION = "execution", _("execution (grade team or person)")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    EXPLAINED = "explained", _("closed with an explanation")


CLOSED_TASK_STATUSES = (TaskStatus.DONE, TaskStatus.EXPLAINED)


class DecisionStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class PlaceKind(models.TextChoices):
    BUILDING = "building", _("building")
    GRADE_TEAM = "grade_team", _("grade team")
    FARM = "farm", _("farm or base")
    OTHER = "other", _("other")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class GapKind(models.TextChoices):
    """哨位: "no blank, no blind zone, no time gap", and nobody in two places or on leave."""

    BLANK = "blank", _("blank: a post without a person")
    BLIND_ZONE = "blind_zone", _("blind zone: a place no post of the line covers")
    TIME_GAP = "time_gap", _("time gap: a time slot the post leaves uncovered")
    DOUBLE_BOOKED = "double_booked", _("one person in two cells at the same time")
    ON_LEAVE = "on_leave", _("on post while on leave")
