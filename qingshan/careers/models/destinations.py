"""Graduates' destinations (毕业去向) in the national statistics' fields, and the follow-ups that
keep them current.

Invariants (docs/careers.md):
- one destination per graduate, recorded only for a student whose graduation the students app
  has carried out (``graduated_on`` is that change's date); the graduation closes the enrolment
  there, the destination lives here, nowhere else;
- a destination of a working kind names its employer or says self-employed; a further-study or
  not-yet-employed destination carries no salary;
- a follow-up is due a whole number of months after graduation, once per destination and point;
  a link follow-up's key is stored only as a keyed hash, is used once and expires; an answered
  follow-up is never answered again.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.careers.enums import Channel, DestinationKind, FollowUpMethod, Region, Sector
from qingshan.careers.models.enterprises import Enterprise, OrderClass
from qingshan.core.models import SchoolOwned

MAX_SALARY = 200_000  # yuan a month: anything above is a typing mistake


class DestinationFields(SchoolOwned):
    """The fields a destination and a follow-up's answer share."""

    kind = models.CharField(_("destination"), max_length=16, choices=DestinationKind.choices)
    employer = models.CharField(_("employer or school"), max_length=120, blank=True)
    enterprise = models.ForeignKey(
        Enterprise,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("enterprise in the register"),
    )
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=1, choices=Sector.choices, blank=True)
    matches_major = models.BooleanField(_("job matches the major (对口)"), null=True, blank=True)
    labour_contract = models.BooleanField(_("labour contract signed"), null=True, blank=True)
    social_insurance = models.BooleanField(_("social insurance paid"), null=True, blank=True)
    salary = models.PositiveIntegerField(
        _("monthly salary (yuan)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_SALARY)],
    )

    class Meta:
        abstract = True


class Destination(DestinationFields):
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="destinations",
        verbose_name=_("graduate"),
    )
    graduated_on = models.DateField(_("graduated on"), editable=False)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, blank=True)
    order_class = models.ForeignKey(
        OrderClass,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="destinations",
        verbose_name=_("order class"),
    )
    starting_salary = models.PositiveIntegerField(
        _("starting monthly salary (yuan)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_SALARY)],
    )
    recorded_on = models.DateField(_("recorded on"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("graduate destination")
        verbose_name_plural = _("graduate destinations")
        ordering = ["school", "-graduated_on", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "student"],
                name="destination_one_per_graduate",
                violation_error_message=_("This graduate's destination is recorded already."),
            ),
        ]
        indexes = [models.Index(fields=["school", "graduated_on"])]

    def __str__(self) -> str:
        return f"{self.student} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("careers:destination_detail", args=[self.pk])


class FollowUpPoint(SchoolOwned):
    """When the school follows its graduates up: so many months after graduation."""

    months = models.PositiveSmallIntegerField(
        _("months after graduation"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    link_days = models.PositiveSmallIntegerField(
        _("days a link stays valid"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )

    class Meta:
        verbose_name = _("follow-up point")
        verbose_name_plural = _("follow-up points")
        ordering = ["school", "months"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "months"],
                condition=Q(archived_at__isnull=True),
                name="followuppoint_unique_months",
                violation_error_message=_("The school follows up at this point already."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(months)s months after graduation") % {"months": self.months}


class FollowUp(DestinationFields):
    """One follow-up of a graduate: asked by phone or through a one-time link, with the answer."""

    destination = models.ForeignKey(
        Destination,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("graduate destination"),
    )
    months = models.PositiveSmallIntegerField(
        _("months after graduation"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    due_on = models.DateField(_("due on"))
    # Empty until answered; the answer's fields are those of a destination.
    kind = models.CharField(
        _("destination"), max_length=16, choices=DestinationKind.choices, blank=True
    )
    method = models.CharField(_("method"), max_length=8, choices=FollowUpMethod.choices)
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    link_expires_at = models.DateTimeField(
        _("link valid until"), null=True, blank=True, editable=False
    )
    still_with_employer = models.BooleanField(
        _("still with the first employer"), null=True, blank=True
    )
    consents_to_alumni_list = models.BooleanField(
        _("agrees to be listed among the alumni"), null=True, blank=True, editable=False
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("graduate", "follow-up")
        verbose_name_plural = pgettext_lazy("graduate", "follow-ups")
        ordering = ["school", "due_on", "destination"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "destination", "months"],
                name="followup_once_per_point",
                violation_error_message=_("This graduate is followed up at this point already."),
            ),
            models.UniqueConstraint(
                fields=["key_hash"],
                condition=~Q(key_hash=""),
                name="followup_unique_key",
            ),
        ]

    def __str__(self) -> str:
        return _("%(graduate)s, %(months)s months on") % {
            "graduate": self.destination.student,
            "months": self.months,
        }

    def get_absolute_url(self) -> str:
        return reverse("careers:followup_detail", args=[self.pk])

    @property
    def is_answered(self) -> bool:
        return self.answered_on is not None
