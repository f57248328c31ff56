"""Writes of the reports app: the school's summary template and issuing (freezing) a report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.errors import DomainError
from qingshan.core.figure_store import evaluating
from qingshan.core.figures import FigureResult, Period, Scope, as_json_value, registry
from qingshan.core.models import School
from qingshan.core.services import create_record, update_record
from qingshan.reports.checker import empty_sections
from qingshan.reports.enums import BlockKind, ReportLanguage
from qingshan.reports.models import IssuedReport, SummaryTemplate, TemplateBlock
from qingshan.reports.rendering.content import Content, build_content
from qingshan.reports.rendering.docx import summary_docx
from qingshan.reports.rendering.pdf import summary_pdf
from qingshan.reports.selectors.summary import (
    check_template,
    default_blocks,
    default_template,
    render_html,
    stored_template,
    summary_template,
    template_blocks,
)


@transaction.atomic
def ensure_default_template(*, school: School) -> SummaryTemplate:
    """The school's stored summary template, stored from the default the first time (by the
    writes that need it: editing a block, adding one, issuing; pages only read the default)."""
    found = stored_template(school)
    if found is not None:
        return found
    School.objects.select_for_update().filter(pk=school.pk).first()  # one school at a time
    found = stored_template(school)
    if found is not None:
        return found
    default = default_template(school)
    template = create_record(
        school=school,
        model=SummaryTemplate,
        values={
            "name": default.name,
            "title_zh": default.title_zh,
            "title_en": default.title_en,
        },
    )
    TemplateBlock.objects.bulk_create(default_blocks(template))
    return template


def _check_keys(block: TemplateBlock) -> None:
    unknown = [key for key in block.keys if key not in registry]
    if unknown:
        raise ValidationError(
            {"figure_keys": _("No figure is called: %(keys)s") % {"keys": ", ".join(unknown)}}
        )
    if block.kind in (BlockKind.CHART, BlockKind.TABLE) and not block.keys:
        raise ValidationError({"figure_keys": _("Name at least one figure.")})


@transaction.atomic
def update_block(*, block: TemplateBlock, values: dict[str, Any]) -> TemplateBlock:
    allowed = {"text_zh", "text_en", "figure_keys", "position"}
    return update_record(
        record=block,
        values={key: value for key, value in values.items() if key in allowed},
        checks=[_check_keys],
    )


@transaction.atomic
def add_block(*, school: School, values: dict[str, Any]) -> TemplateBlock:
    """Add a block to the school's template (stored from the default first, if need be), at the
    end unless ``values`` give its position."""
    template = ensure_default_template(school=school)
    values = dict(values)
    position = values.pop("position", None)
    if position is None:
        position = (template.blocks.aggregate(top=Max("position"))["top"] or 0) + 10
    return create_record(
        school=school,
        model=TemplateBlock,
        values={"template": template, "position": position, **values},
        checks=[_check_keys],
    )


@transaction.atomic
def remove_block(*, block: TemplateBlock) -> None:
    block.delete()


def _results_with_records(school: School, year: int, keys: list[str]) -> dict[str, FigureResult]:
    """The figures an issued report freezes, computed now with the records behind each."""
    scope, period = Scope.of_school(school), Period.year(year)
    with evaluating():
        return {key: registry.get(key).evaluate(scope, period) for key in keys}


def _frozen_records(records: QuerySet[Any] | None) -> dict[str, Any]:
    """The model and the ids of the records behind a figure or a list, as a report stores them."""
    if records is None:
        return {"model": "", "records": []}
    return {
        "model": records.model._meta.label,
        "records": sorted(records.values_list("pk", flat=True)),
    }


def _frozen_figures(results: dict[str, Any]) -> dict[str, Any]:
    return {
        key: {
            "value": as_json_value(result.value),
            **_frozen_records(result.records),
            "breakdown": {name: as_json_value(value) for name, value in result.breakdown.items()},
        }
        for key, result in results.items()
    }


def issue_report(*, school: School, year: int, language: str, by: Any) -> IssuedReport:
    """Check, render and freeze the summary as the next version for the school, year and language.

    The slow part — computing the figures and rendering the page, the DOCX and the PDF — runs
    before any transaction is opened; then one short transaction stores the school's template
    (if it had none), numbers the version and stores the report together with its files. A
    report row therefore never exists without its files, and a refused or failed issue leaves
    neither a row nor a file behind.
    """
    if language not in ReportLanguage.values:
        raise ValidationError({"language": _("Choose Chinese or English.")})
    template = summary_template(school)
    blocks = template_blocks(template)
    check = check_template(blocks, language)
    if not check.ok:
        first = check.errors[0]
        raise DomainError(
            _("The summary cannot be issued: %(count)d problems, the first “%(text)s”: %(message)s")
            % {"count": len(check.errors), "text": first.text, "message": first.message},
            code="check_failed",
        )
    content = build_content(
        template=template,
        blocks=blocks,
        scope=Scope.of_school(school),
        year=year,
        language=language,
    )
    empty_sections(content.empty_sections(), check)  # the warnings only the built text shows
    rendered = _Rendered(
        html=render_html(content, links=False),
        docx=summary_docx(content),
        pdf=summary_pdf(content),
        figures=_frozen_figures(_results_with_records(school, year, content.used_keys)),
        lists=_frozen_lists(content),
    )
    return _store_issued(
        school=school,
        year=year,
        language=language,
        title=content.title,
        template_name=template.name,
        by=by,
        rendered=rendered,
        warnings=[{"block": w.block, "text": w.text, "message": w.message} for w in check.warnings],
    )


def _frozen_lists(content: Content) -> dict[str, Any]:
    """Each record list the text names: its items as printed, with the record each names, and
    every record behind the list."""
    return {
        key: {
            "value": len(result.items),
            "items": [
                {"text": item.text, "model": item.record_model, "pk": item.record_pk}
                for item in result.items
            ],
            **_frozen_records(result.records),
        }
        for key, result in content.lists.items()
    }


@dataclass(frozen=True)
class _Rendered:
    html: str
    docx: bytes
    pdf: bytes
    figures: dict[str, Any]
    lists: dict[str, Any]


def _store_issued(
    *,
    school: School,
    year: int,
    language: str,
    title: str,
    template_name: str,
    by: Any,
    rendered: _Rendered,
    warnings: list[dict[str, Any]],
) -> IssuedReport:
    """Store the rendered report as the next version, its files with it, in one short
    transaction; the files are removed again if the transaction does not go through."""
    written: list[FieldFile] = []
    try:
        with transaction.atomic():
            ensure_default_template(school=school)
            School.objects.select_for_update().filter(pk=school.pk).first()  # one at a time
            latest = (
                IssuedReport.objects.for_school(school)
                .filter(year=year, language=language)
                .aggregate(top=Max("version"))["top"]
            )
            version = (latest or 0) + 1
            report = IssuedReport(
                school=school,
                year=year,
                language=language,
                version=version,
                title=title,
                template_name=template_name,
                issued_at=timezone.now(),
                issued_by=by if getattr(by, "is_authenticated", False) else None,
                html=rendered.html,
                figures=rendered.figures,
                lists=rendered.lists,
                warnings=warnings,
            )
            stem = f"summary-{school.slug}-{year}-{language}-v{version}"
            report.docx.save(f"{stem}.docx", ContentFile(rendered.docx), save=False)
            written.append(report.docx)
            report.pdf.save(f"{stem}.pdf", ContentFile(rendered.pdf), save=False)
            written.append(report.pdf)
            report.full_clean()
            report.save()
    except BaseException:
        for stored in written:
            stored.delete(save=False)
        raise
    return report
