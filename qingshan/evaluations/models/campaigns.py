"""A campaign: one instrument in one term; its targets, raters' tokens and what each rater owes.

Anonymity (after EvaP): ``RaterToken`` and ``RatingDue`` say who was invited and who has rated
whom — never what was answered; they carry no time of rating. Answers live in ``answers.py``
and carry neither user nor token nor time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.evaluations.enums import CampaignStatus, RaterKind, TargetKind


class Campaign(SchoolOwned):
    instrument = models.ForeignKey(
        "evaluations.Instrument",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("instrument"),
    )
    term = models.ForeignKey(
        "organization.Term",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("term"),
    )
    name = models.CharField(_("name"), max_length=120)
    status = models.PositiveSmallIntegerField(
        _("status"), choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    public_tokens = models.PositiveIntegerField(
        _("tokens for the public"),
        default=0,
        help_text=_("How many one-time links to print for members of the public."),
    )

    class Meta:
        verbose_name = _("rating campaign")
        verbose_name_plural = _("rating campaigns")
        ordering = ["school", "-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="campaign_closes_after_opening",
                violation_error_message=_("A campaign must close after it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("evaluations:campaign_detail", args=[self.pk])

    @property
    def is_open_now(self) -> bool:
        return (
            self.status == CampaignStatus.OPEN and self.opens_at <= timezone.now() < self.closes_at
        )


class CampaignTransition(SchoolOwned):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("campaign")
    )
    from_status = models.PositiveSmallIntegerField(_("from"), choices=CampaignStatus.choices)
    to_status = models.PositiveSmallIntegerField(_("to"), choices=CampaignStatus.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("campaign transition")
        verbose_name_plural = _("campaign transitions")
        ordering = ["school", "campaign", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class Target(SchoolOwned):
    """Who or what is rated in a campaign: a teacher, the school, a party member, a department."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="targets", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=TargetKind.choices)
    staff = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rating_targets",
        verbose_name=_("staff member"),
    )
    member = models.ForeignKey(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rating_targets",
        verbose_name=_("party member"),
    )
    department = models.ForeignKey(
        "organization.Department",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rating_targets",
        verbose_name=_("department"),
    )
    label = models.CharField(_("name"), max_length=120)
    invited = models.PositiveIntegerField(_("raters invited"), default=0)

    class Meta:
        verbose_name = _("rated person or unit")
        verbose_name_plural = _("rated people and units")
        ordering = ["school", "campaign", "label"]

    def __str__(self) -> str:
        return self.label


class RaterToken(SchoolOwned):
    """A rater's place in a campaign, and the keyed hash of the one-time key printed for them.
    Linked to the person invited (for reminders and the participation list), never to an answer.

    Only the keyed hash of a key is stored (``core.sealing``): whoever reads the database cannot
    rate in anyone's name. A key is shown once, when its slip or list is made; a lost slip is
    reissued (a new key), not reprinted. A signed-in rater needs no key (``key_hash`` empty)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("campaign")
    )
    # null, not "": many tokens have no key (signed-in raters), and NULLs never clash.
    key_hash = models.CharField(  # noqa: DJ001
        _("keyed hash of the key"), max_length=64, unique=True, null=True, editable=False
    )
    rater_kind = models.CharField(_("rater"), max_length=10, choices=RaterKind.choices)
    student = models.ForeignKey(
        "organization.Student",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("student"),
    )
    guardian = models.ForeignKey(
        "organization.Guardian",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("guardian"),
    )
    staff = models.ForeignKey(
        "organization.Staff",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("staff member"),
    )
    member = models.ForeignKey(
        "party.Member",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("party member"),
    )
    school_class = models.ForeignKey(
        "organization.SchoolClass",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("class"),
    )
    label = models.CharField(_("printed as"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("rater token")
        verbose_name_plural = _("rater tokens")
        ordering = ["school", "campaign", "school_class", "label", "pk"]

    def __str__(self) -> str:
        return self.label or self.get_rater_kind_display()


class RatingDue(models.Model):
    """That a token owes (or has given) a rating of one target. ``done`` flips once, atomically;
    no time is stored, so nothing here orders raters in time."""

    school = models.ForeignKey(
        "organization.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    token = models.ForeignKey(
        RaterToken, on_delete=models.CASCADE, related_name="dues", verbose_name=_("token")
    )
    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="dues", verbose_name=_("rated")
    )
    done = models.BooleanField(_("rated"), default=False)

    class Meta:
        verbose_name = _("rating due")
        verbose_name_plural = _("ratings due")
        constraints = [
            models.UniqueConstraint(fields=["token", "target"], name="ratingdue_once_per_target")
        ]
        indexes = [models.Index(fields=["school", "target", "done"], name="ratingdue_target_done")]

    def __str__(self) -> str:
        return f"{self.token} → {self.target}"
