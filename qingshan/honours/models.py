"""Honours of the school and of its party branch, commendations of people, and stories of
exemplary deeds that link to the people and honours they tell of.

Invariants: an honour is the school's or the branch's (``recipient``); a commendation names one
person (a party member of the branch, a member of staff, or someone without a record, such as
an alumnus, by name); files are served only through the permission-checked views.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.honours.enums import Level, Recipient


class Honour(SchoolOwned):
    recipient = models.CharField(
        _("awarded to"), max_length=8, choices=Recipient.choices, default=Recipient.SCHOOL
    )
    title = models.CharField(_("honorary title"), max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    issuer = models.CharField(_("awarded by"), max_length=100)
    awarded_on = models.DateField(_("awarded on"))
    certificate_scan = models.FileField(
        _("scan of the certificate"), upload_to="honours/%Y/", blank=True
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        ordering = ["school", "-awarded_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "recipient", "title", "awarded_on"],
                name="honour_once",
                violation_error_message=_("This honour is recorded already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.awarded_on.year}）"

    def get_absolute_url(self) -> str:
        key = "branchhonour" if self.recipient == Recipient.BRANCH else "honour"
        return reverse(f"honours:{key}_detail", args=[self.pk])


class Commendation(SchoolOwned):
    """A person commended, e.g. as "excellent party member" (优秀共产党员)."""

    title = models.CharField(_("commended as"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    issuer = models.CharField(_("commended by"), max_length=100)
    awarded_on = models.DateField(_("commended on"))
    member = models.ForeignKey(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("party member"),
    )
    staff = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("member of staff"),
    )
    person_name = models.CharField(
        _("name of the person"),
        max_length=40,
        blank=True,
        help_text=_("For someone without a record here."),
    )

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["school", "-awarded_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(member__isnull=False, staff__isnull=True, person_name="")
                    | Q(member__isnull=True, staff__isnull=False, person_name="")
                    | (Q(member__isnull=True, staff__isnull=True) & ~Q(person_name=""))
                ),
                name="commendation_one_person",
                violation_error_message=_(
                    "Name the person commended once: a party member, a member of staff or a name."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.title}"

    @property
    def person(self) -> str:
        return str(self.member or self.staff or self.person_name)

    def get_absolute_url(self) -> str:
        return reverse("honours:commendation_detail", args=[self.pk])


class Story(SchoolOwned):
    """A story of exemplary deeds (先进事迹), with a photo, linked to whom and what it tells of."""

    title = models.CharField(_("title of the story"), max_length=120)
    person_name = models.CharField(_("about"), max_length=60)
    told_on = models.DateField(_("written on"))
    body = models.TextField(_("story"))
    photo = models.FileField(_("photo"), upload_to="honours/stories/%Y/", blank=True)
    member = models.ForeignKey(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("party member"),
    )
    alumnus = models.ForeignKey(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("alumnus"),
    )
    commendation = models.ForeignKey(
        Commendation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("commendation"),
    )
    honour = models.ForeignKey(
        Honour,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("honour"),
    )

    class Meta:
        verbose_name = _("exemplary deeds story")
        verbose_name_plural = _("exemplary deeds stories")
        ordering = ["school", "-told_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("honours:story_detail", args=[self.pk])
