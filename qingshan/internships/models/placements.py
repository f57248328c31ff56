"""Placements of students at internship units, what the rules found in them, the exceptions the
rules allow, and the school supervisor's visits.

Invariants (docs/internships.md):
- a placement ends after it starts; its insurance period, when given, ends after it starts;
- a placement is checked against the rule set in force when it starts (``ruleset_key``); a
  breach of a refusing rule is never saved; a breach of a flagging rule is an open finding;
- a finding is open until the breach is mended (``mended_on``), never deleted: a placement has
  at most one open finding per rule;
- an exception names a rule that allows one, and its reason;
- only the school ends a placement (``ended_on``, ``ended_by``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.internships.enums import PayBasis, PlacementKind, PremiumPayer
from qingshan.internships.models.ratings import Ratings
from qingshan.internships.models.units import Unit, money
from qingshan.internships.rulesets import rule_choices


class Placement(SchoolOwned):
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="internship_placements",
        verbose_name=_("student"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="placements", verbose_name=_("unit")
    )
    kind = models.CharField(_("kind of internship"), max_length=10, choices=PlacementKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    post = models.CharField(_("post"), max_length=60)
    matches_major = models.BooleanField(
        _("post matches the major"),
        default=True,
        help_text=_("The post matches or is close to the student's major."),
    )
    school_supervisor = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("school supervisor"),
    )
    unit_supervisor = models.CharField(_("unit supervisor"), max_length=40)
    unit_supervisor_phone = models.CharField(
        _("unit supervisor's phone"), max_length=30, blank=True
    )
    agreement_signed_on = models.DateField(
        _("three-party agreement signed on"), null=True, blank=True
    )
    agreement_file = models.FileField(
        _("scan of the agreement"), upload_to="internships/agreements/%Y/", blank=True
    )
    consent_signed_on = models.DateField(
        _("informed consent signed on"),
        null=True,
        blank=True,
        help_text=_("Signed by the student and the guardian (or parent)."),
    )
    insurer = models.CharField(_("insurer"), max_length=60, blank=True)
    policy_no = models.CharField(_("policy number"), max_length=40, blank=True)
    insured_from = models.DateField(_("insured from"), null=True, blank=True)
    insured_until = models.DateField(_("insured until"), null=True, blank=True)
    premium_payer = models.CharField(
        _("premium paid by"), max_length=8, choices=PremiumPayer.choices, blank=True
    )
    monthly_pay = money(_("pay per month (yuan)"), null=True, blank=True)
    pay_basis = models.CharField(
        _("pay compared with"), max_length=14, choices=PayBasis.choices, blank=True
    )
    reference_wage = money(_("that wage per month (yuan)"), null=True, blank=True)
    pay_interval_days = models.PositiveSmallIntegerField(
        _("paid every (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
    )
    paid_directly = models.BooleanField(_("paid in money directly to the student"), default=True)
    fees_charged = money(
        _("deposits, fees or deductions (yuan)"),
        default=Decimal(0),
        help_text=_(
            "Anything the school or the unit takes from the student: a deposit, a fee, a share of the pay."
        ),
    )
    forbidden_work = models.BooleanField(_("work forbidden to minor workers"), default=False)
    through_agent = models.BooleanField(_("arranged through an agent"), default=False)
    irregular_hours = models.BooleanField(
        _("night shifts, overtime or rest-day work planned"), default=False
    )
    post_staff = models.PositiveIntegerField(
        _("staff at work in the same post"), default=0, validators=[MaxValueValidator(1_000_000)]
    )
    ruleset_key = models.CharField(_("checked against"), max_length=20, editable=False)
    ended_on = models.DateField(
        pgettext_lazy("placement", "ended on"), null=True, blank=True, editable=False
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("ended by"),
    )
    end_note = models.CharField(_("how it ended"), max_length=200, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["school", "-starts_on", "student"]
        indexes = [models.Index(fields=["unit", "starts_on"], name="placement_unit_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="placement_ends_after_start",
                violation_error_message=_("A placement ends after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(insured_from__isnull=True)
                | Q(insured_until__isnull=True)
                | Q(insured_until__gt=F("insured_from")),
                name="placement_insurance_in_order",
                violation_error_message=_("The insurance ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("internships:placement_detail", args=[self.pk])

    @property
    def is_ended(self) -> bool:
        return self.ended_on is not None


class RuleException(SchoolOwned):
    """An explained exception to a rule that allows one, granted by the school."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("placement")
    )
    rule = models.CharField(_("rule"), max_length=24, choices=rule_choices)
    reason = models.TextField(_("reason"))
    filed_with = models.CharField(
        _("filed with"),
        max_length=120,
        blank=True,
        help_text=_("Where the rule asks for it: the authority and the filing's reference."),
    )
    granted_on = models.DateField(_("granted on"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        verbose_name = _("exception to a rule")
        verbose_name_plural = _("exceptions to rules")
        ordering = ["placement", "rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "rule"],
                condition=Q(archived_at__isnull=True),
                name="exception_one_per_rule",
                violation_error_message=_("This rule has an exception for the placement already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement} · {self.rule}"


class Finding(SchoolOwned):
    """A breach of a flagging rule, found by the checks; open until it is mended."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="findings", verbose_name=_("placement")
    )
    rule = models.CharField(_("rule"), max_length=24, choices=rule_choices)
    ruleset_key = models.CharField(_("rule set"), max_length=20)
    detail = models.CharField(_("what was found"), max_length=300)
    found_on = models.DateField(_("found on"))
    mended_on = models.DateField(_("mended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["placement", "found_on", "rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "rule"],
                condition=Q(mended_on__isnull=True),
                name="finding_one_open_per_rule",
            ),
        ]
        indexes = [models.Index(fields=["school", "mended_on"], name="finding_school_open")]

    def __str__(self) -> str:
        return f"{self.placement} · {self.rule}"

    @property
    def is_open(self) -> bool:
        return self.mended_on is None


class Visit(SchoolOwned, Ratings):
    """The school supervisor's visit to the internship site, with the competency ratings."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="visits", verbose_name=_("placement")
    )
    visited_on = models.DateField(_("visited on"))
    visitor = models.ForeignKey(
        "organization.Staff", on_delete=models.PROTECT, related_name="+", verbose_name=_("visitor")
    )
    note = models.TextField(_("what was seen and agreed"), blank=True)

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["placement", "-visited_on"]

    def __str__(self) -> str:
        return f"{self.placement} · {self.visited_on}"
