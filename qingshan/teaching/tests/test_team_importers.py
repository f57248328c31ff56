"""The import of trainings done: a dry run with categorised row errors, then every row written
as done and counted in the ledger."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from qingshan.core.tabular.errors import ErrorCategory
from qingshan.teaching.importers import TRAINING_SHEET, TrainingImporter
from qingshan.teaching.models import TrainingRecord
from qingshan.teaching.selectors.practice import practice_ledger
from qingshan.teaching.tests import factories as f

pytestmark = pytest.mark.django_db


def _workbook(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([column.header_zh for column in TRAINING_SHEET.columns])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(staff_no: str, **cells: Any) -> list[Any]:
    values = {
        "id": None,
        "teacher": staff_no,
        "title": "企业实践",
        "kind": "企业实践",
        "organiser": "青山机械厂",
        "starts_on": "2013-07-01",
        "ends_on": "2013-08-31",
        "hours": "40",
        "certificate": "",
        "cost": "",
        "note": "",
        **cells,
    }
    return [values[column.key] for column in TRAINING_SHEET.columns]


def test_a_dry_run_reports_every_rows_errors_by_category_and_writes_nothing(
    school: Any,
) -> None:
    teacher = f.staff(school, staff_no="T1")
    requested = f.training(school, teacher=teacher)
    data = _workbook(
        [
            _row("T1"),
            _row("T9"),
            _row("T1", title="", hours="很多"),
            _row("T1"),
            _row("T1", id=requested.pk, title="改名"),
        ]
    )

    report = TrainingImporter(school).run(data, "trainings.xlsx", dry_run=True)

    found = {(error.row, error.category) for error in report.errors}
    assert (3, ErrorCategory.REFERENCE) in found
    assert {(4, ErrorCategory.MISSING), (4, ErrorCategory.INVALID)} <= found
    assert (5, ErrorCategory.DUPLICATE) in found
    assert (6, ErrorCategory.CONFLICT) in found
    assert not report.written
    assert TrainingRecord.objects.count() == 1


def test_imported_trainings_are_done_and_count_in_the_ledger(school: Any) -> None:
    teacher = f.profile(school, professional=True, staff=f.staff(school, staff_no="T1")).staff
    data = _workbook([_row("T1"), _row("T1", title="国培", kind="国培", hours="72.5")])

    report = TrainingImporter(school).run(data, "trainings.xlsx", dry_run=False)

    assert (report.ok, report.created) == (True, 2)
    records = TrainingRecord.objects.filter(teacher=teacher)
    assert {record.status for record in records} == {"done"}
    row = practice_ledger(school, dt.date(2013, 9, 1)).rows[0]
    # July and August 2013: 62 days = 2.04 months
    assert (row.months, row.hours) == (Decimal("2.0"), Decimal("112.5"))
