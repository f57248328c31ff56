"""Turning uploaded bytes into a grid: numbered rows of cell texts plus merged ranges.

Invariants: row numbers are the ones a person sees (1-based, blank rows counted); every cell
is a stripped ``str`` (see ``cells.cell_text``); a grid's file is closed once its context ends.
xlsx files are read in openpyxl's streaming read-only mode; merged ranges, which that mode does
not expose, are found by scanning the worksheet XML for ``<mergeCell ref=…>``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from qingshan.core.tabular.cells import cell_text
from qingshan.core.tabular.spec import SheetSpec, normalize_header

Kind = Literal["xlsx", "csv"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and other Office 97 files)
_MERGE_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)"
)
_CHUNK = 1 << 20


class UnsupportedFile(Exception):
    """The upload is not a file this reader understands; ``reason`` says which kind."""

    def __init__(self, reason: Literal["xls", "type", "encoding", "empty"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class MergedRange:
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    ref: str


@dataclass
class Grid:
    rows: Iterator[tuple[int, list[str]]]
    merged: list[MergedRange] = field(default_factory=list)


def detect_kind(data: bytes, filename: str) -> Kind:
    """The format by content first (a zip is an xlsx whatever its name), then by extension."""
    if not data:
        raise UnsupportedFile("empty")
    if data.startswith(OLE_MAGIC):
        raise UnsupportedFile("xls")
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".csv", ".txt"}:
        return "csv"
    if suffix in {".xls", ".et"}:
        raise UnsupportedFile("xls")
    raise UnsupportedFile("type")


@contextmanager
def open_grid(data: bytes, filename: str, sheet: SheetSpec) -> Iterator[Grid]:
    if detect_kind(data, filename) == "xlsx":
        with _xlsx_grid(data, sheet) as grid:
            yield grid
    else:
        yield _csv_grid(data)


@contextmanager
def _xlsx_grid(data: bytes, sheet: SheetSpec) -> Iterator[Grid]:
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation, default styles …).
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        worksheets = workbook.worksheets
        if not worksheets:
            raise UnsupportedFile("empty")
        titles = {normalize_header(sheet.title_zh), normalize_header(sheet.title_en)}
        worksheet = next(
            (ws for ws in worksheets if normalize_header(ws.title) in titles), worksheets[0]
        )
        path = getattr(worksheet, "_worksheet_path", None)
        merged = _scan_merged(data, path) if path else _load_merged(data, worksheet.title)
        worksheet.reset_dimensions()  # a wrong <dimension> must neither cut nor pad rows
        rows = (
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        yield Grid(rows=rows, merged=merged)
    finally:
        workbook.close()


def _scan_merged(data: bytes, path: str) -> list[MergedRange]:
    """Merged ranges of one worksheet, read from its XML in chunks (bounded memory)."""
    found: list[MergedRange] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path.lstrip("/")) as xml:
        tail = b""
        while chunk := xml.read(_CHUNK):
            buffer = tail + chunk
            last_end = 0
            for match in _MERGE_CELL.finditer(buffer):
                found.append(_merged_range(match.group(1).decode("ascii")))
                last_end = match.end()
            tail = buffer[max(last_end, len(buffer) - 512) :]
    return found


def _load_merged(data: bytes, title: str) -> list[MergedRange]:
    """Fallback through openpyxl's full (slower) mode if the XML path is not known."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    return [_merged_range(str(ref)) for ref in workbook[title].merged_cells.ranges]


def _merged_range(ref: str) -> MergedRange:
    min_col, min_row, max_col, max_row = (bound or 1 for bound in range_boundaries(ref))
    return MergedRange(min_row, min_col, max_row, max_col, ref)


def _csv_grid(data: bytes) -> Grid:
    text = decode_text(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",\t;", key=first_line.count)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = (
        (number, [cell_text(value) for value in record])
        for number, record in enumerate(records, start=1)
    )
    return Grid(rows=rows)


def decode_text(data: bytes) -> str:
    """UTF-16 when it has a BOM (Excel's "Unicode text"), else UTF-8 with or without BOM,
    else GB18030 (a superset of GBK and GB2312, what Chinese Excel and WPS save)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnsupportedFile("encoding")
