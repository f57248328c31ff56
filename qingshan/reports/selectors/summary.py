"""Reads of the annual summary: the school's template (or the default one, unsaved, while none is
stored), the checker over a template, the HTML page, issued reports and what has changed since one
was issued.

Invariants: nothing here writes — a school whose template was never stored reads the default
template built from ``reports.defaults`` (it is stored by the services that change or issue it);
every read is scoped to one school.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from qingshan.core import record_lists
from qingshan.core.figures import Period, Scope, as_json_value, registry
from qingshan.core.models import School
from qingshan.reports import defaults
from qingshan.reports.checker import CheckResult, check_text, empty_sections
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport, SummaryTemplate, TemplateBlock
from qingshan.reports.rendering.content import Content


def default_template(school: School) -> SummaryTemplate:
    """The default summary template of ``reports.defaults`` for the school, unsaved."""
    return SummaryTemplate(
        school=school,
        name=defaults.NAME,
        title_zh=defaults.TITLE_ZH,
        title_en=defaults.TITLE_EN,
    )


def default_blocks(template: SummaryTemplate) -> list[TemplateBlock]:
    """The default template's blocks for ``template`` (unsaved), ten positions apart."""
    return [
        TemplateBlock(
            school_id=template.school_id,
            template=template,
            position=index * 10,
            kind=kind,
            text_zh=text_zh,
            text_en=text_en,
            figure_keys=keys,
        )
        for index, (kind, text_zh, text_en, keys) in enumerate(defaults.BLOCKS, start=1)
    ]


def stored_template(school: School) -> SummaryTemplate | None:
    """The school's stored summary template (the first, should there be several), or ``None``."""
    return SummaryTemplate.objects.for_school(school).order_by("pk").first()


def summary_template(school: School) -> SummaryTemplate:
    """The school's summary template: the stored one, or the default one unsaved (``pk`` is
    ``None``) while the school has none."""
    found = stored_template(school)
    return found if found is not None else default_template(school)


def template_blocks(template: SummaryTemplate) -> list[TemplateBlock]:
    """The template's blocks in order: the stored ones, or the default ones (unsaved) for a
    template that is not stored."""
    if template.pk is None:
        return default_blocks(template)
    return list(TemplateBlock.objects.filter(school_id=template.school_id, template=template))


def blocks(school: School) -> QuerySet[TemplateBlock]:
    """Every stored block of the school's templates."""
    return TemplateBlock.objects.for_school(school)


def block_at(template: SummaryTemplate, position: int) -> TemplateBlock | None:
    """The stored block of the template at ``position`` (the first there), or ``None``."""
    return (
        TemplateBlock.objects.filter(
            school_id=template.school_id, template=template, position=position
        )
        .order_by("pk")
        .first()
    )


def check_template(
    blocks: list[TemplateBlock], language: str, content: Content | None = None
) -> CheckResult:
    """Errors and warnings of the narrative in one language (see ``reports.checker``); given the
    built ``content``, also the sections that would claim nothing."""
    result = CheckResult()
    keys, list_keys = registry.keys(), record_lists.registry.keys()
    with translation.override(language):
        for block in blocks:
            if block.kind in (BlockKind.HEADING, BlockKind.NARRATIVE):
                check_text(str(block.position), block.text(language), keys, result, list_keys)
        if content is not None:
            empty_sections(content.empty_sections(), result)
    return result


def render_html(content: Content, *, links: bool) -> str:
    """The summary as an HTML fragment; with ``links`` each figure opens its records."""
    with translation.override(content.language):
        return render_to_string("reports/summary_body.html", {"content": content, "links": links})


def issued_reports(school: School, year: int | None = None) -> QuerySet[IssuedReport]:
    """The school's issued reports (of ``year`` when given) without their page and figures, with
    who issued each: latest year first, then by language, latest version first."""
    found = (
        IssuedReport.objects.for_school(school)
        .select_related("issued_by")
        .defer("html", "figures")
        .order_by("-year", "language", "-version")
    )
    return found.filter(year=year) if year is not None else found


def full_issued_reports(school: School) -> QuerySet[IssuedReport]:
    """The school's issued reports with everything stored: the page, the frozen figures, the
    files."""
    return IssuedReport.objects.for_school(school)


def other_versions(school: School, report: IssuedReport) -> QuerySet[IssuedReport]:
    """The school's other issued versions of the report's year and language, latest first."""
    return (
        issued_reports(school, report.year).filter(language=report.language).exclude(pk=report.pk)
    )


@dataclass
class FigureChange:
    """A frozen figure against today's value, and the records behind the difference."""

    key: str
    label: str
    then: Any
    now: Any
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return self.then != self.now or bool(self.added or self.removed or self.changed)


def _evaluated(key: str, scope: Scope, period: Period, language: str) -> tuple[str, Any, Any]:
    """A frozen key's label, value today and records today: a figure's, or a record list's (its
    value the number of records it names)."""
    if key in registry:
        figure = registry.get(key)
        result = figure.evaluate(scope, period)
        return str(figure.label), as_json_value(result.value), result.records
    found = record_lists.registry.get(key)
    with translation.override(language):
        listed = found.evaluate(scope, period)
    return str(found.label), len(listed.items), listed.records


def report_changes(report: IssuedReport) -> list[FigureChange]:
    """For each frozen figure and record list: today's value, records added or removed since,
    records edited since."""
    scope, period = Scope.of_school(report.school), Period.year(report.year)
    changes = []
    frozen_items = [*report.figures.items(), *report.lists.items()]
    for key, frozen in frozen_items:
        if key not in registry and key not in record_lists.registry:
            continue
        label_text, value, records = _evaluated(key, scope, period, report.language)
        then_ids = set(frozen.get("records", []))
        now_ids = set(records.values_list("pk", flat=True)) if records is not None else set()
        edited: list[int] = []
        label = frozen.get("model", "")
        if label and then_ids & now_ids:
            model = apps.get_model(label)
            if any(field.name == "updated_at" for field in model._meta.concrete_fields):
                edited = sorted(
                    model._default_manager.filter(
                        pk__in=then_ids & now_ids, updated_at__gt=report.issued_at
                    ).values_list("pk", flat=True)
                )
        changes.append(
            FigureChange(
                key=key,
                label=label_text,
                then=frozen.get("value"),
                now=value,
                added=sorted(now_ids - then_ids),
                removed=sorted(then_ids - now_ids),
                changed=edited,
            )
        )
    return changes


@dataclass(frozen=True)
class VersionRow:
    key: str
    label: str
    first: Any
    second: Any


def compare_versions(first: IssuedReport, second: IssuedReport) -> list[VersionRow]:
    """Each figure and record list of two versions side by side: a list's value is the number of
    records it names."""
    one, two = {**first.figures, **first.lists}, {**second.figures, **second.lists}
    return [
        VersionRow(
            key=key,
            label=record_lists.label_of(key),
            first=one.get(key, {}).get("value"),
            second=two.get(key, {}).get("value"),
        )
        for key in sorted(set(one) | set(two))
    ]


def record_list_table(*, scope: Scope, year: int, language: str) -> list[dict[str, Any]]:
    """Every record list of the year, in ``language``: its key, label, definition, style and the
    items it names (each with its record's model and id)."""
    rows = []
    with translation.override(language):
        for found in record_lists.registry:
            result = found.evaluate(scope, Period.year(year))
            rows.append(
                {
                    "key": found.key,
                    "label": str(found.label),
                    "definition": str(found.definition),
                    "style": found.style,
                    "items": [
                        {
                            "text": item.text,
                            "detail": item.detail,
                            "model": item.record_model,
                            "id": item.record_pk,
                        }
                        for item in result.items
                    ],
                }
            )
    return rows
