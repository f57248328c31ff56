"""Files handed to the browser: the content types of the formats offices use, one way to attach.

Every download is ``no-store`` (it may hold personal data) and names its file in UTF-8, so
Chinese file names survive.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from typing import Any

from django.db.models.fields.files import FieldFile
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from qingshan.core.tabular.spec import SheetSpec
from qingshan.core.tabular.writing import write_csv, write_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    return response


def stored_file(
    stored: FieldFile, *, filename: str | None = None, as_attachment: bool = False
) -> HttpResponse:
    """A file from storage, served after the caller's permission check (media is never public),
    under its own name unless another is given. Uploads are bounded (``QS_UPLOAD_MAX_BYTES``), so
    the file is read whole and closed before the response leaves."""
    name = filename or (stored.name or "").rsplit("/", 1)[-1]
    with stored.open("rb") as handle:
        content = handle.read()
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = content_disposition_header(as_attachment, name) or "inline"
    response["Cache-Control"] = "no-store"
    return response


def sheet_download(
    sheet: SheetSpec,
    rows: Iterable[dict[str, Any]],
    *,
    stem: str,
    language: str,
    as_csv: bool = False,
) -> HttpResponse:
    """The rows as an Excel workbook (or CSV), named ``<stem>-<today>``."""
    stamp = timezone.localdate().isoformat()
    if as_csv:
        return attachment(write_csv(sheet, rows, language=language), f"{stem}-{stamp}.csv", CSV)
    return attachment(write_xlsx(sheet, rows, language=language), f"{stem}-{stamp}.xlsx", XLSX)
