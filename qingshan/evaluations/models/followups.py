"""Follow-up of a person below the bar: shadowing classes, an improvement plan or a written review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus


class FollowUp(SchoolOwned):
    target = models.ForeignKey(
        "evaluations.Target",
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("rated"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FollowUpKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    plan = models.TextField(_("what is to be done"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["school", "status", "deadline"]

    def __str__(self) -> str:
        return f"{self.target} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("evaluations:followup_detail", args=[self.pk])


class FollowUpRecord(SchoolOwned):
    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="records", verbose_name=_("follow-up")
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("what was done"))
    attachment = models.FileField(
        _("attachment"), upload_to="evaluations/followups/%Y/", blank=True
    )

    class Meta:
        verbose_name = _("follow-up record")
        verbose_name_plural = _("follow-up records")
        ordering = ["school", "follow_up", "date"]

    def __str__(self) -> str:
        return f"{self.follow_up} · {self.date}"
