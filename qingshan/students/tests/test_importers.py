"""Importing paths kept before: admission rows and roll changes in date order, checked by the
path's own services; a dry run writes nothing, one bad row writes nothing, errors are named by row,
column and category."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest

from qingshan.core.tabular.errors import ErrorCategory
from qingshan.organization.enums import StudentStatus
from qingshan.students.importers import PATH_SHEET, PathImporter
from qingshan.students.models import Enrolment, RollChange
from qingshan.students.tests.factories import World, world
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db
KEYS = ("student", "kind", "effective_on", "school_class", "reason", "certificate_no")


def _sheet(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    header = [
        column.header_zh for key in KEYS for column in PATH_SHEET.columns if column.key == key
    ]
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


def _history(place: World, student: Any) -> bytes:
    return _sheet(
        [
            # out of order on purpose: rows are applied by date
            [student.student_no, "普职互转", "2013-09-05", place.fruit.name, "本人申请", ""],
            [student.student_no, "入学", "2013-09-01", place.general.name, "", ""],
            [student.student_no, "毕业", "2013-12-30", "", "准予毕业", "C-1"],
        ]
    )


def test_a_history_imports_as_a_path_and_the_roll_follows(place: World) -> None:
    student = StudentFactory(school=place.school, school_class=place.fruit)
    report = PathImporter(place.school).run(_history(place, student), "p.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert report.written
    path = list(Enrolment.objects.filter(student=student).order_by("starts_on", "pk"))
    assert [enrolment.school_class for enrolment in path] == [place.general, place.fruit]
    student.refresh_from_db()
    assert (student.status, str(student.left_on)) == (StudentStatus.GRADUATED, "2013-12-30")
    assert RollChange.objects.filter(student=student, status="done").count() == 2


def test_a_dry_run_reports_and_writes_nothing(place: World) -> None:
    student = StudentFactory(school=place.school, school_class=place.fruit)
    report = PathImporter(place.school).run(_history(place, student), "p.xlsx", dry_run=True)
    assert report.ok and not report.written
    assert not Enrolment.objects.exists() and not RollChange.objects.exists()


def test_one_bad_row_writes_nothing_and_each_error_names_its_row(place: World) -> None:
    student = StudentFactory(school=place.school, school_class=place.fruit)
    data = _sheet(
        [
            [student.student_no, "入学", "2013-09-01", place.general.name, "", ""],
            [student.student_no, "转专业", "2013-09-05", place.general.name, "x", ""],
            ["NOBODY", "入学", "2013-09-01", place.general.name, "", ""],
            [student.student_no, "飞升", "2013-09-06", "", "x", ""],
        ]
    )
    report = PathImporter(place.school).run(data, "p.xlsx", dry_run=False)
    assert not report.written
    by_row = {(error.row, error.category) for error in report.errors}
    assert (3, ErrorCategory.INVALID) in by_row  # a class of no other major
    assert (4, ErrorCategory.REFERENCE) in by_row  # an unknown student
    assert (5, ErrorCategory.INVALID) in by_row  # an unknown kind
    assert not Enrolment.objects.exists()
