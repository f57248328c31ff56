"""A student's path as enrolments: each a stretch of time in one track, programme, major, class
and length of schooling, with how it began and which roll change opened and closed it.

Invariants (docs/students.md):
- at most one open enrolment (``ends_on`` empty) per student, by a partial unique index; while
  the student is on the rolls exactly one, because every change closes one and opens the next
  in one transaction (``services.paths``), and a change that takes the student off the rolls
  (graduation, withdrawal, transfer out, death) closes the last one and opens none;
- enrolments of a student do not overlap: one ends on the day the next starts;
- ``organization.Student.school_class``, ``status`` and ``left_on`` mirror the open enrolment
  and are written only by ``services.paths``, in the same transaction.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.organization.enums import Track
from qingshan.students.enums import EnrolmentState, EntryRoute, Programme

MIN_LENGTH, MAX_LENGTH = 2, 6


class Enrolment(SchoolOwned):
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("student"),
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
        related_name="enrolments",
        verbose_name=_("class"),
    )
    length_years = models.PositiveSmallIntegerField(
        _("length of schooling (years)"),
        validators=[MinValueValidator(MIN_LENGTH), MaxValueValidator(MAX_LENGTH)],
    )
    entry_route = models.CharField(
        _("entry route"), max_length=16, choices=EntryRoute.choices, default=EntryRoute.EXAM
    )
    state = models.CharField(
        _("state"), max_length=16, choices=EnrolmentState.choices, default=EnrolmentState.STUDYING
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    opened_by = models.ForeignKey(
        "students.RollChange",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opened",
        verbose_name=_("opened by the change"),
    )
    closed_by = models.ForeignKey(
        "students.RollChange",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="closed",
        verbose_name=_("closed by the change"),
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["school", "student", "starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student"],
                condition=Q(ends_on__isnull=True),
                name="enrolment_one_open_per_student",
                violation_error_message=_("This student has an open enrolment already."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="enrolment_ends_after_it_starts",
                violation_error_message=_("An enrolment cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(length_years__gte=MIN_LENGTH) & Q(length_years__lte=MAX_LENGTH),
                name="enrolment_length_within_bounds",
                violation_error_message=_("The length of schooling is 2 to 6 years."),
            ),
        ]
        indexes = [
            models.Index(fields=["school", "starts_on", "ends_on"], name="enrolment_school_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.school_class} · {self.starts_on}–{self.ends_on or ''}"

    @property
    def is_open(self) -> bool:
        return self.ends_on is None

    def get_absolute_url(self) -> str:
        return reverse("students:path", args=[self.student_id])


class RollNumber(SchoolOwned):
    """The student's roll number (学籍号), issued once and kept for life: ``G`` and the resident
    ID number where the student has one, else ``L``, the school's code and a sequence (the
    temporary number the provincial systems give until an ID is known)."""

    student = models.OneToOneField(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="roll_number",
        verbose_name=_("student"),
    )
    number = models.CharField(_("roll number"), max_length=24)
    issued_on = models.DateField(_("issued on"))

    class Meta:
        verbose_name = _("roll number")
        verbose_name_plural = _("roll numbers")
        ordering = ["school", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "number"],
                name="rollnumber_unique_in_school",
                violation_error_message=_("Another student holds this roll number."),
            )
        ]

    def __str__(self) -> str:
        return self.number
