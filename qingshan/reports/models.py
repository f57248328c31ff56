"""Annual-summary templates (sections and narrative blocks in both languages) and issued reports.

An issued report is frozen: its rendered files, every figure's value and the ids of the records
behind each, and every record list's items with the records they name, are stored when it is
issued and never change afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import SchoolOwned
from qingshan.reports.enums import BlockKind, ReportLanguage


class SummaryTemplate(SchoolOwned):
    name = models.CharField(_("name"), max_length=100)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        verbose_name = _("summary template")
        verbose_name_plural = _("summary templates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="reports_template_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def title(self, language: str) -> str:
        return self.title_zh if language.startswith("zh") else self.title_en


class TemplateBlock(SchoolOwned):
    """A section heading, a narrative paragraph with figure tokens, a chart or a table."""

    template = models.ForeignKey(
        SummaryTemplate, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("template")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=BlockKind.choices)
    text_zh = models.TextField(_("text (Chinese)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    figure_keys = models.CharField(
        _("figures"),
        max_length=500,
        blank=True,
        help_text=_("For a chart or a table: figure keys separated by spaces."),
    )

    class Meta:
        verbose_name = _("template block")
        verbose_name_plural = _("template blocks")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.get_kind_display()}"

    def text(self, language: str) -> str:
        return self.text_zh if language.startswith("zh") else self.text_en

    @property
    def keys(self) -> list[str]:
        return self.figure_keys.split()


def _report_path(instance: IssuedReport, filename: str) -> str:
    return f"reports/{instance.school_id}/{instance.year}/{filename}"


class IssuedReport(SchoolOwned):
    """A frozen annual summary: one version per school, year and language."""

    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=8, choices=ReportLanguage.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    template_name = models.CharField(_("template"), max_length=100)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    html = models.TextField(_("page"))
    figures = models.JSONField(_("figures and their records"), default=dict, blank=True)
    lists = models.JSONField(_("records named and their lists"), default=dict, blank=True)
    warnings = models.JSONField(_("warnings at issue"), default=list, blank=True)
    docx = models.FileField(_("Word file"), upload_to=_report_path)
    pdf = models.FileField(_("PDF file"), upload_to=_report_path)

    class Meta:
        verbose_name = _("issued report")
        verbose_name_plural = _("issued reports")
        ordering = ["-year", "language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year", "language", "version"],
                name="reports_one_version_number",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="reports_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("reports:issued_detail", args=[self.pk])
