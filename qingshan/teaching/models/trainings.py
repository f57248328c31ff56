"""Training, further study and enterprise practice of the school's teachers.

Invariants: a record moves requested → approved → done, or requested → refused; it ends on or
after it starts; only records marked done count towards hours and months of practice.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.teaching.enums import TrainingKind, TrainingStatus


class TrainingRecord(SchoolOwned):
    teacher = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="training_records",
        verbose_name=_("teacher"),
    )
    title = models.CharField(_("name of the training"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=TrainingKind.choices)
    organiser = models.CharField(_("organised by"), max_length=100)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, default=Decimal(0))
    certificate = models.CharField(_("certificate"), max_length=80, blank=True)
    cost = models.DecimalField(_("cost (yuan)"), max_digits=9, decimal_places=2, default=Decimal(0))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TrainingStatus.choices,
        default=TrainingStatus.REQUESTED,
        editable=False,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(
        _("approved or refused on"), null=True, blank=True, editable=False
    )
    refusal = models.CharField(_("reason for refusal"), max_length=200, blank=True, editable=False)
    evidence = models.FileField(_("evidence"), upload_to="teaching/trainings/%Y/", blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["school", "-starts_on", "title"]
        indexes = [
            models.Index(fields=["school", "teacher", "kind"], name="training_teacher_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="training_ends_after_start",
                violation_error_message=_("A training ends on or after the day it starts."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=Decimal(0), cost__gte=Decimal(0)),
                name="training_hours_cost_not_negative",
                violation_error_message=_("Hours and cost are not negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("teaching:training_detail", args=[self.pk])
