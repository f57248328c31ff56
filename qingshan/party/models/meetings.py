"""三会一课 and the weekly political study: meetings with minutes and attendance."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.party.enums import AbsenceReason, AttendanceStatus, MeetingKind


class Meeting(SchoolOwned):
    """A meeting of the branch (or of one party group, for group meetings)."""

    branch = models.ForeignKey(
        "party.Branch", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("branch")
    )
    group = models.ForeignKey(
        "party.PartyGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("party group"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("time"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, default=1)
    topic = models.CharField(_("topic"), max_length=200)
    content = models.TextField(_("content studied or discussed"), blank=True)
    moderator = models.ForeignKey(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderated",
        verbose_name=_("moderator"),
    )
    location = models.CharField(_("place"), max_length=100, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    motion = models.CharField(_("motion voted"), max_length=200, blank=True)
    yes_votes = models.PositiveSmallIntegerField(_("yes votes"), null=True, blank=True)
    no_votes = models.PositiveSmallIntegerField(_("no votes"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="party/meetings/%Y/", blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["school", "-date", "-pk"]
        indexes = [models.Index(fields=["school", "kind", "date"], name="meeting_school_kind_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.date} · {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("party:meeting_detail", args=[self.pk])


class Attendance(SchoolOwned):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    member = models.ForeignKey(
        "party.Member",
        on_delete=models.PROTECT,
        related_name="attendance",
        verbose_name=_("member"),
    )
    status = models.CharField(
        _("attendance"),
        max_length=10,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.PRESENT,
    )
    absence_reason = models.CharField(
        _("reason for absence"),
        max_length=10,
        choices=AbsenceReason.choices,
        blank=True,
        help_text=_("For an excused member: on leave, sick or away on duty."),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                name="attendance_once_per_meeting",
                violation_error_message=_("This member is already on the list."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.get_status_display()}"
