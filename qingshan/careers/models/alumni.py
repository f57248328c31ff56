"""Alumni who agreed to be listed, and the regional League branches (团支部) of graduates at work.

Invariants (docs/careers.md):
- a graduate is listed among the alumni only while their consent stands: consent given and not
  withdrawn; every list, search, export and API read of alumni goes through
  ``selectors.alumni.listed`` (the opt-out is honoured everywhere by that one condition);
- a branch member is a graduate of the school, once per branch;
- feedback that led to a change in a partner agreement names that agreement.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.careers.enums import FeedbackTopic
from qingshan.careers.models.enterprises import Agreement
from qingshan.core.models import SchoolOwned


class Alumnus(SchoolOwned):
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="alumni_entries",
        verbose_name=_("graduate"),
    )
    consented_on = models.DateField(_("agreed to be listed on"))
    withdrawn_on = models.DateField(_("withdrew consent on"), null=True, blank=True)
    city = models.CharField(_("lives in"), max_length=40, blank=True)
    occupation = models.CharField(_("occupation"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    notable = models.BooleanField(
        _("notable alumnus"),
        default=False,
        help_text=_("Their story is told in the honours' stories of exemplary deeds."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("alumnus")
        verbose_name_plural = _("alumni")
        ordering = ["school", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "student"],
                name="alumnus_once",
                violation_error_message=_("This graduate is on the alumni list already."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("consented_on")),
                name="alumnus_withdrawn_after_consent",
                violation_error_message=_("Consent is withdrawn after it was given."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.student)

    def get_absolute_url(self) -> str:
        return reverse("careers:alumnus_detail", args=[self.pk])


class LeagueBranch(SchoolOwned):
    """A Youth League branch of the school's graduates working in one region."""

    name = models.CharField(_("name of the branch"), max_length=80)
    region = models.CharField(_("region"), max_length=40, help_text=_("e.g. Shenzhen, Suzhou"))
    founded_on = models.DateField(_("founded on"))
    secretary = models.ForeignKey(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("branch secretary"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("League branch of graduates")
        verbose_name_plural = _("League branches of graduates")
        ordering = ["school", "region", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                condition=Q(archived_at__isnull=True),
                name="leaguebranch_unique_name",
                violation_error_message=_("A branch of this name exists already."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("careers:leaguebranch_detail", args=[self.pk])


class BranchMember(SchoolOwned):
    branch = models.ForeignKey(
        LeagueBranch,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=pgettext_lazy("league", "branch"),
    )
    student = models.ForeignKey(
        "organization.Student",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("graduate"),
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(pgettext_lazy("branch member", "left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("branch member")
        verbose_name_plural = _("branch members")
        ordering = ["school", "branch", "joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "branch", "student"],
                name="branchmember_once",
                violation_error_message=_("This graduate is a member of the branch already."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="branchmember_left_after_joining",
                violation_error_message=_("A member leaves after joining."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.branch}"


class BranchActivity(SchoolOwned):
    branch = models.ForeignKey(
        LeagueBranch,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=pgettext_lazy("league", "branch"),
    )
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("activity"), max_length=120)
    attendance = models.PositiveSmallIntegerField(
        pgettext_lazy("activity", "attendance"), default=0, validators=[MaxValueValidator(5000)]
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("branch activity")
        verbose_name_plural = _("branch activities")
        ordering = ["school", "-held_on"]

    def __str__(self) -> str:
        return f"{self.branch} · {self.title}"


class BranchFeedback(SchoolOwned):
    """What a branch reports back to the school: wages, conditions, problems."""

    branch = models.ForeignKey(
        LeagueBranch,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=pgettext_lazy("league", "branch"),
    )
    received_on = models.DateField(_("received on"))
    topic = models.CharField(_("topic"), max_length=12, choices=FeedbackTopic.choices)
    summary = models.TextField(_("what the branch reports"))
    reported_wage = models.PositiveIntegerField(
        _("monthly wage reported (yuan)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(200_000)],
    )
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
        verbose_name=_("agreement changed in response"),
    )
    response = models.CharField(_("what the school changed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("branch feedback")
        verbose_name_plural = _("branch feedback")
        ordering = ["school", "-received_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=True) | ~Q(response=""),
                name="branchfeedback_change_described",
                violation_error_message=_(
                    "Say what the school changed in the agreement in response."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.branch} · {self.received_on}"
