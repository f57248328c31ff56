"""A campaign's results as a workbook (.xlsx) and as a printable A4 report (PDF).

Invariants:
- everything comes from ``selectors.results``: a target whose result is not shown appears with
  its raters, those invited and "too few responses", never with a score (the result object
  holds none);
- the question sheet lists shown targets only;
- texts are in the chosen language (headers from Chinese/English pairs, like ``core.tabular``);
  spreadsheet texts are escaped against formulas; means are rounded to two decimals;
- results are exported only once the campaign is closed (the views check the reader).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.template import engines
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qingshan.core.errors import DomainError
from qingshan.core.tabular.cells import display_width, export_value
from qingshan.core.tabular.spec import is_chinese, sheet_title
from qingshan.core.tabular.writing import HEADER_FILL, HEADER_FONT
from qingshan.evaluations.enums import CampaignStatus
from qingshan.evaluations.models import Campaign
from qingshan.evaluations.selectors.results import (
    TargetResult,
    campaign_results,
    school_mean,
)

# (Chinese, English) texts of the exports.
TEXTS: dict[str, tuple[str, str]] = {
    "results": ("评价结果", "Results"),
    "questions": ("各题平均分", "Means by question"),
    "name": ("姓名", "Name"),
    "raters": ("评价人数", "Raters"),
    "invited": ("应评人数", "Invited"),
    "share": ("参评比例", "Share"),
    "mean": ("总平均分", "Overall mean"),
    "question_mean": ("平均分", "Mean"),
    "flagged": ("低于合格线", "Below the bar"),
    "too_few": ("评价人数过少，不显示结果", "too few responses"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "question": ("题目", "Question"),
    "answered": ("回答人数", "Answered"),
    "interval": ("95%置信区间", "95% interval"),
    "distribution": ("各分值人数", "Answers per score"),
    "options": ("各选项人数", "Answers per option"),
    "school_mean": ("全校平均分", "School mean"),
    "rule": (
        "至少 {raters} 人评价且参评比例不低于 {share} 时显示结果；合格线 {bar} 分。",
        "Results are shown from {raters} raters and a share of {share}; the bar is {bar}.",
    ),
    "term": ("学期", "Term"),
    "instrument": ("评价表", "Instrument"),
}
MEAN_DIGITS = 2


def _text(key: str, language: str) -> str:
    zh, en = TEXTS[key]
    return zh if is_chinese(language) else en


def _round(value: float | None) -> float | None:
    return round(value, MEAN_DIGITS) if value is not None else None


def _check(campaign: Campaign) -> None:
    if campaign.status < CampaignStatus.CLOSED:
        raise DomainError(_("Results are exported once the campaign is closed."), code="not_closed")


# --- workbook ---------------------------------------------------------------------------------


def _sheet(
    workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """A write-only sheet: a styled, frozen header row, then ``rows`` (escaped, typed)."""
    ws: WriteOnlyWorksheet = workbook.create_sheet(sheet_title(title))
    rows = list(rows)
    for index, header in enumerate(headers):
        texts = [header, *(str(row[index] if row[index] is not None else "") for row in rows)]
        width = max(display_width(text) for text in texts) + 2
        ws.column_dimensions[get_column_letter(index + 1)].width = min(50, max(8, width))
    ws.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=export_value(header, "en"))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        ws.append(row)


def results_xlsx(*, campaign: Campaign, language: str) -> bytes:
    """Sheet 1: one row per target (name, raters, invited, share, overall mean, below the bar);
    sheet 2: the mean of each scale question for the shown targets."""
    _check(campaign)
    with translation.override(language):
        results = campaign_results(campaign=campaign)
        workbook = Workbook(write_only=True)
        too_few = _text("too_few", language)
        _sheet(
            workbook,
            _text("results", language),
            [_text(key, language) for key in ("name", "raters", "invited", "share", "mean")]
            + [_text("flagged", language)],
            (
                [
                    export_value(result.target.label, language),
                    result.raters,
                    result.invited,
                    round(result.share, 4) if result.share is not None else None,
                    _round(result.overall_mean) if result.shown else too_few,
                    _text("yes" if result.flagged else "no", language) if result.shown else None,
                ]
                for result in results
            ),
        )
        shown = [result for result in results if result.shown]
        questions = shown[0].scales if shown else ()
        _sheet(
            workbook,
            _text("questions", language),
            [_text("name", language)]
            + [f"{n}. {scale.question.localized_text}" for n, scale in enumerate(questions, 1)]
            + [_text("mean", language)],
            (
                [export_value(result.target.label, language)]
                + [_round(scale.mean) for scale in result.scales]
                + [_round(result.overall_mean)]
                for result in shown
            ),
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


# --- PDF --------------------------------------------------------------------------------------

PDF_TEMPLATE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ campaign.name }}</title>
<style>
@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 9.5pt; }
h1 { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt; margin: 0; }
h2 { font-size: 11.5pt; margin: 0 0 2mm; }
p.meta { color: #444; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; }
th, td { border: 0.4pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #ddebf7; }
td.n { text-align: right; white-space: nowrap; }
section { page-break-inside: avoid; margin-top: 4mm; }
.hidden { color: #666; font-style: italic; }
.flag { color: #b00020; font-weight: bold; }
</style></head><body>
<h1>{{ campaign.name }}</h1>
<p class="meta">{{ school.name }} · {{ t.term }}: {{ campaign.term }} · {{ t.instrument }}:
 {{ instrument_name }}</p>
<p class="meta">{{ rule }}</p>
{% if school_mean is not None %}
<p class="meta">{{ t.school_mean }}: {{ school_mean }}</p>{% endif %}
<table>
<thead><tr><th>{{ t.name }}</th><th>{{ t.raters }}</th><th>{{ t.invited }}</th>
<th>{{ t.share }}</th><th>{{ t.mean }}</th><th>{{ t.flagged }}</th></tr></thead>
<tbody>{% for row in rows %}<tr><td>{{ row.label }}</td><td class="n">{{ row.raters }}</td>
<td class="n">{{ row.invited }}</td><td class="n">{{ row.share }}</td>
{% if row.shown %}<td class="n">{{ row.mean }}</td>
<td{% if row.flagged %} class="flag"{% endif %}>{{ row.flag_text }}</td>
{% else %}<td colspan="2" class="hidden">{{ t.too_few }}</td>{% endif %}</tr>{% endfor %}
</tbody></table>
{% for row in rows %}<section>
<h2>{{ row.label }}</h2>
{% if row.shown %}
<table><thead><tr><th>{{ t.question }}</th><th>{{ t.answered }}</th><th>{{ t.question_mean }}</th>
<th>{{ t.interval }}</th><th>{{ t.distribution }}</th></tr></thead><tbody>
{% for scale in row.scales %}<tr><td>{{ scale.text }}</td><td class="n">{{ scale.answered }}</td>
<td class="n">{{ scale.mean }}</td><td class="n">{{ scale.interval }}</td>
<td>{{ scale.distribution }}</td></tr>{% endfor %}
{% for choice in row.choices %}<tr><td>{{ choice.text }}</td>
<td colspan="4">{{ choice.counts }}</td></tr>{% endfor %}
</tbody></table>
{% else %}<p class="hidden">{{ t.too_few }} ({{ row.raters }} / {{ row.invited }})</p>{% endif %}
</section>{% endfor %}
</body></html>
"""


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.{MEAN_DIGITS}f}"


def _pdf_row(result: TargetResult, language: str) -> dict[str, Any]:
    """What the report prints of one target: only raters and invited unless it is shown."""
    row: dict[str, Any] = {
        "label": result.target.label,
        "raters": result.raters,
        "invited": result.invited,
        "share": f"{result.share:.0%}" if result.share is not None else "",
        "shown": result.shown,
    }
    if not result.shown:
        return row
    row |= {
        "mean": _number(result.overall_mean),
        "flagged": result.flagged,
        "flag_text": _text("yes" if result.flagged else "no", language),
        "scales": [
            {
                "text": scale.question.localized_text,
                "answered": scale.answered,
                "mean": _number(scale.mean),
                "interval": (
                    f"{_number(scale.interval[0])}–{_number(scale.interval[1])}"
                    if scale.interval
                    else ""
                ),
                "distribution": " · ".join(
                    f"{value}: {count}" for value, count in scale.distribution.items()
                ),
            }
            for scale in result.scales
        ],
        "choices": [
            {
                "text": choice.question.localized_text,
                "counts": " · ".join(f"{label}: {count}" for label, count in choice.labelled),
            }
            for choice in result.choices
        ],
    }
    return row


def results_pdf(*, campaign: Campaign, language: str) -> bytes:
    """An A4 report: the rule, the school mean, a summary table, then a table per target."""
    from weasyprint import HTML  # noqa: PLC0415 (loads Pango and the fonts: only when a PDF is made)

    _check(campaign)
    with translation.override(language):
        instrument = campaign.instrument
        mean = school_mean(campaign=campaign)
        context = {
            "lang": "zh-Hans" if is_chinese(language) else "en",
            "campaign": campaign,
            "school": campaign.school,
            "instrument_name": instrument.localized_name,
            "t": {key: _text(key, language) for key in TEXTS if key != "rule"},
            "rule": _text("rule", language).format(
                raters=instrument.min_raters,
                share=f"{instrument.min_share:.0%}",
                bar=instrument.threshold,
            ),
            "school_mean": _number(mean) if mean is not None else None,
            "rows": [_pdf_row(result, language) for result in campaign_results(campaign=campaign)],
        }
        html = engines["django"].from_string(PDF_TEMPLATE).render(context)
    return bytes(HTML(string=html).write_pdf())
