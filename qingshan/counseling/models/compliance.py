"""What the yearly pack on minors' personal information reports besides the inventory: the
purges of closed cases and the personal-information incidents the school recorded."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.counseling.enums import IncidentKind


class Purge(SchoolOwned):
    """A closed case whose retention ran out and whose rows were deleted."""

    case_number = models.CharField(_("case number"), max_length=20)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"))
    purged_at = models.DateTimeField(_("purged at"))
    rows = models.PositiveIntegerField(_("rows deleted"))
    # What the yearly figures count of a case, kept so that they do not change with a purge.
    sessions = models.JSONField(_("sessions held by day"), default=list, blank=True)
    referrals = models.JSONField(_("hospital referrals by day"), default=list, blank=True)
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("purged by"),
        help_text=_("Empty: the scheduled retention run."),
    )

    class Meta:
        verbose_name = _("purge")
        verbose_name_plural = _("purges")
        ordering = ["school", "-purged_at"]

    def __str__(self) -> str:
        return self.case_number


class Incident(SchoolOwned):
    """A personal-information incident (leak, loss, access by someone not entitled)."""

    kind = models.CharField(_("kind"), max_length=8, choices=IncidentKind.choices)
    occurred_on = models.DateField(_("occurred on"))
    found_on = models.DateField(_("found on"))
    description = models.TextField(_("what happened"))
    people_affected = models.PositiveIntegerField(_("people affected"), default=0)
    minors_affected = models.PositiveIntegerField(_("minors affected"), default=0)
    measures = models.TextField(_("measures taken"), blank=True)
    reported_on = models.DateField(_("reported to the authority on"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal-information incident")
        verbose_name_plural = _("personal-information incidents")
        ordering = ["school", "-occurred_on"]

    def __str__(self) -> str:
        return f"{self.occurred_on} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("counseling:incident_detail", args=[self.pk])
