"""The school's rules for roll changes: in which window of a term each kind may take effect and
who approves it (学籍异动的时限与审批).

Invariants: one rule per school and change kind; a school that has not saved a rule reads the
defaults of its province (``PROVINCE_DEFAULTS``, then ``NATIONAL_DEFAULTS``), so nothing here is a
constant of the code that a school cannot change.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.students.enums import Approver, ChangeKind


class ChangeRule(SchoolOwned):
    kind = models.CharField(_("kind of change"), max_length=16, choices=ChangeKind.choices)
    window_days = models.PositiveSmallIntegerField(
        _("allowed in the first days of a term"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Leave empty when this change may take effect on any day of a term."),
    )
    approver = models.CharField(
        _("approved by"), max_length=16, choices=Approver.choices, default=Approver.SCHOOL
    )

    class Meta:
        verbose_name = _("roll-change rule")
        verbose_name_plural = _("roll-change rules")
        ordering = ["school", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "kind"],
                name="changerule_once_per_kind",
                violation_error_message=_("This kind of change has its rule already."),
            )
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def get_absolute_url(self) -> str:
        return reverse("students:changerule_detail", args=[self.pk])
