"""The summary as a Word document in the official-document format (``rendering.official``): the
title, the sections, charts as images with their series in words, the note of the appendix, the
issuing organisation and the date right-aligned, and then, on a page of its own, the appendix: how
each figure is counted and the records the text names."""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt

from qingshan.core.charts import chart_png
from qingshan.reports.enums import BlockKind
from qingshan.reports.rendering import official
from qingshan.reports.rendering.content import Block, Content
from qingshan.reports.tokens import is_chinese


def _table(
    document: Any,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...] = (),
) -> None:
    """A table with a header row; ``widths`` in cm, one per column, within the 15.6 cm text."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)  # the grid, which LibreOffice reads
            for cell in column.cells:  # the cells, which Word reads
                cell.width = Cm(width)
    official.table_rows_whole(table)


def _body(document: Any, block: Block, indent: Any) -> None:
    if block.kind == BlockKind.HEADING:
        document.add_paragraph(block.text, style="Heading 2" if block.level == 2 else "Heading 1")
    elif block.kind == BlockKind.NARRATIVE:
        paragraph = document.add_paragraph(block.text)
        paragraph.paragraph_format.first_line_indent = indent
    elif block.kind == BlockKind.CHART and block.chart and block.chart["series"]:
        document.add_picture(io.BytesIO(chart_png(block.chart)), width=Cm(15))
        picture = document.paragraphs[-1].paragraph_format
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.line_spacing_rule = WD_LINE_SPACING.SINGLE  # a fixed 28 pt line would clip it
        caption = document.add_paragraph(block.caption)
        caption.paragraph_format.first_line_indent = indent
    elif block.kind == BlockKind.TABLE and block.rows:
        _table(
            document,
            (_("figure"), _("value")),
            [(row["label"], row["value"]) for row in block.rows],
            widths=(10.6, 5.0),
        )


def _signature(document: Any, content: Content, indent: Any) -> None:
    """The note of the appendix, then the issuing organisation and the date, right-aligned."""
    note = document.add_paragraph(_("Appendix: how each figure is counted"))
    note.paragraph_format.first_line_indent = indent
    document.add_paragraph()
    character = Pt(16) if is_chinese(content.language) else Pt(12)
    for text, chars in zip(
        (content.issuer, content.signed_on), content.signature_indents, strict=True
    ):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = int(character * chars)


def _appendix(document: Any, content: Content) -> None:
    document.add_page_break()
    document.add_paragraph(_("Appendix"), style="Heading 1").paragraph_format.first_line_indent = 0
    document.add_paragraph(_("How each figure is counted"), style="Title")
    _table(
        document,
        (_("figure"), _("value"), _("unit"), _("definition")),
        [
            (row["label"], row["value"], row["unit"], row["definition"])
            for row in content.definitions()
        ],
        widths=(3.8, 2.2, 1.4, 8.2),
    )
    if content.named:
        document.add_paragraph(_("Records the text names"), style="Heading 2")
        _table(
            document,
            (pgettext("reports", "list"), pgettext("reports", "named")),
            [(row.label, row.text) for row in content.named],
            widths=(5.6, 10.0),
        )


def summary_docx(content: Content) -> bytes:
    chinese = is_chinese(content.language)
    document = Document()
    official.page_setup(document, chinese)
    indent = Pt(32) if chinese else Pt(24)  # two characters
    with translation.override(content.language):
        document.add_paragraph(content.title, style="Title")
        for block in content.blocks:
            _body(document, block, indent)
        _signature(document, content, indent)
        _appendix(document, content)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
