"""Internship units and what the school's own enterprises produce.

Invariants (docs/internships.md):
- a unit is either one of the school's own enterprises and bases (farm, orchard, nursery,
  factory, shop, works: ``enterprise`` empty) or an outside company of the careers register
  (``enterprise`` set, kind "company"); an outside company is a unit once per school;
- a registered unit of the school's own names its registration number;
- a production record belongs to one of the school's own units, and its period ends after it
  starts; the part used for teaching is no more than the revenue;
- works were built by classes of the school, and finish no earlier than they start.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.internships.enums import LegalStatus, UnitKind, WorksKind


def money(verbose_name: Any, **options: Any) -> models.DecimalField[Any, Any]:
    """An amount of yuan, never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        **options,
    )


class Unit(SchoolOwned):
    name = models.CharField(_("unit name"), max_length=120)
    kind = models.CharField(_("kind of unit"), max_length=10, choices=UnitKind.choices)
    enterprise = models.ForeignKey(
        "careers.Enterprise",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("company in the enterprise register"),
        help_text=_("For an outside company; leave empty for the school's own units."),
    )
    area_mu = models.DecimalField(
        _("area (mu)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    legal_status = models.CharField(
        _("legal status"),
        max_length=10,
        choices=LegalStatus.choices,
        default=LegalStatus.UNREGISTERED,
    )
    registration_no = models.CharField(
        _("registration number"),
        max_length=30,
        blank=True,
        help_text=_("The unified social credit code or other registration number."),
    )
    staff_count = models.PositiveIntegerField(
        _("staff at work"),
        default=0,
        validators=[MaxValueValidator(1_000_000)],
        help_text=_("Staff at work at the unit (在岗职工), for the share of interns."),
    )
    entertainment_venue = models.BooleanField(
        _("entertainment venue"),
        default=False,
        help_text=_("A bar, night club, KTV, bath house, game room, internet café or the like."),
    )
    manager = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("manager"),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("internship unit")
        verbose_name_plural = _("internship units")
        ordering = ["school", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                condition=Q(archived_at__isnull=True),
                name="unit_unique_name",
                violation_error_message=_("An internship unit of this name exists already."),
            ),
            models.UniqueConstraint(
                fields=["school", "enterprise"],
                condition=Q(archived_at__isnull=True) & Q(enterprise__isnull=False),
                name="unit_unique_enterprise",
                violation_error_message=_("This company is an internship unit already."),
            ),
            models.CheckConstraint(
                condition=(Q(kind=UnitKind.COMPANY) & Q(enterprise__isnull=False))
                | (~Q(kind=UnitKind.COMPANY) & Q(enterprise__isnull=True)),
                name="unit_company_in_register",
                violation_error_message=_(
                    "An outside company is chosen from the enterprise register; the school's "
                    "own units are not."
                ),
            ),
            models.CheckConstraint(
                condition=Q(legal_status=LegalStatus.UNREGISTERED) | ~Q(registration_no=""),
                name="unit_registered_has_number",
                violation_error_message=_("A registered unit has a registration number."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("internships:unit_detail", args=[self.pk])

    @property
    def is_own(self) -> bool:
        return self.enterprise_id is None


class Production(SchoolOwned):
    """What one of the school's own units produced in a month or a season: no accounting, the
    figures the summary needs."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="production", verbose_name=_("unit")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    output = models.CharField(
        _("output"), max_length=80, help_text=_("e.g. apples, saplings, bricks")
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    quantity_unit = models.CharField(
        _("unit of quantity"), max_length=12, help_text=_("e.g. kg, plants, m²")
    )
    plot = models.CharField(_("plot"), max_length=40, blank=True)
    crop = models.CharField(_("crop"), max_length=40, blank=True)
    revenue = money(_("revenue (yuan)"))
    cost = money(_("cost (yuan)"))
    teaching_use = money(
        _("used for teaching (yuan)"),
        default=Decimal(0),
        help_text=_("The part of the revenue spent back on teaching (反哺教学)."),
    )
    students_worked = models.PositiveIntegerField(_("students who worked"), default=0)
    teachers_worked = models.PositiveIntegerField(_("teachers who worked"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("production record")
        verbose_name_plural = _("production records")
        ordering = ["school", "-period_start", "unit"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="production_period_in_order",
                violation_error_message=_("The period ends on or after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(teaching_use__lte=F("revenue")),
                name="production_teaching_within_revenue",
                violation_error_message=_(
                    "The part used for teaching is no more than the revenue."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.output} · {self.period_start:%Y-%m}"

    def get_absolute_url(self) -> str:
        return reverse("internships:production_detail", args=[self.pk])


class Works(SchoolOwned):
    """A road, a ditch, a sports field … that classes built as their production internship."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="works",
        verbose_name=pgettext_lazy("works", "site"),
    )
    title = models.CharField(pgettext_lazy("works", "name"), max_length=120)
    kind = models.CharField(_("kind of works"), max_length=14, choices=WorksKind.choices)
    size = models.CharField(
        _("size"), max_length=40, blank=True, help_text=_("e.g. 1.2 km, 6,000 m²")
    )
    started_on = models.DateField(_("started on"))
    finished_on = models.DateField(_("finished on"), null=True, blank=True)
    classes = models.ManyToManyField(
        "organization.SchoolClass", related_name="+", verbose_name=_("classes that built it")
    )
    student_days = models.PositiveIntegerField(_("student working days"), default=0)
    value = money(_("value (yuan)"), default=Decimal(0))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("works built by students")
        verbose_name_plural = _("works built by students")
        ordering = ["school", "-started_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(finished_on__isnull=True) | Q(finished_on__gte=F("started_on")),
                name="works_finished_after_start",
                violation_error_message=_("Works finish on or after the day they start."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("internships:works_detail", args=[self.pk])
