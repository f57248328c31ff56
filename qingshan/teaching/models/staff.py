"""Teaching-research groups (教研组) and what the school records of each teacher's teaching.

Invariants: a member of staff has at most one profile; a group's leader sees the scores of the
lessons of the group's members (docs/teaching.md).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned


class ResearchGroup(SchoolOwned):
    name = models.CharField(_("name"), max_length=40)
    leader = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="research_groups_led",
        verbose_name=_("leader of the group"),
    )

    class Meta:
        verbose_name = _("teaching-research group")
        verbose_name_plural = _("teaching-research groups")
        ordering = ["school", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="research_group_name_once",
                violation_error_message=_("A group of this name exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("teaching:group_detail", args=[self.pk])


class TeacherProfile(SchoolOwned):
    staff = models.OneToOneField(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="teaching_profile",
        verbose_name=_("teacher"),
    )
    group = models.ForeignKey(
        ResearchGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
        verbose_name=_("teaching-research group"),
    )
    professional = models.BooleanField(
        _("teaches professional courses"),
        default=False,
        help_text=_("Professional-course teachers owe months of enterprise practice."),
    )
    dual_qualified = models.BooleanField(_("dual-qualified (双师型)"), default=False)

    class Meta:
        verbose_name = _("teacher profile")
        verbose_name_plural = _("teacher profiles")
        ordering = ["school", "staff__name"]

    def __str__(self) -> str:
        return str(self.staff)

    def get_absolute_url(self) -> str:
        return reverse("teaching:profile_detail", args=[self.pk])
