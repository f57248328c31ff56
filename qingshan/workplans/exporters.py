"""Files a user takes away: the month-end summary as DOCX, the duty roster as PDF and Excel."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qingshan.core.models import School
from qingshan.core.tabular.cells import escape_formula
from qingshan.workplans.enums import Line, Stage
from qingshan.workplans.models import MonthlyPlan, PlanItem
from qingshan.workplans.selectors.grid import GridTable

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"


def _east_asian_font(run: Any, name: str) -> None:
    run.font.name = name
    fonts = run.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def summary_docx(plan: MonthlyPlan, items: list[PlanItem]) -> bytes:
    """月末总结: the unit's month, both lines with every item's stage, outcome and evidence."""

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    _east_asian_font(style, SERIF)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(
        _("%(unit)s: summary of %(month)s")
        % {"unit": plan.unit_name, "month": formats.date_format(plan.month, "YEAR_MONTH_FORMAT")}
    )
    run.bold = True
    run.font.size = Pt(18)
    _east_asian_font(run, SANS)
    for line in Line:
        own = [item for item in items if item.line == line]
        heading = document.add_paragraph()
        head_run = heading.add_run(str(line.label))
        head_run.bold = True
        head_run.font.size = Pt(14)
        _east_asian_font(head_run, SANS)
        done = sum(1 for item in own if item.stage == Stage.DONE)
        document.add_paragraph(
            _("%(done)d of %(count)d items implemented.") % {"done": done, "count": len(own)}
        )
        if not own:
            continue
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            (_("work item"), _("responsible person"), _("stage"), _("outcome"), _("evidence")),
            strict=True,
        ):
            cell.text = text
        for item in own:
            row = table.add_row().cells
            row[0].text = item.title
            row[1].text = str(item.owner or "")
            row[2].text = str(item.stage.label) + (
                f" {item.done_on:%Y-%m-%d}" if item.done_on else ""
            )
            row[3].text = item.outcome
            row[4].text = item.evidence
    if plan.summary_text:
        heading = document.add_paragraph()
        remark = heading.add_run(_("Remarks"))
        remark.bold = True
        _east_asian_font(remark, SANS)
        for paragraph in plan.summary_text.splitlines():
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _roster_text(cell: Any) -> str:
    """A person's name; "—" for a blank post; nothing where the post has no cell (a time gap)."""
    if cell is None:
        return ""
    return escape_formula(str(cell.person)) if cell.person else "—"


def roster_xlsx(table: GridTable, *, title: str) -> bytes:
    """The duty roster as a sheet: one row per post, one column per slot."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Duty roster")[:31]
    sheet.append([escape_formula(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    header = [_("work line"), _("place"), *(str(slot) for slot in table.columns)]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True)
    for line, place, cells in table.rows:
        sheet.append(
            [
                escape_formula(line.name),
                escape_formula(place.name),
                *(_roster_text(cell) for cell in cells),
            ]
        )
    for index in range(len(header)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def roster_pdf(table: GridTable, *, title: str, school: School) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 (loads Pango and the fonts: only when a PDF is made)

    html = render_to_string(
        "workplans/roster_pdf.html", {"table": table, "title": title, "school": school}
    )
    return bytes(HTML(string=html).write_pdf())
