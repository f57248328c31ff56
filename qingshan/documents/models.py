"""Documents issued by the school, its branch or a department, their versions and attachments.

Invariants:
- a number (文号) is the issuer's code, the year of issue and a sequence: ``通职中发〔2013〕5号``;
  the sequence is unique per school, issuer (the department, for a department's documents) and
  year, archived documents included (a number once given stays taken);
- a document in force has no end date; a revised or repealed one has the day it stopped being
  in force (``ended_on``), never before it took effect;
- the versions of one regulation form a chain: each revision points at the version it revises
  (``revises``, at most one revision per version) and at the first version (``origin``);
- every document is addressed to at least one audience (``enums.Audience``);
- ``search_title`` and ``search_body`` hold the index tokens of ``text.index_tokens`` and are
  refreshed on every save (``refresh_search_columns`` for bulk writes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned, SchoolScopedQuerySet
from qingshan.documents import text
from qingshan.documents.enums import (
    AUDIENCE_FIELDS,
    Audience,
    DocumentKind,
    DocumentStatus,
    Issuer,
)

MAX_SEQUENCE = 9999


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}〔{year}〕{sequence}号"


class DocumentQuerySet(SchoolScopedQuerySet["Document"]):
    def in_force_on(self, day: dt.date) -> Self:
        """Documents that have taken effect by ``day`` and not stopped before or on it."""
        return (
            self.active()
            .filter(effective_on__lte=day)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        )


class Document(SchoolOwned):
    issuer = models.CharField(_("issuer"), max_length=12, choices=Issuer.choices)
    department = models.ForeignKey(
        "organization.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issuing department"),
    )
    prefix = models.CharField(
        _("issuer's code"),
        max_length=20,
        blank=True,
        help_text=_("The abbreviation before the year in the number, e.g. 通职中发."),
    )
    year = models.PositiveSmallIntegerField(_("year of the number"), editable=False)
    sequence = models.PositiveIntegerField(
        _("sequence number"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SEQUENCE)],
    )
    number = models.CharField(_("number"), max_length=40, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of document"), max_length=12, choices=DocumentKind.choices)
    issued_on = models.DateField(_("issued on"))
    effective_on = models.DateField(_("in force from"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
        editable=False,
    )
    ended_on = models.DateField(_("no longer in force from"), null=True, blank=True, editable=False)
    revises = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revised_by",
        verbose_name=_("revises"),
        editable=False,
    )
    origin = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("first version"),
        editable=False,
    )
    repealed_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repeals",
        verbose_name=_("repealed by"),
        editable=False,
    )
    repeal_reason = models.TextField(_("reason for the repeal"), blank=True, editable=False)
    for_staff = models.BooleanField(_("addressed to all staff"), default=False)
    for_cadres = models.BooleanField(
        _("addressed to school leaders and department heads"), default=False
    )
    for_party_members = models.BooleanField(_("addressed to party members"), default=False)
    for_students = models.BooleanField(_("addressed to students"), default=False)
    body = models.TextField(_("full text"), blank=True)
    search_title = models.TextField(_("title tokens for search"), blank=True, editable=False)
    search_body = models.TextField(_("text tokens for search"), blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "-sequence", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "issuer", "year", "sequence"],
                condition=Q(department__isnull=True),
                name="document_number_unique",
                violation_error_message=_("This number is already used by another document."),
                violation_error_code="duplicate_number",
            ),
            models.UniqueConstraint(
                fields=["school", "department", "year", "sequence"],
                condition=Q(department__isnull=False),
                name="document_department_number_unique",
                violation_error_message=_("This number is already used by another document."),
                violation_error_code="duplicate_number",
            ),
            models.CheckConstraint(
                condition=Q(issuer=Issuer.DEPARTMENT, department__isnull=False)
                | (~Q(issuer=Issuer.DEPARTMENT) & Q(department__isnull=True)),
                name="document_department_iff_issuer_department",
                violation_error_message=_(
                    "A department's document names the department; no other document does."
                ),
            ),
            models.CheckConstraint(
                condition=Q(sequence__gte=1),
                name="document_sequence_positive",
                violation_error_message=_("The sequence number starts at 1."),
            ),
            models.CheckConstraint(
                condition=Q(effective_on__gte=models.F("issued_on")),
                name="document_effective_after_issue",
                violation_error_message=_("A document takes effect on or after its issue date."),
            ),
            models.CheckConstraint(
                condition=Q(status=DocumentStatus.IN_FORCE, ended_on__isnull=True)
                | (~Q(status=DocumentStatus.IN_FORCE) & Q(ended_on__isnull=False)),
                name="document_end_date_iff_not_in_force",
                violation_error_message=_("Only a revised or repealed document has an end date."),
            ),
            models.CheckConstraint(
                condition=Q(for_staff=True)
                | Q(for_cadres=True)
                | Q(for_party_members=True)
                | Q(for_students=True),
                name="document_has_audience",
                violation_error_message=_("Choose who the document is addressed to."),
            ),
        ]
        indexes = [
            models.Index(fields=["school", "issued_on"], name="document_school_issued"),
            models.Index(fields=["school", "status"], name="document_school_status"),
            models.Index(fields=["school", "kind"], name="document_school_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:document_detail", args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_columns()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "number", "search_title", "search_body"}
        super().save(*args, **kwargs)

    def refresh_search_columns(self) -> None:
        """Recompute the number and the stored search tokens from the fields they come from."""
        if self.issued_on is not None:
            self.year = self.issued_on.year
        if self.year and self.sequence:
            self.number = format_number(self.prefix, self.year, self.sequence)
        self.search_title = text.index_tokens(f"{self.title} {self.number}")
        self.search_body = text.index_tokens(self.body)

    @property
    def issuer_name(self) -> str:
        if self.issuer == Issuer.DEPARTMENT and self.department is not None:
            return self.department.name
        return str(self.get_issuer_display())

    @property
    def audiences(self) -> list[str]:
        return [value for value, name in AUDIENCE_FIELDS.items() if getattr(self, name)]

    @property
    def audience_labels(self) -> list[str]:
        return [str(Audience(value).label) for value in self.audiences]

    @property
    def is_in_force(self) -> bool:
        return self.status == DocumentStatus.IN_FORCE


class Attachment(SchoolOwned):
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("document"),
    )
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(_("stored file"), upload_to="documents/%Y/")
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["document", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]
