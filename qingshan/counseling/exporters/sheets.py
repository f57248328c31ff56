"""What the pack and the guardian's export share: what is never exported, the words for withheld
values, and the writing of a sheet (texts escaped against formulas,
``core.tabular.cells.export_value``)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qingshan.core.tabular.cells import display_width, export_value
from qingshan.core.tabular.spec import sheet_title
from qingshan.core.tabular.writing import HEADER_FILL, HEADER_FONT

CONFIDENTIAL_APP = "counseling"
# Values of the counseling room a guardian's export shows besides dates: numbers and the log of
# who read a case, and why.
CONFIDENTIAL_SHOWN = frozenset(
    {"id", "number", "case_number", "reader_name", "reason", "break_glass"}
)
# Parts of field names that mark a secret, never exported.
SECRET_PARTS = frozenset({"password", "hash", "key", "token", "secret", "otp", "salt"})
LEFT_OUT = frozenset({"school"})
MAX_WIDTH, MIN_WIDTH = 60, 8


def sealed_note() -> str:
    return _("sealed: held by the counseling room; available through the counselor")


def withheld_note() -> str:
    return _("held by the counseling room; available through the counselor")


# --- writing ----------------------------------------------------------------------------------


def write_sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    language: str,
) -> None:
    """A write-only sheet: a bold, frozen header row, then ``rows`` (escaped, typed)."""
    ws: WriteOnlyWorksheet = workbook.create_sheet(sheet_title(title))
    cells = [[export_value(value, language) for value in row] for row in rows]
    for index, header in enumerate(headers):
        texts = [header, *(str(row[index] or "") for row in cells if index < len(row))]
        width = max(display_width(text) for text in texts) + 2
        ws.column_dimensions[get_column_letter(index + 1)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width)
        )
    ws.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=export_value(header, language))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header_cells.append(cell)
    ws.append(header_cells)
    for row in cells:
        ws.append(row)


def saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")
