"""Screening campaigns, the answer sheets of students and the alerts their scores raise.

Invariants (docs/counseling.md):
- a campaign screens the students of its classes (of the whole school when it names none) with
  one scale version, within its window; a student has at most one sheet per campaign;
- a sheet's answers are sealed (``core.sealing``); its validity, scores and grade are computed
  by the service when it is handed in, never typed; an invalid sheet is not scored;
- a sheet with a grade raises one alert; a red alert is due for an interview within the
  campaign's days; an alert is followed up once, with its outcome;
- a one-time link's raw key is never stored: only its keyed hash.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.counseling.enums import CampaignState, FollowUp, Grade
from qingshan.counseling.models.scales import Scale


class Campaign(SchoolOwned):
    name = models.CharField(_("name"), max_length=80)
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("scale")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    classes = models.ManyToManyField(
        "organization.SchoolClass",
        blank=True,
        related_name="+",
        verbose_name=_("classes"),
        help_text=_("None: the whole school."),
    )
    state = models.CharField(
        pgettext_lazy("counseling", "state"),
        max_length=8,
        choices=CampaignState.choices,
        default=CampaignState.DRAFT,
    )
    red_interview_days = models.PositiveSmallIntegerField(
        _("days to interview a red alert"), default=3
    )
    orange_interview_days = models.PositiveSmallIntegerField(
        _("days to interview an orange alert"), default=14
    )
    counselor = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counselor to contact"),
    )

    class Meta:
        verbose_name = _("screening campaign")
        verbose_name_plural = _("screening campaigns")
        ordering = ["school", "-opens_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="campaign_window_ordered",
                violation_error_message=_("A campaign closes on or after the day it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("counseling:campaign_detail", args=[self.pk])


class Sheet(SchoolOwned):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        related_name="sheets",
        verbose_name=pgettext_lazy("counseling", "campaign"),
    )
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("student"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answers_sealed = models.BinaryField(_("answers (sealed)"), editable=False, default=b"")
    valid = models.BooleanField(_("valid"), null=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True, editable=False)
    grade = models.PositiveSmallIntegerField(
        pgettext_lazy("counseling", "grade"), choices=Grade.choices, null=True, blank=True
    )
    entered = models.CharField(
        _("entered"),
        max_length=8,
        choices=[("online", _("online")), ("import", _("imported from paper"))],
        default="online",
    )
    key_hash = models.CharField(_("link key hash"), max_length=64, blank=True, editable=False)
    link_expires_at = models.DateTimeField(
        _("link works until"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("answer sheet")
        verbose_name_plural = _("answer sheets")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "student"],
                name="sheet_one_per_student",
                violation_error_message=_("This student has a sheet in this campaign already."),
            )
        ]
        indexes = [models.Index(fields=["key_hash"], name="sheet_key_hash")]

    def __str__(self) -> str:
        return _("Answer sheet %(number)s") % {"number": self.pk}

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class Alert(SchoolOwned):
    sheet = models.OneToOneField(
        Sheet, on_delete=models.PROTECT, related_name="alert", verbose_name=_("answer sheet")
    )
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("student"),
    )
    grade = models.PositiveSmallIntegerField(
        pgettext_lazy("counseling", "grade"), choices=Grade.choices
    )
    raised_on = models.DateField(pgettext_lazy("counseling", "raised on"))
    due_on = models.DateField(_("interview due by"), null=True, blank=True)
    counselor = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counselor to contact"),
    )
    interviewed_on = models.DateField(_("followed up on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=FollowUp.choices, blank=True)
    followed_up_by = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("followed up by"),
    )

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["school", "-grade", "raised_on"]
        indexes = [
            models.Index(fields=["school", "interviewed_on", "grade"], name="alert_open_grade")
        ]

    def __str__(self) -> str:
        return _("Alert %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("counseling:alert_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.interviewed_on is None
