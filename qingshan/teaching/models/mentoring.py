"""Pairs of an experienced teacher and a young one for a term (青蓝结对, the seed's "gangs").

Not the party app's mentoring: that pairs a member with an applicant on the road to membership,
over the stages of recruitment; this pairs two teachers over a term's teaching, with meetings,
lessons observed of each other and an outcome.

Invariants: one mentor per young teacher and term; nobody mentors themselves.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned


class Mentorship(SchoolOwned):
    mentor = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="mentorships_given",
        verbose_name=_("mentoring teacher"),
    )
    mentee = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="mentorships_received",
        verbose_name=_("young teacher"),
    )
    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    goals = models.TextField(_("goals"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("teacher mentoring pair")
        verbose_name_plural = _("teacher mentoring pairs")
        ordering = ["school", "-term__start_date", "mentee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "term", "mentee"],
                name="mentee_once_per_term",
                violation_error_message=_("This young teacher has a mentor for the term already."),
            ),
            models.CheckConstraint(
                condition=~Q(mentor=F("mentee")),
                name="mentor_not_self",
                violation_error_message=_("Nobody mentors themselves."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}（{self.term}）"

    def get_absolute_url(self) -> str:
        return reverse("teaching:mentorship_detail", args=[self.pk])


class MentoringMeeting(SchoolOwned):
    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("pair")
    )
    met_on = models.DateField(_("met on"))
    note = models.TextField(_("what was talked over"))

    class Meta:
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")
        ordering = ["school", "mentorship", "met_on"]

    def __str__(self) -> str:
        return f"{self.mentorship} · {self.met_on}"

    def get_absolute_url(self) -> str:
        return reverse("teaching:meeting_detail", args=[self.pk])
