"""The Excel export of the document list: the import's columns (so a list can be edited and
imported into another school), then the status and the links between versions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.documents.enums import DocumentStatus
from qingshan.documents.importers import DOCUMENT_SHEET
from qingshan.documents.models import Document

EXPORT_SHEET = SheetSpec(
    key="documents",
    title_zh="文件",
    title_en="Documents",
    columns=(
        *DOCUMENT_SHEET.columns,
        Column("status", "状态", "Status"),
        Column("revises", "修订的文件", "Revises"),
        Column("repealed_by", "废止它的文件", "Repealed by"),
    ),
)


def export_rows(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One row per document; ``documents`` should select their revises and repealed_by."""
    for document in documents:
        yield {
            "number": document.number,
            "title": document.title,
            "kind": document.get_kind_display(),
            "issuer": document.issuer_name,
            "issued_on": document.issued_on,
            "effective_on": document.effective_on,
            "audience": "、".join(document.audience_labels),
            "repealed_on": document.ended_on
            if document.status == DocumentStatus.REPEALED
            else None,
            "body": document.body,
            "status": document.get_status_display(),
            "revises": document.revises.number if document.revises else "",
            "repealed_by": document.repealed_by.number if document.repealed_by else "",
        }
