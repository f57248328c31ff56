"""The school's enterprise register, its long-term cooperation agreements and its order classes
(订单班).

Invariants (docs/careers.md):
- an enterprise's unified social credit code, when given, is well formed (its check character
  holds) and stored in canonical form; no two active enterprises of a school share one;
- an agreement ends after it starts; its renewal date, when given, is no later than its end;
- an order class names its company; the agreement it runs under, when named, is with the same
  company.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.careers.enums import EnterpriseSize, Sector
from qingshan.core.models import SchoolOwned
from qingshan.core.validators import validate_credit_code


class Enterprise(SchoolOwned):
    name = models.CharField(_("enterprise name"), max_length=120)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("18 characters, on the business licence (统一社会信用代码)."),
    )
    province = models.CharField(pgettext_lazy("place", "province"), max_length=20, blank=True)
    city = models.CharField(pgettext_lazy("place", "city"), max_length=30, blank=True)
    sector = models.CharField(_("sector"), max_length=1, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=8, choices=EnterpriseSize.choices, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=40, blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["school", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "credit_code"],
                condition=~Q(credit_code="") & Q(archived_at__isnull=True),
                name="enterprise_unique_credit_code",
                violation_error_message=_(
                    "An enterprise with this unified social credit code is registered already."
                ),
            ),
            models.UniqueConstraint(
                fields=["school", "name"],
                condition=Q(archived_at__isnull=True),
                name="enterprise_unique_name",
                violation_error_message=_("An enterprise of this name is registered already."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("careers:enterprise_detail", args=[self.pk])


class Agreement(SchoolOwned):
    """A long-term cooperation contract (长期合作协议) with an enterprise."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("enterprise"),
    )
    title = models.CharField(pgettext_lazy("agreement", "title"), max_length=120)
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(pgettext_lazy("agreement", "in force from"))
    ends_on = models.DateField(_("in force until"))
    majors = models.ManyToManyField(
        "organization.Major", blank=True, related_name="+", verbose_name=_("majors covered")
    )
    places_per_year = models.PositiveSmallIntegerField(
        _("places per year"), default=0, validators=[MaxValueValidator(5000)]
    )
    renews_on = models.DateField(
        _("renewal due on"),
        null=True,
        blank=True,
        help_text=_("The keepers are reminded before this date."),
    )
    remind_days = models.PositiveSmallIntegerField(
        _("remind this many days before"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    file = models.FileField(
        _("scan of the agreement"), upload_to="careers/agreements/%Y/", blank=True
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["school", "-starts_on", "enterprise"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="agreement_ends_after_start",
                violation_error_message=_("An agreement ends after it comes into force."),
            ),
            models.CheckConstraint(
                condition=Q(renews_on__isnull=True) | Q(renews_on__lte=F("ends_on")),
                name="agreement_renewal_before_end",
                violation_error_message=_("The renewal is due before the agreement ends."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("careers:agreement_detail", args=[self.pk])


class OrderClass(SchoolOwned):
    """An order class (订单班): students trained for one company, on curriculum items the company
    supplies, costs shared, with the company's commitment to hire."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        related_name="order_classes",
        verbose_name=_("company"),
    )
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="order_classes",
        verbose_name=_("under the agreement"),
    )
    name = models.CharField(_("name of the order class"), max_length=80)
    school_class = models.ForeignKey(
        "organization.SchoolClass",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("class"),
        help_text=_("When the whole class is trained for the company."),
    )
    students = models.ManyToManyField(
        "organization.Student",
        blank=True,
        related_name="order_classes",
        verbose_name=_("students trained"),
    )
    starts_on = models.DateField(_("training starts on"))
    ends_on = models.DateField(_("training ends on"))
    curriculum = models.TextField(
        _("curriculum items the company supplies"),
        blank=True,
        help_text=_("One item a line: courses, trainers, equipment, placements."),
    )
    company_share = models.PositiveSmallIntegerField(
        _("company's share of the costs (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    hiring_commitment = models.PositiveSmallIntegerField(
        _("places the company commits to hire"), default=0, validators=[MaxValueValidator(5000)]
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("order class")
        verbose_name_plural = _("order classes")
        ordering = ["school", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="orderclass_ends_after_start",
                violation_error_message=_("An order class's training ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.enterprise})"

    def get_absolute_url(self) -> str:
        return reverse("careers:orderclass_detail", args=[self.pk])
