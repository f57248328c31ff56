"""民主评议党员: the yearly democratic appraisal. Grades: excellent at most one third; probationary
members take part but get no grade."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.party.enums import AppraisalGrade, AppraisalStatus


class AppraisalRound(SchoolOwned):
    branch = models.ForeignKey(
        "party.Branch",
        on_delete=models.PROTECT,
        related_name="appraisals",
        verbose_name=_("branch"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.PositiveSmallIntegerField(
        _("status"), choices=AppraisalStatus.choices, default=AppraisalStatus.SELF_APPRAISAL
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("democratic appraisal")
        verbose_name_plural = _("democratic appraisals")
        ordering = ["school", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year"],
                name="appraisal_one_per_year",
                violation_error_message=_("This year's appraisal exists already."),
            )
        ]

    def __str__(self) -> str:
        return str(_("Democratic appraisal %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("party:appraisal_detail", args=[self.pk])


class AppraisalEntry(SchoolOwned):
    round = models.ForeignKey(
        AppraisalRound,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("appraisal"),
    )
    member = models.ForeignKey(
        "party.Member",
        on_delete=models.PROTECT,
        related_name="appraisals",
        verbose_name=_("member"),
    )
    was_probationary = models.BooleanField(_("probationary at the time"), default=False)
    self_appraisal = models.TextField(_("self-appraisal"), blank=True)
    votes_excellent = models.PositiveSmallIntegerField(_("votes: excellent"), default=0)
    votes_qualified = models.PositiveSmallIntegerField(_("votes: qualified"), default=0)
    votes_basically_qualified = models.PositiveSmallIntegerField(
        _("votes: basically qualified"), default=0
    )
    votes_unqualified = models.PositiveSmallIntegerField(_("votes: unqualified"), default=0)
    grade = models.CharField(_("grade"), max_length=24, choices=AppraisalGrade.choices, blank=True)
    follow_up = models.TextField(
        _("follow-up"), blank=True, help_text=_("Required for basically qualified and unqualified.")
    )

    class Meta:
        verbose_name = _("appraisal of a member")
        verbose_name_plural = _("appraisals of members")
        ordering = ["school", "round", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "member"],
                name="appraisalentry_once",
                violation_error_message=_("This member is already in the appraisal."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.member}"
