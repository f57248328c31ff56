"""Screening scales as data: items, factors, scoring, validity items, thresholds per factor and
total, the age range — entered and versioned by the school.

Invariants (docs/counseling.md):
- a scale is (code, version) once per school; a version used by a campaign is not changed any
  more: a change is a new version;
- an item belongs to one factor, or is a validity item (no factor, with the answers that keep the
  sheet valid); item numbers run 1..n without gaps;
- a threshold names a factor of its scale or the total (no factor).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.counseling.enums import Grade, Scoring


class Scale(SchoolOwned):
    code = models.CharField(pgettext_lazy("counseling", "code"), max_length=20)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    option_min = models.PositiveSmallIntegerField(_("lowest answer"), default=1)
    option_max = models.PositiveSmallIntegerField(_("highest answer"), default=5)
    option_labels = models.TextField(
        _("answer labels"), blank=True, help_text=_("One per line, from the lowest answer up.")
    )
    scoring = models.CharField(
        _("factor score"), max_length=8, choices=Scoring.choices, default=Scoring.MEAN
    )
    age_min = models.PositiveSmallIntegerField(_("meant from age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("meant up to age"), null=True, blank=True)

    class Meta:
        verbose_name = _("screening scale")
        verbose_name_plural = _("screening scales")
        ordering = ["school", "code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "code", "version"],
                name="scale_unique_version",
                violation_error_message=_("This scale has this version already."),
            ),
            models.CheckConstraint(
                condition=Q(option_max__gt=models.F("option_min")),
                name="scale_options_ordered",
                violation_error_message=_("The highest answer is above the lowest."),
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True)
                | Q(age_max__isnull=True)
                | Q(age_max__gte=models.F("age_min")),
                name="scale_ages_ordered",
                violation_error_message=_("The age range ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("counseling:scale_detail", args=[self.pk])

    def labels(self) -> list[str]:
        """A label for every answer from the lowest up (the number where none is typed)."""
        typed = [line.strip() for line in self.option_labels.splitlines() if line.strip()]
        answers = range(self.option_min, self.option_max + 1)
        return [
            typed[index] if index < len(typed) else str(answer)
            for index, answer in enumerate(answers)
        ]


class Factor(SchoolOwned):
    scale = models.ForeignKey(
        Scale, on_delete=models.CASCADE, related_name="factors", verbose_name=_("scale")
    )
    code = models.CharField(pgettext_lazy("counseling", "code"), max_length=20)
    name = models.CharField(_("name"), max_length=40)
    position = models.PositiveSmallIntegerField(pgettext_lazy("counseling", "position"), default=0)

    class Meta:
        verbose_name = _("factor")
        verbose_name_plural = _("factors")
        ordering = ["scale", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "code"],
                name="factor_unique_code",
                violation_error_message=_("The scale has a factor with this code already."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Item(SchoolOwned):
    scale = models.ForeignKey(
        Scale, on_delete=models.CASCADE, related_name="items", verbose_name=_("scale")
    )
    number = models.PositiveSmallIntegerField(pgettext_lazy("counseling", "number"))
    text = models.CharField(_("text"), max_length=200, blank=True)
    factor = models.ForeignKey(
        Factor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        verbose_name=_("factor"),
    )
    reverse = models.BooleanField(_("scored in reverse"), default=False)
    valid_answers = models.CharField(
        _("answers that keep the sheet valid"),
        max_length=40,
        blank=True,
        help_text=_("A validity item: the answers, separated by commas."),
    )

    class Meta:
        verbose_name = pgettext_lazy("counseling", "item")
        verbose_name_plural = pgettext_lazy("counseling", "items")
        ordering = ["scale", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "number"],
                name="item_unique_number",
                violation_error_message=_("The scale has an item with this number already."),
            ),
            models.CheckConstraint(
                condition=Q(factor__isnull=True, valid_answers__gt="")
                | Q(factor__isnull=False, valid_answers=""),
                name="item_factor_or_validity",
                violation_error_message=_(
                    "An item belongs to a factor, or is a validity item with its valid answers."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def is_validity(self) -> bool:
        return self.factor_id is None

    def valid_set(self) -> frozenset[int]:
        return frozenset(int(part) for part in self.valid_answers.split(",") if part.strip())


class Threshold(SchoolOwned):
    scale = models.ForeignKey(
        Scale, on_delete=models.CASCADE, related_name="thresholds", verbose_name=_("scale")
    )
    factor = models.ForeignKey(
        Factor,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thresholds",
        verbose_name=_("factor"),
        help_text=_("Empty: the total score."),
    )
    grade = models.PositiveSmallIntegerField(
        pgettext_lazy("counseling", "grade"), choices=Grade.choices
    )
    at_least = models.DecimalField(_("score at least"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["scale", "factor__position", "grade"]

    def __str__(self) -> str:
        return f"{self.factor or '—'} ≥ {self.at_least}"
