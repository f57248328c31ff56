"""The import of observations kept on paper: a dry run reports every row's errors by category
and writes nothing; a clean file is written as submitted observations scored item by item."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from qingshan.core.tabular.errors import ErrorCategory
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.importers import OBSERVATION_SHEET, ObservationImporter
from qingshan.teaching.models import Observation
from qingshan.teaching.tests.observation_factories import autumn_2013, published_rubric
from tests.factories import StaffFactory


def workbook(rows: list[dict[str, Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([column.header_zh for column in OBSERVATION_SHEET.columns])
    for row in rows:
        sheet.append([row.get(column.key, "") for column in OBSERVATION_SHEET.columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(**cells: Any) -> dict[str, Any]:
    return {
        "observer": "T1",
        "teacher": "T2",
        "observed_on": "2013-10-08",
        "periods": "1",
        "subject": "语文",
        "topic": "《荷塘月色》",
        "scores": "9, 18",
        **cells,
    }


@pytest.fixture
def setting(school):
    autumn_2013(school)
    published_rubric(school)  # two items: 10 and 20 points
    StaffFactory(school=school, staff_no="T1")
    StaffFactory(school=school, staff_no="T2")


def run(school, rows, *, dry_run):
    return ObservationImporter(school).run(workbook(rows), "obs.xlsx", dry_run=dry_run)


def test_a_clean_file_is_written_as_submitted_observations_scored_item_by_item(school, setting):
    report = run(school, [row(), row(topic="《雨巷》", scores="10、20")], dry_run=False)
    assert report.ok and report.created == 2
    first = Observation.objects.get(topic="《荷塘月色》")
    assert first.status == ObservationStatus.SUBMITTED
    assert first.total == Decimal(27)
    assert [score.points for score in first.scores.order_by("item__position")] == [9, 18]
    assert first.term.start_date == dt.date(2013, 9, 1)


def test_a_dry_run_reports_every_rows_errors_by_category_and_writes_nothing(school, setting):
    rows = [
        row(),
        row(observer="T9"),
        row(scores="9", topic="w"),
        row(scores="11, 18", topic="x"),
        row(observed_on="2013-08-01", topic="y"),
        row(teacher="T1", topic="z"),
        row(),
    ]
    report = run(school, rows, dry_run=True)
    categories = {(error.row, error.category) for error in report.errors}
    assert categories == {
        (3, ErrorCategory.REFERENCE),  # unknown observer
        (4, ErrorCategory.INVALID),  # one score for two items
        (5, ErrorCategory.INVALID),  # 11 of 10 points
        (6, ErrorCategory.REFERENCE),  # no term holds the date
        (7, ErrorCategory.INVALID),  # observes their own lesson
        (8, ErrorCategory.DUPLICATE),  # repeats row 2
    }
    assert not Observation.objects.exists()
    assert not run(school, rows, dry_run=False).written
    assert not Observation.objects.exists()


def test_an_observation_recorded_already_is_refused_not_overwritten(school, setting):
    assert run(school, [row()], dry_run=False).ok
    again = run(school, [row(scores="1, 1")], dry_run=False)
    assert [error.category for error in again.errors] == [ErrorCategory.CONFLICT]
    assert Observation.objects.get().total == Decimal(27)


def test_without_a_published_rubric_nothing_is_imported(school):
    autumn_2013(school)
    StaffFactory(school=school, staff_no="T1")
    StaffFactory(school=school, staff_no="T2")
    report = run(school, [row()], dry_run=False)
    assert not report.ok and not Observation.objects.exists()


def exported(client):
    from django.urls import reverse

    response = client.get(reverse("teaching:observation_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in line] for line in sheet.iter_rows()]


def test_the_export_reads_back_through_the_import_and_holds_only_what_the_reader_sees(
    school, setting, client_for, user_with_role
):
    from django.test import Client

    assert run(
        school, [row(), row(topic="《雨巷》", teacher="T1", observer="T2")], dry_run=False
    ).ok
    lines = exported(client_for("department_head", school))
    topics = {line[6] for line in lines}
    assert {"《荷塘月色》", "《雨巷》"} <= topics
    assert any("9.0, 18.0" in str(cell) for line in lines for cell in line)

    teacher_user = user_with_role("teacher", school)
    StaffFactory(school=school, user=teacher_user)
    client = Client()
    client.force_login(teacher_user)
    assert not {"《荷塘月色》", "《雨巷》"} & {line[6] for line in exported(client)}

    # the workbook exported imports again elsewhere as the same observations
    Observation.objects.all().delete()
    book = openpyxl.Workbook()
    for line in lines:
        book.active.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    again = ObservationImporter(school).run(buffer.getvalue(), "again.xlsx", dry_run=False)
    assert again.ok and again.created == 2
