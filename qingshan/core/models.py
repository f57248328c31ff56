"""The ground every app stands on: the tenant (``School`` under its ``Authority``), the tenant key
of school-owned rows, and archiving.

``Authority`` and ``School`` are defined here so that ``core`` imports no app, yet their tables
and migrations stay the organisation's (``app_label = "organization"``): the organisation app
keeps everything that hangs on a school.

Invariant: every school-owned row carries a non-null ``school`` and is read through
``for_school(school)``; nothing lists ``Model.objects.all()`` for a user.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuthorityLevel(models.TextChoices):
    COUNTY = "county", _("county")
    CITY = "city", _("city")
    PROVINCE = "province", _("province")


slug_help = _("Short name used in addresses and commands: lowercase letters, digits and hyphens.")


class Authority(models.Model):
    """An education bureau above schools; its viewers read figures across its schools."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address name"), unique=True, help_text=slug_help)
    level = models.CharField(
        _("level"), max_length=16, choices=AuthorityLevel.choices, default=AuthorityLevel.COUNTY
    )
    region_code = models.CharField(_("region code"), max_length=12, blank=True)

    class Meta:
        app_label = "organization"
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolQuerySet(models.QuerySet["School"]):
    def active(self) -> Self:
        return self.filter(archived_at__isnull=True)


class School(models.Model):
    """The tenant: every school-owned row points here."""

    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="schools", verbose_name=_("authority")
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("address name"), unique=True, help_text=slug_help)
    code = models.CharField(_("school code"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        app_label = "organization"
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, int]:
        return {"school_id": self.pk}


_Row = TypeVar("_Row", bound=models.Model)


class SchoolScopedQuerySet(models.QuerySet[_Row]):
    def for_school(self, school: School) -> Self:
        return self.filter(school=school)

    def for_schools(self, schools: Iterable[School | int]) -> Self:
        return self.filter(school__in=schools)

    def active(self) -> Self:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> Self:
        return self.filter(archived_at__isnull=False)

    def pickable(self, *, keep: Any = None) -> Self:
        """The rows a form offers to choose from, plus the row ``keep`` (a record's current value)
        whatever its state."""
        condition = self.pickable_condition()
        return self.filter(condition | Q(pk=keep) if keep is not None else condition)

    def pickable_condition(self) -> Q:
        """Which rows may be newly chosen: active ones; a model's queryset may narrow it."""
        return Q(archived_at__isnull=True)


class SchoolOwned(models.Model):
    """A row that belongs to one school (the tenant) and may be archived instead of deleted."""

    school = models.ForeignKey(
        School, on_delete=models.PROTECT, verbose_name=_("school"), related_name="+"
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SchoolScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def get_additional_data(self) -> dict[str, Any]:
        return {"school_id": self.school_id}


class SchoolVersion(models.Model):
    """How many times the school's records have changed: raised by database triggers in the
    writing transaction (``core.versions``), read to tell a stored figure value fresh."""

    # No foreign key in the database: triggers raise versions while rows of a school are
    # deleted, the school's own row possibly first (a flush, a school's removal).
    school = models.OneToOneField(
        School,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        verbose_name=_("school"),
    )
    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("records version")
        verbose_name_plural = _("records versions")

    def __str__(self) -> str:
        return f"{self.school_id}@{self.version}"


class StoredFigure(models.Model):
    """A figure's value for one scope and period, as computed at the scope's ``stamp`` (its
    schools' records versions): exact while the stamp is current (``core.figure_store``)."""

    scope = models.CharField(_("scope"), max_length=40)  # "school:12" or "authority:3"
    key = models.CharField(_("figure"), max_length=80)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    stamp = models.CharField(_("records version"), max_length=64)
    value = models.JSONField(_("value"), null=True)
    breakdown = models.JSONField(_("breakdown"), default=dict)
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        verbose_name = _("stored figure value")
        verbose_name_plural = _("stored figure values")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "start", "end", "key"], name="storedfigure_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.scope} {self.start}–{self.end}"


class NoticeRead(models.Model):
    """That a user has read one notice of their inbox (``core.notices``), by the notice's key.

    Notices themselves are not stored: each app says what concerns a user now. A mark whose
    notice is gone (the plan filed, the task done) is harmless and never shown."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, verbose_name=_("school"), related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        verbose_name=_("user"),
        related_name="+",
    )
    key = models.CharField(_("notice"), max_length=200)
    read_at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        verbose_name = _("read notice")
        verbose_name_plural = _("read notices")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "key"], name="noticeread_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"
