"""Choice windows (the "three permits"): the school opens a window with places per track and
major; students on the rolls ask for one; the school assigns places, and an assignment becomes a
roll change through the ordinary services.

Invariants: one live request per student and window; a request names an offer of its own window;
places are never assigned beyond an offer's number (checked under a lock in
``services.choices``).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned
from qingshan.organization.enums import Track
from qingshan.students.enums import ChoiceStatus, Programme


class ChoiceWindow(SchoolOwned):
    title = models.CharField(_("title"), max_length=100)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    effective_on = models.DateField(
        _("assignments take effect on"),
        help_text=_("The date of the roll changes that the assignments become."),
    )
    note = models.TextField(_("note to students"), blank=True)

    class Meta:
        verbose_name = _("choice window")
        verbose_name_plural = _("choice windows")
        ordering = ["school", "-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="choicewindow_closes_after_opening",
                violation_error_message=_("A window cannot close before it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("students:window_detail", args=[self.pk])


class ChoiceOffer(SchoolOwned):
    window = models.ForeignKey(
        ChoiceWindow, on_delete=models.CASCADE, related_name="offers", verbose_name=_("window")
    )
    track = models.CharField(_("track"), max_length=16, choices=Track.choices)
    programme = models.CharField(
        _("programme"), max_length=16, choices=Programme.choices, default=Programme.STANDARD
    )
    major = models.ForeignKey(
        "organization.Major",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("major"),
    )
    school_class = models.ForeignKey(
        "organization.SchoolClass",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("class the assigned join"),
    )
    places = models.PositiveSmallIntegerField(
        pgettext_lazy("offer", "places"), validators=[MaxValueValidator(500)]
    )

    class Meta:
        verbose_name = _("offer of places")
        verbose_name_plural = _("offers of places")
        ordering = ["school", "window", "track", "major__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "school_class"],
                name="choiceoffer_once_per_class",
                violation_error_message=_("This class is offered in the window already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_track_display()} · {self.major or ''} · {self.school_class}".replace(
            " ·  ·", " ·"
        )


class ChoiceRequest(SchoolOwned):
    window = models.ForeignKey(
        ChoiceWindow, on_delete=models.CASCADE, related_name="requests", verbose_name=_("window")
    )
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="choice_requests",
        verbose_name=_("student"),
    )
    offer = models.ForeignKey(
        ChoiceOffer, on_delete=models.PROTECT, related_name="requests", verbose_name=_("choice")
    )
    reason = models.CharField(_("why this choice"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ChoiceStatus.choices,
        default=ChoiceStatus.REQUESTED,
        editable=False,
    )
    requested_on = models.DateField(_("requested on"), editable=False)
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    change = models.OneToOneField(
        "students.RollChange",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="choice",
        editable=False,
        verbose_name=_("roll change"),
    )

    class Meta:
        verbose_name = _("choice request")
        verbose_name_plural = _("choice requests")
        ordering = ["school", "window", "requested_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "student"],
                condition=~Q(status="withdrawn"),
                name="choicerequest_one_live_per_student",
                violation_error_message=_("You have a request in this window already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} → {self.offer}"
