"""Pages of the annual summary: preview and edit, issue, issued versions, a figure's evidence."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qingshan.core import record_lists
from qingshan.core.downloads import DOCX, PDF, attachment, stored_file
from qingshan.core.errors import show_on_form
from qingshan.core.figures import Scope, registry
from qingshan.core.models import School
from qingshan.core.params import year_param
from qingshan.core.records import may_write, school_for
from qingshan.organization.selectors import working_year
from qingshan.reports.enums import BlockKind, ReportLanguage
from qingshan.reports.forms import BlockForm, IssueForm, NewBlockForm
from qingshan.reports.models import TemplateBlock
from qingshan.reports.rendering.content import build_content
from qingshan.reports.rendering.docx import summary_docx
from qingshan.reports.rendering.pdf import summary_pdf
from qingshan.reports.selectors import summary as selectors
from qingshan.reports.selectors.dashboard import figure_records
from qingshan.reports.selectors.summary import (
    check_template,
    compare_versions,
    issued_reports,
    render_html,
    report_changes,
)
from qingshan.reports.services import (
    add_block,
    ensure_default_template,
    issue_report,
    remove_block,
    update_block,
)


def _year(request: HttpRequest, school: School) -> int:
    """The year asked for, or the school's latest school year."""
    return year_param(request) or working_year(school=school, day=timezone.localdate())


def _language(request: HttpRequest) -> str:
    chosen = request.GET.get("lang") or get_language() or "zh-hans"
    return chosen if chosen in ReportLanguage.values else "zh-hans"


@login_required
def summary(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.view")
    template = selectors.summary_template(school)
    year, language = _year(request, school), _language(request)
    blocks = selectors.template_blocks(template)
    content = build_content(
        template=template,
        blocks=blocks,
        scope=Scope.of_school(school),
        year=year,
        language=language,
    )
    can_edit = may_write(request, "reports.edit", school)
    return render(
        request,
        "reports/summary.html",
        {
            "template": template,
            "blocks": blocks,
            "body": render_html(content, links=True),
            "check": check_template(blocks, language, content),
            "year": year,
            "years": range(year - 6, timezone.localdate().year + 1),
            "language": language,
            "languages": ReportLanguage.choices,
            "can_edit": can_edit,
            "issue_form": IssueForm(initial={"year": year, "language": language}),
            "new_block_form": NewBlockForm(),
            "issued": issued_reports(school, year)[:20],
        },
    )


@login_required
def summary_download(request: HttpRequest, fmt: str) -> HttpResponse:
    school = school_for(request, "reports.view")
    template = selectors.summary_template(school)
    year, language = _year(request, school), _language(request)
    content = build_content(
        template=template,
        blocks=selectors.template_blocks(template),
        scope=Scope.of_school(school),
        year=year,
        language=language,
    )
    if fmt == "docx":
        data = summary_docx(content)
        kind = DOCX
    elif fmt == "pdf":
        data, kind = summary_pdf(content), PDF
    else:
        raise Http404
    return attachment(data, f"summary-{year}-{language}.{fmt}", kind)


@login_required
def block_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "reports.edit", write=True)
    block = get_object_or_404(selectors.blocks(school), pk=pk)
    form = BlockForm(request.POST or None, instance=block)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = _preview(school, block, form.cleaned_data, _year(request, school))
        else:
            try:
                update_block(block=block, values=form.cleaned_data)
                messages.success(request, _("The block was saved."))
                return redirect("reports:summary")
            except ValidationError as error:
                show_on_form(form, error)
    return render(
        request,
        "reports/block_form.html",
        {"form": form, "block": block, "preview": preview, "lists": list(record_lists.registry)},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@login_required
@require_POST
def default_block_edit(request: HttpRequest, position: int) -> HttpResponse:
    """Editing a block of the default template: the school's own copy of the template is stored
    (the first change needs it), then the block at ``position`` opens for editing."""
    school = school_for(request, "reports.edit", write=True)
    template = ensure_default_template(school=school)
    block = selectors.block_at(template, position)
    if block is None:
        return redirect("reports:summary")
    year = request.POST.get("year", "")
    return redirect(f"{_block_url(block)}?year={year}" if year.isdigit() else _block_url(block))


def _block_url(block: TemplateBlock) -> str:
    return reverse("reports:block_edit", args=[block.pk])


def _preview(
    school: School, block: TemplateBlock, values: dict[str, Any], year: int
) -> dict[str, Any]:
    """The edited block rendered in both languages, with the checker's findings; nothing saved."""
    draft = TemplateBlock(
        school=school,
        template=block.template,
        position=values.get("position", block.position),
        kind=block.kind,
        text_zh=values.get("text_zh", block.text_zh),
        text_en=values.get("text_en", block.text_en),
        figure_keys=values.get("figure_keys", block.figure_keys),
    )
    result = {}
    for language in ReportLanguage.values:
        content = build_content(
            template=block.template,
            blocks=[draft],
            scope=Scope.of_school(school),
            year=year,
            language=language,
        )
        result[language] = {
            "html": render_html(content, links=True),
            # a lone heading has nothing under it yet: only a paragraph's values are judged
            "check": check_template(
                [draft], language, content if block.kind == BlockKind.NARRATIVE else None
            ),
        }
    return result


@login_required
@require_POST
def block_add(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.edit", write=True)
    form = NewBlockForm(request.POST)
    if form.is_valid():
        try:
            block = add_block(
                school=school,
                values={
                    "kind": form.cleaned_data["kind"],
                    "figure_keys": "organization.students"
                    if form.cleaned_data["kind"] in ("chart", "table")
                    else "",
                },
            )
            return redirect("reports:block_edit", pk=block.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("reports:summary")


@login_required
@require_POST
def block_remove(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "reports.edit", write=True)
    block = get_object_or_404(selectors.blocks(school), pk=pk)
    remove_block(block=block)
    messages.success(request, _("The block was removed."))
    return redirect("reports:summary")


@login_required
@require_POST
def summary_issue(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.edit", write=True)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the year and the language."))
        return redirect("reports:summary")
    try:
        report = issue_report(school=school, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            f"{_summary_url()}?year={form.cleaned_data['year']}&lang={form.cleaned_data['language']}"
        )
    messages.success(request, _("Version %(version)d is issued.") % {"version": report.version})
    return redirect(report)


def _summary_url() -> str:
    return reverse("reports:summary")


@login_required
def issued_list(request: HttpRequest) -> HttpResponse:
    school = school_for(request, "reports.view")
    return render(request, "reports/issued_list.html", {"reports": issued_reports(school)[:200]})


@login_required
def issued_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = school_for(request, "reports.view")
    report = get_object_or_404(selectors.full_issued_reports(school), pk=pk)
    changes = [change for change in report_changes(report) if change.differs]
    others = selectors.other_versions(school, report)
    return render(
        request,
        "reports/issued_detail.html",
        {"report": report, "changes": changes, "others": others},
    )


@login_required
def issued_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    school = school_for(request, "reports.view")
    report = get_object_or_404(selectors.full_issued_reports(school), pk=pk)
    field = {"docx": report.docx, "pdf": report.pdf}.get(fmt)
    if field is None or not field:
        raise Http404
    return stored_file(field, as_attachment=True)


@login_required
def issued_compare(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    school = school_for(request, "reports.view")
    first = get_object_or_404(selectors.full_issued_reports(school), pk=pk)
    second = get_object_or_404(selectors.full_issued_reports(school), pk=other)
    return render(
        request,
        "reports/issued_compare.html",
        {"first": first, "second": second, "rows": compare_versions(first, second)},
    )


@login_required
def evidence(request: HttpRequest, key: str) -> HttpResponse:
    """The records behind a figure for a year: each links to its own page where it has one."""
    school = school_for(request, "reports.view")
    if key not in registry:
        raise Http404
    figure = registry.get(key)
    year = _year(request, school)
    result, records = figure_records(school=school, key=key, year=year)
    page = (
        Paginator(records, 100).get_page(request.GET.get("page")) if records is not None else None
    )
    return render(
        request,
        "reports/evidence.html",
        {"figure": figure, "result": result, "year": year, "page": page},
    )
