"""The organisation of a school: the tenant and everything the other apps hang on.

Authority (county bureau) → School (the tenant) → departments, grade teams, terms, majors,
classes, teaching assignments, staff, students and guardians. Referenced rows are archived,
never deleted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import SchoolOwned, SchoolScopedQuerySet
from qingshan.core.validators import validate_resident_id
from qingshan.organization.enums import (
    Education,
    Gender,
    GuardianRelation,
    Household,
    PoliticalStatus,
    ProfessionalTitle,
    Semester,
    StudentStatus,
    Track,
)


class Department(SchoolOwned):
    name = models.CharField(_("name"), max_length=60)
    description = models.CharField(_("responsibilities"), max_length=200, blank=True)
    head = models.ForeignKey(
        "Staff",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("head"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["school", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="department_unique_name",
                violation_error_message=_("A department with this name exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization:department_detail", args=[self.pk])


class GradeTeam(SchoolOwned):
    """年级组: the students who entered in one year and the teachers who lead them."""

    name = models.CharField(_("name"), max_length=40)
    entry_year = models.PositiveSmallIntegerField(_("entry year"))
    leader = models.ForeignKey(
        "Staff",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("leader"),
    )

    class Meta:
        verbose_name = _("grade team")
        verbose_name_plural = _("grade teams")
        ordering = ["school", "-entry_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "entry_year"],
                name="gradeteam_unique_year",
                violation_error_message=_("A grade team for this entry year exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization:gradeteam_detail", args=[self.pk])


class TermQuerySet(SchoolScopedQuerySet["Term"]):
    def overlapping(self, start: dt.date, end: dt.date) -> TermQuerySet:
        return self.filter(start_date__lte=end, end_date__gte=start)


class Term(SchoolOwned):
    """A semester: school year 2013 semester 1 is autumn 2013, semester 2 is spring 2014.

    The school opens a term to work in it (filings fall due, reminders go out, overdue marks
    show) and closes it when it is over; at most one term of a school is its current term, the
    one every page opens on."""

    school_year = models.PositiveSmallIntegerField(_("school year (first calendar year)"))
    semester = models.PositiveSmallIntegerField(_("semester"), choices=Semester.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    opened_on = models.DateField(
        pgettext_lazy("term", "opened on"), null=True, blank=True, editable=False
    )
    closed_on = models.DateField(
        pgettext_lazy("term", "closed on"), null=True, blank=True, editable=False
    )
    is_current = models.BooleanField(_("current term"), default=False, editable=False)

    objects = TermQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["school", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "semester"],
                name="term_unique_semester",
                violation_error_message=_("This semester exists already."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="term_ends_after_start",
                violation_error_message=_("A term must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["school"],
                condition=Q(is_current=True),
                name="term_one_current_per_school",
                violation_error_message=_("A school has one current term."),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(opened_on__isnull=False),
                name="term_closed_only_when_opened",
                violation_error_message=_("A term is closed only after it was opened."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(first)s–%(second)s school year, %(semester)s") % {
            "first": self.school_year,
            "second": self.school_year + 1,
            "semester": self.get_semester_display(),
        }

    def get_absolute_url(self) -> str:
        return reverse("organization:term_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.opened_on is not None and self.closed_on is None


class Major(SchoolOwned):
    """专业: a vocational programme the school offers."""

    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=60)
    length_years = models.PositiveSmallIntegerField(_("length of study (years)"), default=3)
    established_year = models.PositiveSmallIntegerField(
        _("year established"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("major")
        verbose_name_plural = _("majors")
        ordering = ["school", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "code"],
                name="major_unique_code",
                violation_error_message=_("A major with this code exists already."),
            ),
            models.UniqueConstraint(
                fields=["school", "name"],
                name="major_unique_name",
                violation_error_message=_("A major with this name exists already."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization:major_detail", args=[self.pk])


class PersonFields(SchoolOwned):
    """What a Chinese school keeps of every person on its rolls."""

    name = models.CharField(_("full name"), max_length=40)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    id_number = models.CharField(
        _("resident ID number"), max_length=18, blank=True, validators=[validate_resident_id]
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=20, default="汉族", blank=True)
    political_status = models.CharField(
        _("political status"),
        max_length=20,
        choices=PoliticalStatus.choices,
        default=PoliticalStatus.MASSES,
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class StaffQuerySet(SchoolScopedQuerySet["Staff"]):
    def pickable_condition(self) -> Q:
        """Forms offer staff who have not left."""
        return super().pickable_condition() & Q(left_on__isnull=True)


class Staff(PersonFields):
    staff_no = models.CharField(_("staff number"), max_length=20)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("department"),
    )
    position = models.CharField(_("position"), max_length=40, blank=True)
    title = models.CharField(
        _("professional title"),
        max_length=16,
        choices=ProfessionalTitle.choices,
        default=ProfessionalTitle.NONE,
    )
    education = models.CharField(
        _("education"), max_length=16, choices=Education.choices, blank=True
    )
    subject = models.CharField(_("main subject"), max_length=40, blank=True)
    hired_on = models.DateField(_("joined the school on"))
    left_on = models.DateField(_("left the school on"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_record",
        verbose_name=_("login"),
    )

    objects = StaffQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        ordering = ["school", "staff_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "staff_no"],
                name="staff_unique_number",
                violation_error_message=_("A staff member with this staff number exists already."),
            ),
            models.UniqueConstraint(
                fields=["school", "id_number"],
                condition=~Q(id_number=""),
                name="staff_unique_id_number",
                violation_error_message=_("A staff member with this ID number exists already."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("hired_on")),
                name="staff_leaves_after_joining",
                violation_error_message=_("A staff member cannot leave before joining."),
            ),
        ]
        indexes = [
            models.Index(fields=["school", "hired_on", "left_on"], name="staff_school_dates")
        ]

    def get_absolute_url(self) -> str:
        return reverse("organization:staff_detail", args=[self.pk])


class SchoolClass(SchoolOwned):
    """班级: students of one entry year, on one track (and one major when vocational)."""

    name = models.CharField(_("name"), max_length=60)
    grade_team = models.ForeignKey(
        GradeTeam, on_delete=models.PROTECT, related_name="classes", verbose_name=_("grade team")
    )
    track = models.CharField(_("track"), max_length=16, choices=Track.choices)
    major = models.ForeignKey(
        Major,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="classes",
        verbose_name=_("major"),
    )
    head_teacher = models.ForeignKey(
        Staff,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="head_of_classes",
        verbose_name=_("head teacher"),
    )
    entry_year = models.PositiveSmallIntegerField(_("entry year"))
    length_years = models.PositiveSmallIntegerField(_("length of study (years)"), default=3)

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["school", "-entry_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="class_unique_name",
                violation_error_message=_("A class with this name exists already."),
            ),
            models.CheckConstraint(
                condition=(Q(track=Track.VOCATIONAL) & Q(major__isnull=False))
                | (Q(track=Track.GENERAL) & Q(major__isnull=True)),
                name="class_major_matches_track",
                violation_error_message=_(
                    "A vocational class needs a major; a general class has none."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization:schoolclass_detail", args=[self.pk])

    @property
    def graduation_year(self) -> int:
        return self.entry_year + self.length_years


class TeachingAssignment(SchoolOwned):
    """Who teaches which subject to which class in which term (ratings of teachers start here)."""

    teacher = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("teacher")
    )
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("class")
    )
    subject = models.CharField(_("subject"), max_length=40)
    term = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("term")
    )
    weekly_hours = models.PositiveSmallIntegerField(_("periods per week"), default=4)

    class Meta:
        verbose_name = _("teaching assignment")
        verbose_name_plural = _("teaching assignments")
        ordering = ["school", "-term__start_date", "school_class__name", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "term", "school_class", "subject"],
                name="assignment_unique_subject",
                violation_error_message=_(
                    "This class already has a teacher for this subject in this term."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teacher} · {self.school_class} · {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("organization:teachingassignment_detail", args=[self.pk])


class StudentQuerySet(SchoolScopedQuerySet["Student"]):
    def pickable_condition(self) -> Q:
        """Forms offer students who are studying."""
        return super().pickable_condition() & Q(status=StudentStatus.STUDYING)

    def pickable(self, *, keep: Any = None) -> Self:
        return super().pickable(keep=keep).select_related("school_class")


class Student(PersonFields):
    student_no = models.CharField(_("student number"), max_length=20)
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="students", verbose_name=_("class")
    )
    enrolled_on = models.DateField(_("enrolled on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=StudentStatus.choices, default=StudentStatus.STUDYING
    )
    household = models.CharField(
        _("household registration"),
        max_length=8,
        choices=Household.choices,
        default=Household.RURAL,
    )
    boarding = models.BooleanField(_("boards at school"), default=False)
    home_address = models.CharField(_("home address"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="student_record",
        verbose_name=_("login"),
    )

    objects = StudentQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["school", "student_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "student_no"],
                name="student_unique_number",
                violation_error_message=_("A student with this student number exists already."),
            ),
            models.UniqueConstraint(
                fields=["school", "id_number"],
                condition=~Q(id_number=""),
                name="student_unique_id_number",
                violation_error_message=_("A student with this ID number exists already."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("enrolled_on")),
                name="student_leaves_after_enrolling",
                violation_error_message=_("A student cannot leave before enrolling."),
            ),
        ]
        indexes = [
            models.Index(fields=["school", "enrolled_on", "left_on"], name="student_school_dates")
        ]

    def get_absolute_url(self) -> str:
        return reverse("organization:student_detail", args=[self.pk])


class Guardian(SchoolOwned):
    """A parent or guardian: no login; rates the school through one-time links."""

    name = models.CharField(_("full name"), max_length=40)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    workplace = models.CharField(_("workplace"), max_length=100, blank=True)
    students = models.ManyToManyField(
        Student, through="GuardianLink", related_name="guardians", verbose_name=_("students")
    )

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")
        ordering = ["school", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization:guardian_detail", args=[self.pk])


class GuardianLink(SchoolOwned):
    guardian = models.ForeignKey(
        Guardian, on_delete=models.CASCADE, related_name="links", verbose_name=_("guardian")
    )
    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="guardian_links", verbose_name=_("student")
    )
    relation = models.CharField(_("relation"), max_length=16, choices=GuardianRelation.choices)

    class Meta:
        verbose_name = _("guardian of a student")
        verbose_name_plural = _("guardians of students")
        constraints = [
            models.UniqueConstraint(
                fields=["guardian", "student"],
                name="guardianlink_unique_pair",
                violation_error_message=_("This guardian is already linked to this student."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.guardian} → {self.student}"
