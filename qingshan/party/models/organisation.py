"""The branch, its committee and party groups, and its members with their history."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned, SchoolScopedQuerySet
from qingshan.party.enums import (
    ACTIVE_MEMBER_STATUSES,
    CommitteeDuty,
    GroupKind,
    MemberCategory,
    MembershipEventKind,
    MemberStatus,
)


class Branch(SchoolOwned):
    """党支部: one per school. Its cadence and local-practice settings drive checks and dashboards."""

    name = models.CharField(_("name"), max_length=100)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    higher_committee = models.CharField(_("higher party committee"), max_length=100, blank=True)
    # 三会一课 cadence, in months; the weekly political study on a fixed weekday.
    members_meeting_months = models.PositiveSmallIntegerField(
        _("members' meeting every (months)"), default=3
    )
    committee_meeting_months = models.PositiveSmallIntegerField(
        _("committee meeting every (months)"), default=1
    )
    group_meeting_months = models.PositiveSmallIntegerField(
        _("party group meeting every (months)"), default=1
    )
    party_lesson_months = models.PositiveSmallIntegerField(
        _("party lesson every (months)"), default=3
    )
    study_weekday = models.PositiveSmallIntegerField(
        _("weekday of the political study"), default=3, help_text=_("1 is Monday, 7 is Sunday.")
    )
    study_time = models.TimeField(_("time of the political study"), null=True, blank=True)
    # Local practice: checks that are settings, not law.
    require_thought_reports = models.BooleanField(
        _("activists hand in a thought report every quarter"), default=True
    )
    require_half_yearly_assessment = models.BooleanField(
        _("the branch assesses activists every half year"), default=True
    )
    resubmission_wait_months = models.PositiveSmallIntegerField(
        _("months before a failed candidate is voted again"), default=6
    )
    league_recommendation_max_age = models.PositiveSmallIntegerField(
        _("applicants up to this age need the Youth League's recommendation"), default=28
    )

    class Meta:
        verbose_name = _("party branch")
        verbose_name_plural = _("party branches")
        constraints = [models.UniqueConstraint(fields=["school"], name="branch_one_per_school")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("party:branch")


class PartyGroup(SchoolOwned):
    branch = models.ForeignKey(
        Branch, on_delete=models.PROTECT, related_name="groups", verbose_name=_("branch")
    )
    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(
        _("kind"), max_length=20, choices=GroupKind.choices, default=GroupKind.STANDING
    )
    leader = models.ForeignKey(
        "Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("group leader"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("party group")
        verbose_name_plural = _("party groups")
        ordering = ["school", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="partygroup_unique_name",
                violation_error_message=_("A party group with this name exists already."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("party:group_detail", args=[self.pk])


class MemberQuerySet(SchoolScopedQuerySet["Member"]):
    def in_standing(self) -> MemberQuerySet:
        """Probationary and full members, not archived."""
        return self.active().filter(status__in=ACTIVE_MEMBER_STATUSES)


class Member(SchoolOwned):
    """A party member of the branch, linked to the staff or student record when there is one."""

    name = models.CharField(_("full name"), max_length=40)
    gender = models.CharField(
        _("gender"), max_length=8, choices=[("male", _("male")), ("female", _("female"))]
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    category = models.CharField(
        _("category"), max_length=16, choices=MemberCategory.choices, default=MemberCategory.TEACHER
    )
    staff = models.OneToOneField(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="party_member",
        verbose_name=_("staff record"),
    )
    student = models.OneToOneField(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="party_member",
        verbose_name=_("student record"),
    )
    group = models.ForeignKey(
        PartyGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("party group"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.FULL
    )
    joined_on = models.DateField(
        _("admitted on"), help_text=_("Date of the branch resolution that admitted the member.")
    )
    probation_ends_on = models.DateField(_("probation ends on"), null=True, blank=True)
    full_on = models.DateField(_("full member since"), null=True, blank=True)
    on_party_probation = models.BooleanField(
        _("under party probation (留党察看)"),
        default=False,
        help_text=_("A member under party probation may not sponsor."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    register_note = models.TextField(
        _("explanation of a historic record"),
        blank=True,
        help_text=_(
            "For a member entered directly whose dates break today's rules (admitted under 18, "
            "or full before a year of probation): why the record is so, e.g. admitted under "
            "earlier rules. Such a member is flagged on the register."
        ),
    )

    objects = MemberQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("party member")
        verbose_name_plural = _("party members")
        ordering = ["school", "group__sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(staff__isnull=False) & Q(student__isnull=False)),
                name="member_one_person_record",
                violation_error_message=_(
                    "A member is linked to a staff record or a student record, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(full_on__isnull=True) | Q(full_on__gte=models.F("joined_on")),
                name="member_full_after_admission",
                violation_error_message=_("Full membership cannot start before admission."),
            ),
        ]
        indexes = [models.Index(fields=["school", "status"], name="member_school_status")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("party:member_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_MEMBER_STATUSES


class CommitteeSeat(SchoolOwned):
    branch = models.ForeignKey(
        Branch, on_delete=models.CASCADE, related_name="committee", verbose_name=_("branch")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="committee_seats", verbose_name=_("member")
    )
    duty = models.CharField(_("duty"), max_length=24, choices=CommitteeDuty.choices)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee seat")
        verbose_name_plural = _("committee seats")
        ordering = ["school", "duty", "-start_on"]

    def __str__(self) -> str:
        return f"{self.get_duty_display()}: {self.member}"


class MembershipEvent(SchoolOwned):
    """Something that changed a member's standing: admission, conversion, a transfer (关系转接)…"""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="events", verbose_name=_("member")
    )
    kind = models.CharField(_("event"), max_length=24, choices=MembershipEventKind.choices)
    date = models.DateField(_("date"))
    counterpart = models.CharField(
        _("other organisation"),
        max_length=120,
        blank=True,
        help_text=_("Where the membership came from or went to."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["school", "-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.member} · {self.get_kind_display()} · {self.date}"
