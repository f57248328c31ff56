"""Demonstration, open, competition and report lessons given by the school's teachers.

Invariants: a lesson filed as an honour links to the commendation written through the honours
app, and only a lesson of county level or higher with a prize is filed.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.teaching.enums import LessonKind, LessonLevel


class LessonEvent(SchoolOwned):
    teacher = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="lesson_events",
        verbose_name=_("teacher"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LessonKind.choices)
    level = models.CharField(_("level"), max_length=10, choices=LessonLevel.choices)
    title = models.CharField(_("topic (课题)"), max_length=120)
    organiser = models.CharField(_("organised by"), max_length=100)
    held_on = models.DateField(_("date of the lesson"))
    participants = models.PositiveIntegerField(_("attended by (people)"), null=True, blank=True)
    place = models.PositiveSmallIntegerField(_("place won"), null=True, blank=True)
    prize = models.CharField(_("prize"), max_length=40, blank=True)
    commendation = models.OneToOneField(
        "honours.Commendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_event",
        editable=False,
        verbose_name=_("filed as honour"),
    )

    class Meta:
        verbose_name = _("lesson event")
        verbose_name_plural = _("lesson events")
        ordering = ["school", "-held_on", "title"]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.title}（{self.held_on}）"

    @property
    def may_be_filed(self) -> bool:
        return (
            self.level != LessonLevel.SCHOOL and bool(self.prize) and self.commendation_id is None
        )

    def get_absolute_url(self) -> str:
        return reverse("teaching:lesson_detail", args=[self.pk])
