"""The summary as a Word document, as a Chinese office expects it: A4, 仿宋 body and 黑体 headings
(the installed Noto CJK faces), page numbers, charts as images, an appendix of figure definitions."""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from qingshan.core.charts import chart_png
from qingshan.reports.enums import BlockKind
from qingshan.reports.rendering.content import Content

BODY_FONT = "Noto Serif CJK SC"
HEADING_FONT = "Noto Sans CJK SC"


def _font(target: Any, name: str) -> None:
    target.font.name = name
    element = target.element
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), name)
    fonts.set(qn("w:hAnsi"), name)


def _page_number(paragraph: Any) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run.element.append(element)


def summary_docx(content: Content) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16 if content.language.startswith("zh") else 12)
    _font(normal, BODY_FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        _font(document.styles[name], HEADING_FONT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)

    with translation.override(content.language):
        title = document.add_heading(content.title, level=0)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for block in content.blocks:
            if block.kind == BlockKind.HEADING:
                document.add_heading(block.text, level=1)
            elif block.kind == BlockKind.NARRATIVE:
                paragraph = document.add_paragraph(block.text)
                paragraph.paragraph_format.first_line_indent = Pt(32)
            elif block.kind == BlockKind.CHART and block.chart and block.chart["series"]:
                document.add_picture(io.BytesIO(chart_png(block.chart)), width=Cm(15))
            elif block.kind == BlockKind.TABLE and block.rows:
                table = document.add_table(rows=1, cols=2)
                table.style = "Table Grid"
                table.rows[0].cells[0].text = _("figure")
                table.rows[0].cells[1].text = _("value")
                for row in block.rows:
                    cells = table.add_row().cells
                    cells[0].text, cells[1].text = row["label"], row["value"]
        document.add_page_break()
        document.add_heading(_("Appendix: how each figure is counted"), level=1)
        appendix = document.add_table(rows=1, cols=4)
        appendix.style = "Table Grid"
        for cell, text in zip(
            appendix.rows[0].cells,
            (_("figure"), _("value"), _("unit"), _("definition")),
            strict=True,
        ):
            cell.text = text
        for row in content.definitions():
            cells = appendix.add_row().cells
            cells[0].text = row["label"]
            cells[1].text, cells[2].text, cells[3].text = (
                row["value"],
                row["unit"],
                row["definition"],
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
