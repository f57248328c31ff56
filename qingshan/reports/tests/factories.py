"""Issued reports for tests, made without rendering (the rendering has its own tests)."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import timezone

from qingshan.reports.models import IssuedReport
from qingshan.reports.services import ensure_default_template


def issued_report(school: Any, *, year: int = 2013, figures: dict[str, Any] | None = None) -> Any:
    template = ensure_default_template(school=school)
    top = IssuedReport.objects.filter(school=school, year=year, language="zh-hans").aggregate(
        top=Max("version")
    )["top"]
    report = IssuedReport(
        school=school,
        year=year,
        language="zh-hans",
        version=(top or 0) + 1,
        title=f"{year}年总结",
        template_name=template.name,
        issued_at=timezone.now(),
        html="<p>frozen</p>",
        figures=figures or {},
    )
    report.docx.save("summary.docx", ContentFile(b"docx"), save=False)
    report.pdf.save("summary.pdf", ContentFile(b"%PDF-1.4"), save=False)
    report.save()
    report.template_block = template.blocks.first()
    return report
