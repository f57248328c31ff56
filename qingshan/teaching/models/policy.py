"""What the school asks of its teachers: observation quotas per group and term, and the policy
for new teachers, enterprise practice and continuing education.

Invariants: one quota per school, term and group; one policy per school (read with its defaults
while the school has not saved one); no national figure is assumed: the continuing-education
target is empty until the school sets it.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School, SchoolOwned
from qingshan.teaching.enums import QuotaGroup


class ObservationQuota(SchoolOwned):
    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    group = models.CharField(_("applies to"), max_length=16, choices=QuotaGroup.choices)
    periods = models.PositiveSmallIntegerField(
        _("periods to observe"), validators=[MaxValueValidator(200)]
    )

    class Meta:
        verbose_name = _("observation quota")
        verbose_name_plural = _("observation quotas")
        ordering = ["school", "-term__start_date", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "term", "group"],
                name="quota_once_per_term_group",
                violation_error_message=_("This group has its quota for the term already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.term} · {self.get_group_display()} ≥ {self.periods}"

    def get_absolute_url(self) -> str:
        return reverse("teaching:quota_detail", args=[self.pk])


class TeachingPolicy(SchoolOwned):
    new_teacher_years = models.PositiveSmallIntegerField(
        _("a teacher counts as new for (years)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    practice_months = models.PositiveSmallIntegerField(
        _("months of enterprise practice owed per window"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    window_years = models.PositiveSmallIntegerField(
        _("length of a window (years)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    first_window_year = models.PositiveSmallIntegerField(
        _("first window begins in (year)"),
        default=2011,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_(
            "Windows of enterprise practice and cycles of continuing education begin on "
            "1 January of this year and follow one another."
        ),
    )
    hours_target = models.PositiveSmallIntegerField(
        _("continuing-education hours per cycle"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(2000)],
        help_text=_("The school's target; leave empty until the school has set one."),
    )

    class Meta:
        verbose_name = _("teacher-development policy")
        verbose_name_plural = _("teacher-development policies")
        constraints = [
            models.UniqueConstraint(
                fields=["school"],
                name="teaching_policy_once",
                violation_error_message=_("The school has its policy already."),
            )
        ]

    def __str__(self) -> str:
        return str(_("teacher-development policy"))

    @classmethod
    def defaults_for(cls, school: School) -> TeachingPolicy:
        """The policy with its defaults, unsaved: what applies until the school saves its own."""
        return cls(school=school)
