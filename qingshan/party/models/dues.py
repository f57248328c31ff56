from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.party.enums import IncomeKind


class DuesBase(SchoolOwned):
    """What a member's monthly dues are computed from, from a month on (until the next base)."""

    member = models.ForeignKey(
        "party.Member",
        on_delete=models.CASCADE,
        related_name="dues_bases",
        verbose_name=_("member"),
    )
    valid_from = models.DateField(_("from month"), help_text=_("The first day of the month."))
    income_kind = models.CharField(
        _("income"), max_length=16, choices=IncomeKind.choices, default=IncomeKind.EMPLOYED
    )
    monthly_income = models.DecimalField(
        _("monthly income after tax (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    monthly_dues = models.DecimalField(
        _("monthly dues (yuan)"), max_digits=8, decimal_places=2, editable=False
    )

    class Meta:
        verbose_name = _("dues base")
        verbose_name_plural = _("dues bases")
        ordering = ["school", "member", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "valid_from"],
                name="duesbase_one_per_month",
                violation_error_message=_("A base from this month exists already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.valid_from:%Y-%m} · {self.monthly_dues}"


class DuesPayment(SchoolOwned):
    member = models.ForeignKey(
        "party.Member",
        on_delete=models.PROTECT,
        related_name="dues_payments",
        verbose_name=_("member"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month paid for."))
    amount = models.DecimalField(_("amount (yuan)"), max_digits=8, decimal_places=2)
    paid_on = models.DateField(_("paid on"))

    class Meta:
        verbose_name = _("dues payment")
        verbose_name_plural = _("dues payments")
        ordering = ["school", "-month", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "month"],
                name="duespayment_one_per_month",
                violation_error_message=_("This month is paid already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.month:%Y-%m}"
