"""Short-term training of migrant workers (阳光工程): courses, their cohorts, the trainees, each
trainee's place in a cohort (attendance, completion), certificates and follow-ups after the course.

Invariants: a trainee is one person of the school's records (one resident ID number per school)
and may sit in several cohorts, once in each; certificates and follow-ups belong to one such
place (an enrolment), so every rate is computed from enrolments.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.core.validators import validate_resident_id
from qingshan.organization.enums import Gender
from qingshan.trainings.enums import CertificateKind


class Course(SchoolOwned):
    name = models.CharField(_("course"), max_length=100)
    trade = models.CharField(_("trade"), max_length=60)
    hours = models.PositiveSmallIntegerField(_("class hours"))
    days = models.PositiveSmallIntegerField(_("days"))
    start_on = models.DateField(_("starts on"))
    end_on = models.DateField(_("ends on"))
    teachers = models.CharField(_("teachers of the course"), max_length=200, blank=True)
    place = models.CharField(_("training place"), max_length=100, blank=True)
    programme = models.CharField(_("funding programme"), max_length=100, blank=True)
    subsidy_per_head = models.DecimalField(
        _("subsidy per head (yuan)"), max_digits=8, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["school", "-start_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="course_unique_name",
                violation_error_message=_("A course with this name exists already."),
            ),
            models.CheckConstraint(
                condition=Q(end_on__gte=F("start_on")),
                name="course_ends_after_start",
                violation_error_message=_("A course cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(subsidy_per_head__gte=0),
                name="course_subsidy_not_negative",
                violation_error_message=_("The subsidy cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trainings:course_detail", args=[self.pk])


class Cohort(SchoolOwned):
    """One intake (期) of a course; a party group of the branch may be formed in it."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("course")
    )
    name = models.CharField(_("cohort"), max_length=100)
    start_on = models.DateField(_("starts on"))
    end_on = models.DateField(_("ends on"))
    party_group = models.OneToOneField(
        "party.PartyGroup",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="training_cohort",
        verbose_name=_("party group"),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["school", "-start_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="cohort_unique_name",
                violation_error_message=_("A cohort with this name exists already."),
            ),
            models.CheckConstraint(
                condition=Q(end_on__gte=F("start_on")),
                name="cohort_ends_after_start",
                violation_error_message=_("A cohort cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trainings:cohort_detail", args=[self.pk])


class Trainee(SchoolOwned):
    """A person of the villages who took part in training."""

    name = models.CharField(_("full name"), max_length=40)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    id_number = models.CharField(
        _("resident ID number"), max_length=18, validators=[validate_resident_id]
    )
    township = models.CharField(_("township"), max_length=40)
    village = models.CharField(_("village"), max_length=40, blank=True)
    phone = models.CharField(_("contact"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        ordering = ["school", "township", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "id_number"],
                name="trainee_unique_id_number",
                violation_error_message=_("A trainee with this resident ID number exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trainings:trainee_detail", args=[self.pk])


class Enrolment(SchoolOwned):
    """A trainee's place in a cohort: attendance and completion."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("cohort")
    )
    trainee = models.ForeignKey(
        Trainee, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("trainee")
    )
    days_attended = models.PositiveSmallIntegerField(_("days attended"), default=0)
    completed = models.BooleanField(_("completed the course"), default=False)
    is_party_member = models.BooleanField(
        _("party member"),
        default=False,
        help_text=_("A party member among the trainees belongs to the cohort's party group."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["school", "cohort", "trainee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "trainee"],
                name="enrolment_once_per_cohort",
                violation_error_message=_("This trainee is in this cohort already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee} · {self.cohort}"

    def get_absolute_url(self) -> str:
        return reverse("trainings:enrolment_detail", args=[self.pk])


class Certificate(SchoolOwned):
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("enrolment"),
    )
    kind = models.CharField(
        _("kind of certificate"),
        max_length=20,
        choices=CertificateKind.choices,
        default=CertificateKind.QUALIFICATION,
    )
    number = models.CharField(_("certificate number"), max_length=40)
    issuer = models.CharField(_("issued by"), max_length=100)
    issued_on = models.DateField(_("date of issue"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["school", "-issued_on", "number"]
        # A trainee's certificates, found from the enrolment within its school: the index keeps
        # the rates' subqueries on it even before the planner has statistics.
        indexes = [
            models.Index(fields=["enrolment", "school"], name="certificate_enrolment_school")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "kind", "number"],
                name="certificate_unique_number",
                violation_error_message=_(
                    "A certificate of this kind with this number exists already."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("trainings:certificate_detail", args=[self.pk])


class FollowUp(SchoolOwned):
    """What a trainee was doing when asked after the course; the latest one counts in the rates."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("enrolment")
    )
    checked_on = models.DateField(_("date of follow-up"))
    employed = models.BooleanField(_("employed"), default=False)
    employer = models.CharField(_("employer"), max_length=100, blank=True)
    region = models.CharField(_("region of work"), max_length=60, blank=True)
    monthly_income = models.DecimalField(
        _("monthly income (yuan)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("employment follow-up")
        verbose_name_plural = _("employment follow-ups")
        ordering = ["school", "-checked_on", "-pk"]
        indexes = [models.Index(fields=["enrolment", "school"], name="followup_enrolment_school")]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "checked_on"],
                name="followup_once_a_day",
                violation_error_message=_("This trainee has a follow-up on this date already."),
            ),
            models.CheckConstraint(
                condition=Q(employed=True) | Q(monthly_income__isnull=True),
                name="followup_income_only_when_employed",
                violation_error_message=_("Only an employed trainee has a monthly income."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_income__isnull=True) | Q(monthly_income__gte=0),
                name="followup_income_not_negative",
                violation_error_message=_("The monthly income cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.trainee} · {self.checked_on}"

    def get_absolute_url(self) -> str:
        return reverse("trainings:followup_detail", args=[self.pk])
