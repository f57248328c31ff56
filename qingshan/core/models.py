"""Building blocks shared by every app: the tenant key and archiving.

Invariant: every school-owned row carries a non-null ``school`` and is read through
``for_school(school)``; nothing lists ``Model.objects.all()`` for a user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from qingshan.organization.models import School


class SchoolScopedQuerySet(models.QuerySet):
    def for_school(self, school: School) -> Self:
        return self.filter(school=school)

    def for_schools(self, schools: Any) -> Self:
        return self.filter(school__in=schools)

    def active(self) -> Self:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> Self:
        return self.filter(archived_at__isnull=False)


class SchoolOwned(models.Model):
    """A row that belongs to one school (the tenant) and may be archived instead of deleted."""

    school = models.ForeignKey(
        "organization.School", on_delete=models.PROTECT, verbose_name=_("school"), related_name="+"
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
