"""QR slips of every class of a campaign in one file, built in the background.

The file holds the raters' one-time keys, which are never stored readable: it is kept sealed
(``core.sealing``, purpose ``slips``) until it is downloaded, once, and is then deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.evaluations.enums import SlipBatchStatus


class SlipBatch(SchoolOwned):
    campaign = models.ForeignKey(
        "evaluations.Campaign",
        on_delete=models.CASCADE,
        related_name="slip_batches",
        verbose_name=_("campaign"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked for by"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SlipBatchStatus.choices,
        default=SlipBatchStatus.WAITING,
    )
    link_base = models.CharField(_("address of the rating page"), max_length=200)
    classes_total = models.PositiveIntegerField(_("classes"), default=0)
    classes_done = models.PositiveIntegerField(_("classes done"), default=0)
    slips = models.PositiveIntegerField(_("slips"), default=0)
    sealed_file = models.FileField(
        _("sealed file"), upload_to="evaluations/slips/", blank=True, editable=False
    )
    problem = models.CharField(_("problem"), max_length=300, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("batch of QR slips")
        verbose_name_plural = _("batches of QR slips")
        ordering = ["school", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.get_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("evaluations:slip_batch", args=[self.campaign_id, self.pk])

    @property
    def percent(self) -> int:
        """How far the building has come, in whole percent."""
        if self.status in (SlipBatchStatus.READY, SlipBatchStatus.COLLECTED):
            return 100
        return self.classes_done * 100 // self.classes_total if self.classes_total else 0

    @property
    def in_progress(self) -> bool:
        return self.status in (SlipBatchStatus.WAITING, SlipBatchStatus.BUILDING)
