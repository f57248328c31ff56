"""Roll changes (学籍异动): a request with its reason and evidence, its approval by the school
(and for some kinds the bureau's reply), and the enrolments it closed and opened.

A move names its target class only: the track and major it moves to are the class's, never
stored apart from it.

Invariants: a change moves requested → done, or requested → awaiting the bureau → done, or to
refused or withdrawn from either open state; the target fields that its kind needs are set (checked
in ``services.changes``); status, decisions and the bureau's reply are written by the services
only. A done change is never edited: a mistake is mended by another change.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.students.enums import ChangeKind, ChangeStatus, Programme
from qingshan.students.models.enrolments import MAX_LENGTH, MIN_LENGTH


class RollChange(SchoolOwned):
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="roll_changes",
        verbose_name=_("student"),
    )
    kind = models.CharField(_("kind of change"), max_length=16, choices=ChangeKind.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ChangeStatus.choices,
        default=ChangeStatus.REQUESTED,
        editable=False,
    )
    effective_on = models.DateField(_("takes effect on"))
    reason = models.CharField(_("reason"), max_length=300)
    evidence = models.FileField(_("evidence"), upload_to="students/changes/%Y/", blank=True)
    to_programme = models.CharField(
        _("to the programme"), max_length=16, choices=Programme.choices, blank=True
    )
    to_class = models.ForeignKey(
        "organization.SchoolClass",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to the class"),
    )
    to_length_years = models.PositiveSmallIntegerField(
        _("to the length of schooling (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_LENGTH), MaxValueValidator(MAX_LENGTH)],
    )
    other_school = models.CharField(
        _("the other school"),
        max_length=100,
        blank=True,
        help_text=_("For a transfer: the school the student comes from or goes to."),
    )
    certificate_no = models.CharField(_("graduation certificate number"), max_length=40, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("requested by"),
    )
    requested_on = models.DateField(_("requested on"), editable=False)
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
        pgettext_lazy("roll change", "decided on"), null=True, blank=True, editable=False
    )
    refusal = models.CharField(_("reason for refusal"), max_length=200, blank=True, editable=False)
    bureau_reference = models.CharField(
        _("the bureau's reply (document number)"), max_length=60, blank=True, editable=False
    )
    bureau_approved_on = models.DateField(
        _("approved by the bureau on"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("roll change")
        verbose_name_plural = _("roll changes")
        ordering = ["school", "-effective_on", "-pk"]
        indexes = [
            models.Index(fields=["school", "status", "effective_on"], name="rollchange_status"),
            models.Index(fields=["school", "kind", "effective_on"], name="rollchange_kind"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "certificate_no"],
                condition=~models.Q(certificate_no=""),
                name="rollchange_unique_certificate",
                violation_error_message=_("This certificate number was given to another graduate."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.get_kind_display()} · {self.effective_on}"

    def get_absolute_url(self) -> str:
        return reverse("students:change_detail", args=[self.pk])


class CreditTransfer(SchoolOwned):
    """A course the student passed, accepted (or not) on a change of track or major (学分互认)."""

    change = models.ForeignKey(
        RollChange, on_delete=models.CASCADE, related_name="credits", verbose_name=_("change")
    )
    course = models.CharField(_("course passed"), max_length=60)
    credits = models.DecimalField(
        _("credits"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    accepted_as = models.CharField(
        _("accepted as the course"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty when the course is not accepted."),
    )

    class Meta:
        verbose_name = _("credit carried over")
        verbose_name_plural = _("credits carried over")
        ordering = ["school", "change", "course"]
        constraints = [
            models.UniqueConstraint(
                fields=["change", "course"],
                name="credittransfer_once_per_course",
                violation_error_message=_("This course is on the change already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} → {self.accepted_as or '—'}"

    @property
    def accepted(self) -> bool:
        return bool(self.accepted_as)
