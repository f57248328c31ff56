"""The school's lesson-observation rubric, kept in versions.

Invariants: a version is edited while it is a draft and never after it is published; an
observation is stamped with the published version it was scored on, so old observations keep
their rubric when the school publishes a new one; version numbers rise by one per school.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned


class Rubric(SchoolOwned):
    name = models.CharField(_("name"), max_length=80)
    version = models.PositiveSmallIntegerField(_("version"))
    published_on = models.DateField(_("published on"), null=True, blank=True, editable=False)
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("observation rubric")
        verbose_name_plural = _("observation rubrics")
        ordering = ["school", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "version"],
                name="rubric_version_once",
                violation_error_message=_("This version of the rubric exists already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_on is not None

    def get_absolute_url(self) -> str:
        return reverse("teaching:rubric_detail", args=[self.pk])


class RubricItem(SchoolOwned):
    rubric = models.ForeignKey(
        Rubric, on_delete=models.CASCADE, related_name="items", verbose_name=_("rubric")
    )
    group = models.CharField(_("group"), max_length=40)
    text = models.CharField(_("what is scored"), max_length=200)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric item")
        verbose_name_plural = _("rubric items")
        ordering = ["rubric", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_points__gte=1, max_points__lte=100),
                name="rubric_item_points_1_100",
                violation_error_message=_("An item is worth 1 to 100 points."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} · {self.text}（{self.max_points}）"
