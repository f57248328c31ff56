from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.party.enums import MenteeKind, MentoringOutcome


class MentoringPair(SchoolOwned):
    """结对 / 传帮带: an experienced member paired with a young teacher, a student or an activist."""

    mentor = models.ForeignKey(
        "party.Member", on_delete=models.PROTECT, related_name="mentoring", verbose_name=_("mentor")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MenteeKind.choices)
    mentee_staff = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("young teacher"),
    )
    mentee_student = models.ForeignKey(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("student"),
    )
    mentee_recruit = models.ForeignKey(
        "party.Recruit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentoring_pairs",
        verbose_name=_("activist"),
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    goal = models.CharField(_("goal"), max_length=200, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=MentoringOutcome.choices,
        default=MentoringOutcome.ONGOING,
    )

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["school", "-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        mentee_staff__isnull=False,
                        mentee_student__isnull=True,
                        mentee_recruit__isnull=True,
                    )
                    | Q(
                        mentee_staff__isnull=True,
                        mentee_student__isnull=False,
                        mentee_recruit__isnull=True,
                    )
                    | Q(
                        mentee_staff__isnull=True,
                        mentee_student__isnull=True,
                        mentee_recruit__isnull=False,
                    )
                ),
                name="mentoringpair_one_mentee",
                violation_error_message=_(
                    "Name exactly one mentee: a young teacher, a student or an activist."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="mentoringpair_ends_after_start",
                violation_error_message=_("A pairing cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"

    @property
    def mentee(self) -> object:
        return self.mentee_staff or self.mentee_student or self.mentee_recruit

    def get_absolute_url(self) -> str:
        return reverse("party:mentoring_detail", args=[self.pk])


class MentoringLog(SchoolOwned):
    pair = models.ForeignKey(
        MentoringPair, on_delete=models.CASCADE, related_name="logs", verbose_name=_("pair")
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("what was done"))

    class Meta:
        verbose_name = _("mentoring log entry")
        verbose_name_plural = _("mentoring log")
        ordering = ["school", "pair", "-date"]

    def __str__(self) -> str:
        return f"{self.pair} · {self.date}"
