"""Recruitment (发展党员): a recruit passes five stages through 25 steps recorded as rows.

Invariants (enforced by ``party.services.recruitment``): steps are recorded in order of their
number and date; the recruit's ``stage`` is the stage reached by the last stage-changing step; a
step that breaks a rule is refused unless a justified exception is recorded on it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.party.enums import (
    CultivationKind,
    MemberCategory,
    RecruitEventKind,
    RecruitStatus,
    Stage,
    Step,
)


class Recruit(SchoolOwned):
    name = models.CharField(_("full name"), max_length=40)
    gender = models.CharField(
        _("gender"), max_length=8, choices=[("male", _("male")), ("female", _("female"))]
    )
    birth_date = models.DateField(_("date of birth"))
    category = models.CharField(
        _("category"), max_length=16, choices=MemberCategory.choices, default=MemberCategory.TEACHER
    )
    staff = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruitments",
        verbose_name=_("staff record"),
    )
    student = models.ForeignKey(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruitments",
        verbose_name=_("student record"),
    )
    is_league_member = models.BooleanField(_("Youth League member"), default=False)
    stage = models.PositiveSmallIntegerField(
        _("stage"), choices=Stage.choices, default=Stage.APPLICANT
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RecruitStatus.choices, default=RecruitStatus.ACTIVE
    )
    member = models.OneToOneField(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruitment",
        verbose_name=_("member record"),
    )
    contacts = models.ManyToManyField(
        "party.Member",
        blank=True,
        related_name="cultivating",
        verbose_name=_("cultivation contacts"),
    )
    sponsors = models.ManyToManyField(
        "party.Member", blank=True, related_name="sponsoring", verbose_name=_("sponsors")
    )

    class Meta:
        verbose_name = _("recruit")
        verbose_name_plural = _("recruits")
        ordering = ["school", "-stage", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(staff__isnull=False) & Q(student__isnull=False)),
                name="recruit_one_person_record",
                violation_error_message=_(
                    "A recruit is linked to a staff record or a student record, not both."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["school", "status", "stage"], name="recruit_school_status_stage")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("party:recruit_detail", args=[self.pk])


class RecruitmentStep(SchoolOwned):
    """One of the 25 steps, as it happened: date, who, the meeting and its votes, the opinion."""

    recruit = models.ForeignKey(
        Recruit, on_delete=models.CASCADE, related_name="steps", verbose_name=_("recruit")
    )
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    date = models.DateField(_("date"))
    end_date = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("For steps that last: cultivation, training."),
    )
    ruleset = models.CharField(_("rules applied"), max_length=8, editable=False)
    actors = models.ManyToManyField(
        "party.Member",
        blank=True,
        related_name="recruitment_steps",
        verbose_name=_("members involved"),
    )
    other_actors = models.CharField(_("others involved"), max_length=200, blank=True)
    meeting_reference = models.CharField(_("meeting"), max_length=120, blank=True)
    # Votes of a branch general meeting (steps 15 and 23).
    entitled_to_vote = models.PositiveSmallIntegerField(
        _("full members entitled to vote"), null=True, blank=True
    )
    attended = models.PositiveSmallIntegerField(
        _("entitled members present"), null=True, blank=True
    )
    yes_votes = models.PositiveSmallIntegerField(_("yes votes (present)"), null=True, blank=True)
    written_yes_votes = models.PositiveSmallIntegerField(
        _("yes votes in writing from absent full members"), null=True, blank=True
    )
    no_votes = models.PositiveSmallIntegerField(_("no votes"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    league_recommended = models.BooleanField(_("recommended by the Youth League"), default=False)
    training_days = models.DecimalField(
        _("training days"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    training_hours = models.PositiveSmallIntegerField(
        _("training class hours"), null=True, blank=True
    )
    special_circumstances = models.CharField(
        _("special circumstances"),
        max_length=300,
        blank=True,
        help_text=_("Why an approval took more than three months."),
    )
    opinion = models.TextField(_("opinion or content"), blank=True)
    exception_reason = models.TextField(
        _("justified exception"),
        blank=True,
        help_text=_(
            "Filled in when a rule of local practice or a time limit was not met, and why."
        ),
    )
    exception_rule = models.CharField(
        _("rule excepted"), max_length=200, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("recruitment step")
        verbose_name_plural = _("recruitment steps")
        ordering = ["school", "recruit", "step", "date", "pk"]
        indexes = [models.Index(fields=["school", "step", "date"], name="step_school_step_date")]

    def __str__(self) -> str:
        return f"{self.recruit} · {self.step}. {self.get_step_display()}"

    @property
    def total_yes_votes(self) -> int:
        return (self.yes_votes or 0) + (self.written_yes_votes or 0)


class StepDocument(SchoolOwned):
    step = models.ForeignKey(
        RecruitmentStep, on_delete=models.CASCADE, related_name="documents", verbose_name=_("step")
    )
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(_("file"), upload_to="party/steps/%Y/")

    class Meta:
        verbose_name = _("step document")
        verbose_name_plural = _("step documents")

    def __str__(self) -> str:
        return self.title


class RecruitEvent(SchoolOwned):
    """Exceptional events: public notice, probation extended, candidacy revoked, a failed vote."""

    recruit = models.ForeignKey(
        Recruit, on_delete=models.CASCADE, related_name="events", verbose_name=_("recruit")
    )
    kind = models.CharField(_("event"), max_length=24, choices=RecruitEventKind.choices)
    date = models.DateField(_("date"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("recruitment event")
        verbose_name_plural = _("recruitment events")
        ordering = ["school", "recruit", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.recruit} · {self.get_kind_display()}"


class CultivationRecord(SchoolOwned):
    """An activist's quarterly thought report or the branch's half-yearly assessment."""

    recruit = models.ForeignKey(
        Recruit, on_delete=models.CASCADE, related_name="cultivation", verbose_name=_("recruit")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CultivationKind.choices)
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("cultivation record")
        verbose_name_plural = _("cultivation records")
        ordering = ["school", "recruit", "date"]

    def __str__(self) -> str:
        return f"{self.recruit} · {self.get_kind_display()} · {self.date}"
