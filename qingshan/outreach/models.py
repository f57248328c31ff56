"""Technology outreach (科技下乡): visits to the townships, materials handed out, technical
problems raised and solved, practical things done for the people, science popularisation
bases, and the farm households served (each once, however many visits).

Invariants: a problem counts as solved only when its solution was verified (who and when); a
household is one record of the school, visited through ``HouseholdVisit`` at most once a visit.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.outreach.enums import MaterialKind, ProblemField


class Visit(SchoolOwned):
    date = models.DateField(_("date"))
    township = models.CharField(_("township"), max_length=40)
    village = models.CharField(_("village"), max_length=40, blank=True)
    team = models.CharField(_("team"), max_length=200, help_text=_("Who went."))
    topic = models.CharField(_("topic"), max_length=120)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("outreach visit")
        verbose_name_plural = _("outreach visits")
        ordering = ["school", "-date", "township"]

    def __str__(self) -> str:
        return f"{self.date} {self.township} · {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:visit_detail", args=[self.pk])


class Handout(SchoolOwned):
    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, related_name="handouts", verbose_name=_("visit")
    )
    kind = models.CharField(
        _("kind of material"),
        max_length=12,
        choices=MaterialKind.choices,
        default=MaterialKind.LEAFLET,
    )
    title = models.CharField(_("title of the material"), max_length=120)
    count = models.PositiveIntegerField(_("copies handed out"))

    class Meta:
        verbose_name = _("material handed out")
        verbose_name_plural = _("materials handed out")
        ordering = ["school", "-visit__date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gt=0),
                name="handout_count_positive",
                violation_error_message=_("At least one copy is handed out."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} × {self.count}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:handout_detail", args=[self.pk])


class TechProblem(SchoolOwned):
    visit = models.ForeignKey(
        Visit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="problems",
        verbose_name=_("visit"),
    )
    raised_on = models.DateField(_("raised on"))
    township = models.CharField(_("township"), max_length=40)
    village = models.CharField(_("village"), max_length=40, blank=True)
    field = models.CharField(_("field"), max_length=12, choices=ProblemField.choices)
    description = models.TextField(_("problem"))
    solution = models.TextField(_("solution"), blank=True)
    solved_on = models.DateField(_("solved on"), null=True, blank=True)
    verified_by = models.CharField(_("solution verified by"), max_length=60, blank=True)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)

    class Meta:
        verbose_name = _("technical problem")
        verbose_name_plural = _("technical problems")
        ordering = ["school", "-raised_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(solved_on__isnull=True) | Q(solved_on__gte=F("raised_on")),
                name="problem_solved_after_raised",
                violation_error_message=_("A problem is solved after it was raised."),
            ),
            models.CheckConstraint(
                condition=Q(verified_on__isnull=True)
                | (Q(solved_on__isnull=False) & Q(verified_on__gte=F("solved_on"))),
                name="problem_verified_after_solved",
                violation_error_message=_("A solution is verified after the problem was solved."),
            ),
            models.CheckConstraint(
                condition=(Q(verified_on__isnull=True) & Q(verified_by=""))
                | (Q(verified_on__isnull=False) & ~Q(verified_by="")),
                name="problem_verified_by_whom_and_when",
                violation_error_message=_("Record both who verified the solution and when."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.township} · {self.description[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:problem_detail", args=[self.pk])

    @property
    def is_solved(self) -> bool:
        return self.verified_on is not None


class PracticalThing(SchoolOwned):
    """A practical thing done for the people (为民办实事)."""

    visit = models.ForeignKey(
        Visit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practical_things",
        verbose_name=_("visit"),
    )
    date = models.DateField(_("date"))
    township = models.CharField(_("township"), max_length=40)
    village = models.CharField(_("village"), max_length=40, blank=True)
    description = models.CharField(_("practical thing done"), max_length=200)
    beneficiaries = models.CharField(_("for whom"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("practical thing done for the people")
        verbose_name_plural = _("practical things done for the people")
        ordering = ["school", "-date", "pk"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("outreach:practical_detail", args=[self.pk])


class ScienceBase(SchoolOwned):
    name = models.CharField(_("name"), max_length=100)
    township = models.CharField(_("township"), max_length=40)
    host = models.CharField(
        _("host"), max_length=100, help_text=_("The farm, cooperative or household that hosts it.")
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("base closed on"), null=True, blank=True)
    activities = models.TextField(_("activities"), blank=True)

    class Meta:
        verbose_name = _("science popularisation base")
        verbose_name_plural = _("science popularisation bases")
        ordering = ["school", "township", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="sciencebase_unique_name",
                violation_error_message=_("A base with this name exists already."),
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")),
                name="sciencebase_until_after_since",
                violation_error_message=_("A base cannot close before it opened."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outreach:base_detail", args=[self.pk])


class Household(SchoolOwned):
    """A farm household (农户), counted once however many visits served it."""

    head = models.CharField(_("head of household"), max_length=40)
    township = models.CharField(_("township"), max_length=40)
    village = models.CharField(_("village"), max_length=40)
    specialty = models.CharField(_("what the household farms"), max_length=60, blank=True)
    is_demonstration = models.BooleanField(_("demonstration household"), default=False)
    demonstration_since = models.DateField(
        _("demonstration household since"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("farm household")
        verbose_name_plural = _("farm households")
        ordering = ["school", "township", "village", "head"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "township", "village", "head"],
                name="household_once",
                violation_error_message=_("This household is recorded already."),
            ),
            models.CheckConstraint(
                condition=Q(is_demonstration=True) | Q(demonstration_since__isnull=True),
                name="household_demonstration_since",
                violation_error_message=_(
                    "Only a demonstration household has a date since when it is one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.head}（{self.township}{self.village}）"

    def get_absolute_url(self) -> str:
        return reverse("outreach:household_detail", args=[self.pk])


class HouseholdVisit(SchoolOwned):
    """A household served on a visit."""

    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, related_name="households_served", verbose_name=_("visit")
    )
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="visits", verbose_name=_("household")
    )
    help_given = models.CharField(_("help given"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("household served")
        verbose_name_plural = _("households served")
        ordering = ["school", "-visit__date", "household__head"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "household"],
                name="householdvisit_once_a_visit",
                violation_error_message=_("This household is listed for this visit already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.household} · {self.visit.date}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:served_detail", args=[self.pk])
