"""What every tenant-isolation test asks of an app's shared record pages (``core.records``)."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from django.test import Client
from django.urls import reverse


def _content(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_record_pages_hide(
    client: Client, namespace: str, key: str, foreign: Any, mark: str
) -> None:
    """Another school's record ``foreign`` (whose text carries ``mark``) is not found on the
    record type's detail, edit and archive, is left unarchived, and appears in neither the list
    (archived rows included) nor the Excel and CSV exports, which still hold this school's rows."""
    listing = client.get(reverse(f"{namespace}:{key}_list"), {"archive": "all"})
    detail = client.get(reverse(f"{namespace}:{key}_detail", args=[foreign.pk]))
    edit = client.get(reverse(f"{namespace}:{key}_edit", args=[foreign.pk]))
    archive = client.post(reverse(f"{namespace}:{key}_archive", args=[foreign.pk]))
    export = client.get(reverse(f"{namespace}:{key}_export"), {"format": "xlsx"})
    csv_export = client.get(reverse(f"{namespace}:{key}_export"), {"format": "csv"})
    assert (listing.status_code, detail.status_code, edit.status_code, archive.status_code) == (
        200,
        404,
        404,
        404,
    )
    assert mark not in listing.content.decode()
    book = openpyxl.load_workbook(io.BytesIO(_content(export)))
    cells = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]
    assert len(cells) > 1
    assert not [cell for cell in cells if mark in cell]
    assert mark not in _content(csv_export).decode("utf-8-sig")
    foreign.refresh_from_db()
    assert foreign.archived_at is None
