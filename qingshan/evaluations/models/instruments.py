"""Instruments: who rates whom, with which questions, in both languages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.evaluations.enums import InstrumentKind, QuestionKind, Visibility


def _default_min_raters() -> int:
    return settings.QS_RATING_MIN_RATERS


class Instrument(SchoolOwned):
    kind = models.CharField(_("who rates whom"), max_length=24, choices=InstrumentKind.choices)
    name = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    instructions = models.TextField(_("instructions (Chinese)"), blank=True)
    instructions_en = models.TextField(_("instructions (English)"), blank=True)
    min_raters = models.PositiveSmallIntegerField(
        _("results shown from this many raters"), default=_default_min_raters
    )
    min_share = models.DecimalField(
        _("and from this share of the invited"),
        max_digits=3,
        decimal_places=2,
        default=0,
        help_text=_("A fraction: 0.30 means three in ten of those invited must have rated."),
    )
    threshold = models.DecimalField(
        _("the bar (mean score)"),
        max_digits=3,
        decimal_places=2,
        default=3,
        help_text=_(
            "A person whose mean over the rating questions is below the bar is flagged for follow-up."
        ),
    )

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["school", "kind", "name"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return (
            self.name
            if (translation.get_language() or "").startswith("zh")
            else (self.name_en or self.name)
        )

    def get_absolute_url(self) -> str:
        return reverse("evaluations:instrument_detail", args=[self.pk])


class Question(SchoolOwned):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="questions", verbose_name=_("instrument")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SCALE
    )
    text = models.CharField(_("question (Chinese)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    # A scale runs 1..scale_max; labels and options are lists of {"zh": …, "en": …}.
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    labels = models.JSONField(_("scale labels"), default=list, blank=True)
    options = models.JSONField(_("options"), default=list, blank=True)
    required = models.BooleanField(_("an answer is required"), default=True)
    visibility = models.CharField(
        _("results visible to"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.TARGET,
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["school", "instrument", "order", "pk"]

    def __str__(self) -> str:
        return self.localized_text

    @property
    def localized_text(self) -> str:
        return (
            self.text
            if (translation.get_language() or "").startswith("zh")
            else (self.text_en or self.text)
        )

    def localized(self, items: list[dict[str, str]]) -> list[str]:
        key = "zh" if (translation.get_language() or "").startswith("zh") else "en"
        return [item.get(key) or item.get("zh", "") for item in items]

    @property
    def field_name(self) -> str:
        """The form field of this question on the rating page."""
        return f"q{self.pk}"

    @property
    def values(self) -> list[int]:
        """The answer values a counter exists for: 1..scale_max, or the option indexes."""
        if self.kind == QuestionKind.SCALE:
            return list(range(1, self.scale_max + 1))
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            return list(range(len(self.options)))
        return []
