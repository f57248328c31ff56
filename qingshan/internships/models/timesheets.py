"""A placement's weeks: the days the student logged, the weekly journal (周志), the unit
supervisor's confirmation and ratings, and the school supervisor's review.

Invariants (docs/internships.md):
- a week starts on a Monday; a placement has one week per Monday;
- a day lies in its week; its minutes are the time from start to end (past midnight when the
  end is not later than the start) less the break, computed by the service, never typed;
- a confirmed week is not changed by the student; a confirmation is given once;
- the link's raw key is never stored: only its keyed hash (``core.sealing``).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.internships.models.placements import Placement
from qingshan.internships.models.ratings import Ratings


class Week(SchoolOwned, Ratings):
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="weeks", verbose_name=_("placement")
    )
    week_start = models.DateField(_("week of"))
    journal = models.TextField(_("weekly journal"), blank=True)
    submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.CharField(_("confirmed by"), max_length=40, blank=True)
    supervisor_comment = models.TextField(_("unit supervisor's comment"), blank=True)
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    link_expires_at = models.DateTimeField(
        _("link works until"), null=True, blank=True, editable=False
    )
    reviewed_on = models.DateField(_("journal reviewed on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(_("school supervisor's comment"), blank=True)

    class Meta:
        verbose_name = _("internship week")
        verbose_name_plural = _("internship weeks")
        ordering = ["placement", "week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "week_start"],
                name="week_one_per_monday",
                violation_error_message=_("This week is logged already."),
            ),
        ]
        indexes = [models.Index(fields=["key_hash"], name="week_key_hash")]

    def __str__(self) -> str:
        return f"{self.placement} · {self.week_start}"

    def get_absolute_url(self) -> str:
        return reverse("internships:week_detail", args=[self.pk])

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Day(SchoolOwned):
    week = models.ForeignKey(
        Week, on_delete=models.CASCADE, related_name="days", verbose_name=_("week")
    )
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("started at"))
    break_minutes = models.PositiveSmallIntegerField(
        _("break (minutes)"), default=0, validators=[MaxValueValidator(720)]
    )
    ends_at = models.TimeField(_("ended at"))
    minutes = models.PositiveSmallIntegerField(_("minutes worked"), editable=False)
    night = models.BooleanField(_("night work"), default=False, editable=False)
    overtime = models.BooleanField(_("overtime"), default=False, editable=False)
    rest_day = models.BooleanField(_("on a rest day"), default=False, editable=False)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("day worked")
        verbose_name_plural = _("days worked")
        ordering = ["week", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["week", "day"],
                name="day_one_per_date",
                violation_error_message=_("This day is logged already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)
