"""Lesson observations (听课), the observed teacher's reply (评课), the deliberation of a lesson
by several observers (议课) and a leader's reading of the record (查阅).

Invariants: a submitted observation has a score for every item of its rubric, each between 0
and the item's maximum; a draft may hold some; the rubric is the published version the
observation was begun on and never changes; only the observed teacher replies, once submitted;
an observation of the kind "shadowing" belongs to a follow-up of a rating whose rated teacher
is its observer or its observed teacher.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.teaching.enums import ObservationKind, ObservationStatus, ReviewLevel, Venue


class Deliberation(SchoolOwned):
    """A lesson talked over by those who observed it, e.g. a teaching-research group (议课)."""

    teacher = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="deliberations",
        verbose_name=_("teacher observed"),
    )
    held_on = models.DateField(_("held on"))
    topic = models.CharField(_("topic of the lesson"), max_length=120)
    group = models.ForeignKey(
        "teaching.ResearchGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliberations",
        verbose_name=_("teaching-research group"),
    )
    conclusion = models.TextField(_("conclusion"))

    class Meta:
        verbose_name = _("lesson deliberation")
        verbose_name_plural = _("lesson deliberations")
        ordering = ["school", "-held_on"]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.topic}（{self.held_on}）"

    def get_absolute_url(self) -> str:
        return reverse("teaching:deliberation_detail", args=[self.pk])


class Observation(SchoolOwned):
    observer = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="observations_made",
        verbose_name=_("observer"),
    )
    teacher = models.ForeignKey(
        "organization.Staff",
        on_delete=models.PROTECT,
        related_name="observations_received",
        verbose_name=_("teacher observed"),
    )
    term = models.ForeignKey(
        "organization.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("term")
    )
    school_class = models.ForeignKey(
        "organization.SchoolClass",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("class"),
    )
    subject = models.CharField(_("subject"), max_length=40)
    observed_on = models.DateField(_("date"))
    first_period = models.PositiveSmallIntegerField(_("period of the day"), null=True, blank=True)
    periods = models.PositiveSmallIntegerField(_("periods (节数)"), default=1)
    topic = models.CharField(_("topic (课题)"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=16, choices=ObservationKind.choices, default=ObservationKind.ROUTINE
    )
    venue = models.CharField(_("where"), max_length=8, choices=Venue.choices, default=Venue.INSIDE)
    place = models.CharField(_("classroom or site"), max_length=80, blank=True)
    rubric = models.ForeignKey(
        "teaching.Rubric",
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("rubric"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ObservationStatus.choices,
        default=ObservationStatus.DRAFT,
        editable=False,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    total = models.DecimalField(
        _("total score"), max_digits=6, decimal_places=1, null=True, blank=True, editable=False
    )
    strengths = models.TextField(_("strengths"), blank=True)
    suggestions = models.TextField(_("suggestions"), blank=True)
    follow_up = models.ForeignKey(
        "evaluations.FollowUp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("follow-up of a rating"),
    )
    deliberation = models.ForeignKey(
        Deliberation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observations",
        verbose_name=_("deliberation"),
    )
    reply = models.TextField(_("reply of the teacher observed"), blank=True, editable=False)
    replied_on = models.DateField(_("replied on"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("read by"),
    )
    reviewed_on = models.DateField(_("read on"), null=True, blank=True, editable=False)
    review_level = models.CharField(
        _("level given"), max_length=10, choices=ReviewLevel.choices, blank=True, editable=False
    )
    review_note = models.CharField(_("remark"), max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("lesson observation")
        verbose_name_plural = _("lesson observations")
        ordering = ["school", "-observed_on", "-pk"]
        indexes = [
            models.Index(fields=["school", "term", "observer"], name="observation_term_observer"),
            models.Index(
                fields=["school", "teacher", "observed_on"], name="observation_teacher_day"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(periods__gte=1, periods__lte=8),
                name="observation_periods_1_8",
                violation_error_message=_("An observation covers 1 to 8 periods."),
            ),
            models.CheckConstraint(
                condition=~Q(observer=models.F("teacher")),
                name="observation_not_of_oneself",
                violation_error_message=_("Nobody observes their own lesson."),
            ),
            models.CheckConstraint(
                condition=Q(status=ObservationStatus.DRAFT) | Q(total__isnull=False),
                name="observation_submitted_scored",
                violation_error_message=_("A submitted observation has its score."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.topic}（{self.observed_on}）"

    @property
    def is_submitted(self) -> bool:
        return self.status == ObservationStatus.SUBMITTED

    def get_absolute_url(self) -> str:
        return reverse("teaching:observation_detail", args=[self.pk])


class ObservationScore(SchoolOwned):
    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="scores", verbose_name=_("observation")
    )
    item = models.ForeignKey(
        "teaching.RubricItem", on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("observation score")
        verbose_name_plural = _("observation scores")
        ordering = ["observation", "item__position", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["observation", "item"],
                name="observation_item_once",
                violation_error_message=_("This item is scored already."),
            ),
            models.CheckConstraint(
                condition=Q(points__gte=Decimal(0)),
                name="observation_points_not_negative",
                violation_error_message=_("Points are not negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} = {self.points}"
