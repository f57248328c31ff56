"""The case file: referral, appointments and sessions, referral to a hospital and the return to
school, the crisis protocol, closure.

Confidential by construction (docs/counseling.md):
- every note (the concern, session notes, the hospital's reasons and follow-up, the return plan,
  crisis notes, the closing summary) is a sealed value (``core.sealing``): the database, its
  logs and its backups hold only ciphertext, and no model method opens it; only
  ``selectors.cases`` does, for the case's counselors, and every such read is logged;
- a case's ``__str__`` is its number, never the student's name, so the audit log and any list
  that names the record name no student;
- a closed case is kept until ``retain_until`` and then purged (``services.retention``): its rows
  are deleted and one ``Purge`` row says so.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.counseling.enums import CaseState, CrisisStep, ReadReason, SessionKind, Source
from qingshan.counseling.models.screening import Alert


class Case(SchoolOwned):
    number = models.CharField(_("case number"), max_length=20)
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("student"),
    )
    source = models.CharField(_("referred by"), max_length=16, choices=Source.choices)
    alert = models.ForeignKey(
        Alert,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("alert"),
    )
    opened_on = models.DateField(_("opened on"))
    state = models.CharField(
        pgettext_lazy("counseling", "state"),
        max_length=10,
        choices=CaseState.choices,
        default=CaseState.OPEN,
    )
    counselors = models.ManyToManyField(
        "organization.Staff", related_name="+", verbose_name=_("counselors")
    )
    at_risk = models.BooleanField(_("risk of harm"), default=False)
    concern_sealed = models.BinaryField(_("concern (sealed)"), editable=False, default=b"")
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_sealed = models.BinaryField(_("closing summary (sealed)"), editable=False, default=b"")
    retain_until = models.DateField(_("kept until"), null=True, blank=True)

    class Meta:
        verbose_name = _("counseling case")
        verbose_name_plural = _("counseling cases")
        ordering = ["school", "-opened_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "number"],
                name="case_unique_number",
                violation_error_message=_("A case with this number exists already."),
            )
        ]
        indexes = [models.Index(fields=["school", "state", "retain_until"], name="case_retention")]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("counseling:case_detail", args=[self.pk])


class Session(SchoolOwned):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=SessionKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    minutes = models.PositiveSmallIntegerField(pgettext_lazy("counseling", "minutes"), default=50)
    attended = models.BooleanField(_("attended"), null=True)
    counselor = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counselor"),
    )
    notes_sealed = models.BinaryField(_("notes (sealed)"), editable=False, default=b"")

    class Meta:
        verbose_name = _("counseling session")
        verbose_name_plural = _("counseling sessions")
        ordering = ["case", "starts_at"]

    def __str__(self) -> str:
        return f"{self.case} · {self.starts_at:%Y-%m-%d %H:%M}"


class HospitalReferral(SchoolOwned):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("case")
    )
    hospital = models.CharField(_("hospital"), max_length=80)
    referred_on = models.DateField(_("referred on"))
    reason_sealed = models.BinaryField(_("reason (sealed)"), editable=False, default=b"")
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_sealed = models.BinaryField(_("follow-up (sealed)"), editable=False, default=b"")
    returned_on = models.DateField(_("back at school on"), null=True, blank=True)
    return_plan_sealed = models.BinaryField(
        _("plan for the return (sealed)"), editable=False, default=b""
    )

    class Meta:
        verbose_name = _("referral to a hospital")
        verbose_name_plural = _("referrals to a hospital")
        ordering = ["case", "referred_on"]

    def __str__(self) -> str:
        return f"{self.case} · {self.referred_on}"


class CrisisAction(SchoolOwned):
    """One step of the crisis protocol, with its time: the one documented exception to
    confidentiality (the guardian and the leaders are told)."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="crisis_actions", verbose_name=_("case")
    )
    step = models.CharField(_("step"), max_length=10, choices=CrisisStep.choices)
    done_at = models.DateTimeField(_("done at"))
    done_by = models.ForeignKey(
        "organization.Staff", on_delete=models.PROTECT, related_name="+", verbose_name=_("done by")
    )
    note_sealed = models.BinaryField(_("note (sealed)"), editable=False, default=b"")

    class Meta:
        verbose_name = _("crisis protocol step")
        verbose_name_plural = _("crisis protocol steps")
        ordering = ["case", "done_at"]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_step_display()}"


class CaseRead(SchoolOwned):
    """Who opened which case, when and why; kept after the case is purged."""

    case = models.ForeignKey(
        Case,
        null=True,
        on_delete=models.SET_NULL,
        related_name="reads",
        verbose_name=_("case"),
    )
    case_number = models.CharField(_("case number"), max_length=20)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("counseling", "read by"),
    )
    reader_name = models.CharField(_("reader"), max_length=60)
    read_at = models.DateTimeField(pgettext_lazy("counseling", "read at"))
    reason = models.CharField(_("why"), max_length=12, choices=ReadReason.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    break_glass = models.BooleanField(_("break-glass read"), default=False)

    class Meta:
        verbose_name = _("case read")
        verbose_name_plural = _("case reads")
        ordering = ["school", "-read_at"]
        indexes = [models.Index(fields=["school", "read_at"], name="caseread_school_time")]

    def __str__(self) -> str:
        return f"{self.case_number} · {self.reader_name}"
