"""Writing spreadsheets: import templates and exports.

Invariants: every text cell is escaped against formula injection (``cells.escape_formula``),
numbers stay numbers; exports stream (openpyxl write-only mode) and hold one header row in the
chosen language; a template's first sheet is the one ``read_table`` reads, with an empty
data region, and its header names every column in both languages.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext, override
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qingshan.core.tabular.cells import (
    bool_text,
    display_width,
    escape_formula,
    export_text,
    export_value,
)
from qingshan.core.tabular.spec import Column, SheetSpec, sheet_title

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 50


def build_template(sheet: SheetSpec, *, language: str) -> bytes:
    """An .xlsx to fill in: sheet 1 has the bilingual header (required ones marked *), frozen,
    text-formatted columns (ID numbers stay text); sheet 2 explains each column with an example."""
    with override(language):
        workbook = Workbook()
        data = workbook.active
        data.title = sheet_title(sheet.title(language))
        for index, column in enumerate(sheet.columns, start=1):
            header = ("*" if column.required else "") + column.bilingual_header(language)
            cell = data.cell(row=1, column=index, value=header)
            cell.font = HEADER_FONT
            cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
            cell.border = HEADER_BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if column.help_text:
                cell.comment = Comment(str(column.help_text), "Qingshan", width=240, height=100)
            letter = get_column_letter(index)
            texts = [header, str(column.example)]
            data.column_dimensions[letter].width = _width(texts)
            data.column_dimensions[letter].number_format = "@"
        data.freeze_panes = "A2"
        _write_instructions(
            workbook.create_sheet(sheet_title(gettext("Instructions"))), sheet, language
        )
        workbook.active = 0
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def _write_instructions(ws: Worksheet, sheet: SheetSpec, language: str) -> None:
    ws.append(
        [
            gettext("Fill in the sheet “%(sheet)s”: one row per record, below the header row.")
            % {"sheet": sheet.title(language)}
        ]
    )
    ws.append(
        [
            gettext(
                "Keep the header row and do not merge cells. Columns marked * must be "
                "filled in; columns the template does not name are ignored."
            )
        ]
    )
    ws.append([])
    header = [gettext("Column"), gettext("Required"), gettext("Example"), gettext("Notes")]
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for column in sheet.columns:
        ws.append(
            [
                escape_formula(column.bilingual_header(language)),
                bool_text(column.required, language),
                escape_formula(str(column.example)),
                escape_formula(str(column.help_text)),
            ]
        )
    for letter, width in zip("ABCD", (28, 10, 24, 60), strict=True):
        ws.column_dimensions[letter].width = width
        ws.column_dimensions[letter].number_format = "@"
    for row in ws.iter_rows(min_row=5):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def write_xlsx(sheet: SheetSpec, rows: Iterable[Mapping[str, Any]], *, language: str) -> bytes:
    """An .xlsx export: header in ``language``, one row per mapping (missing keys blank)."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(sheet_title(sheet.title(language)))
    iterator = iter(rows)
    sample = [
        _xlsx_row(row, sheet.columns, language)
        for row in itertools.islice(iterator, WIDTH_SAMPLE_ROWS)
    ]
    headers = [column.header(language) for column in sheet.columns]
    for index, header in enumerate(headers):
        texts = [header, *(export_text(row[index], language) for row in sample)]
        ws.column_dimensions[get_column_letter(index + 1)].width = _width(texts)
    ws.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=escape_formula(header))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header_cells.append(cell)
    ws.append(header_cells)
    for values in sample:
        ws.append(values)
    for row in iterator:
        ws.append(_xlsx_row(row, sheet.columns, language))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_csv(sheet: SheetSpec, rows: Iterable[Mapping[str, Any]], *, language: str) -> bytes:
    """A CSV export in UTF-8 with BOM (so Excel shows Chinese), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_formula(column.header(language)) for column in sheet.columns])
    for row in rows:
        writer.writerow([export_text(row.get(column.key), language) for column in sheet.columns])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_row(row: Mapping[str, Any], columns: Iterable[Column], language: str) -> list[Any]:
    return [export_value(row.get(column.key), language) for column in columns]


def _width(texts: Iterable[str]) -> float:
    widest = max((display_width(text) for text in texts), default=0)
    return min(MAX_WIDTH, max(MIN_WIDTH, widest + 2))
