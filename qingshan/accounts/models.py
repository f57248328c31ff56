"""Users, their memberships (user × school × role) and API tokens.

Invariant: a membership names a school, except the authority viewer's, which names an
authority and thereby every school under it (read-only).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qingshan.accounts.enums import Role


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username


class MembershipQuerySet(models.QuerySet):
    def for_school(self, school: object) -> MembershipQuerySet:
        return self.filter(school=school)


class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    school = models.ForeignKey(
        "organization.School",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("school"),
    )
    authority = models.ForeignKey(
        "organization.Authority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("authority"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.AUTHORITY_VIEWER)
                    & Q(authority__isnull=False)
                    & Q(school__isnull=True)
                )
                | (
                    ~Q(role=Role.AUTHORITY_VIEWER)
                    & Q(school__isnull=False)
                    & Q(authority__isnull=True)
                ),
                name="membership_scope_matches_role",
            ),
            models.UniqueConstraint(
                fields=["user", "school", "role"], name="membership_unique_school_role"
            ),
            models.UniqueConstraint(
                fields=["user", "authority", "role"], name="membership_unique_authority_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.school or self.authority}"

    def get_additional_data(self) -> dict[str, int | None]:
        return {"school_id": self.school_id}


class ApiToken(models.Model):
    """A bearer token for /api/v1/. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=60)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
