"""Importing screening results answered on paper: each row handed in as an imported sheet,
scored and raising its alert as one answered online; a dry run writes nothing, one bad row writes
nothing, every error is named by row, column and category; Chinese or English headers, Excel or
a GBK CSV."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.core.models import School
from qingshan.core.tabular.errors import ErrorCategory
from qingshan.counseling.enums import Grade
from qingshan.counseling.importers import (
    IMPORTERS,
    SCREENING_SHEET,
    ScreeningResultImporter,
    parse_answers,
)
from qingshan.counseling.models import Alert, Sheet
from qingshan.counseling.services import screening
from qingshan.counseling.services.sealed import open_text
from qingshan.counseling.tests.factories import CALM, INVALID, RED, Clinic, clinic

pytestmark = pytest.mark.django_db


def _answers(answers: dict[int, int], separator: str = ",") -> str:
    return separator.join(str(answers[number]) for number in sorted(answers))


def _book(rows: list[list[Any]], *, english: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [column.header_en if english else column.header_zh for column in SCREENING_SHEET.columns]
    )
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def place(school: School) -> Clinic:
    return clinic(school)


def _today() -> str:
    return str(timezone.localdate())


def test_the_importers_are_keyed_by_their_sheet() -> None:
    assert list(IMPORTERS.items()) == [("screening_results", ScreeningResultImporter)]


def test_a_good_file_writes_sheets_scored_and_an_alert(place: Clinic) -> None:
    calm, red = place.student(), place.student()
    day = timezone.localdate() - dt.timedelta(days=1)
    data = _book(
        [
            [place.campaign.name, calm.student_no, str(day), _answers(CALM)],
            [place.campaign.name, red.student_no, str(day), _answers(RED, " ")],
        ]
    )

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    assert report.ok, report.errors
    assert (report.written, report.created, report.updated) == (True, 2, 0)
    sheets = {sheet.student: sheet for sheet in Sheet.objects.all()}
    assert set(sheets) == {calm, red}
    assert {sheet.entered for sheet in sheets.values()} == {"import"}
    assert (sheets[calm].grade, sheets[red].grade) == (None, Grade.RED)
    noon = timezone.localtime(sheets[red].answered_at)
    assert (noon.date(), noon.hour) == (day, 12)
    alert = Alert.objects.get()
    assert (alert.student, alert.grade, alert.raised_on) == (red, Grade.RED, day)
    assert alert.due_on == day + dt.timedelta(days=place.campaign.red_interview_days)
    assert open_text(sheets[red].answers_sealed).startswith('{"1": 4')


def test_a_dry_run_reports_and_writes_nothing(place: Clinic) -> None:
    student = place.student()
    data = _book([[place.campaign.name, student.student_no, _today(), _answers(RED)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=True)

    assert report.ok and not report.written
    assert report.created == 1
    assert not Sheet.objects.exists() and not Alert.objects.exists()


def test_an_invalid_sheet_is_kept_without_scores_and_raises_no_alert(place: Clinic) -> None:
    student = place.student()
    data = _book([[place.campaign.name, student.student_no, _today(), _answers(INVALID)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    assert report.written
    sheet = Sheet.objects.get()
    assert (sheet.valid, sheet.scores, sheet.grade) == (False, {}, None)
    assert not Alert.objects.exists()


def test_every_error_is_named_by_row_column_and_category_and_nothing_is_written(
    place: Clinic,
) -> None:
    good, answered = place.student(), place.student()
    place.hand_in(answered, CALM)
    outsider = place.student(enrolled_on=timezone.localdate())  # enrolled after it opened
    fresh = [place.student().student_no for _ in range(7)]  # one student a row: no duplicates
    name, today = place.campaign.name, _today()
    before_window = str(place.campaign.opens_on - dt.timedelta(days=1))
    data = _book(
        [
            [name, good.student_no, today, _answers(CALM)],  # 2: fine
            ["冬季普查", fresh[0], today, _answers(CALM)],  # 3
            [name, "NOBODY", today, _answers(CALM)],  # 4
            [name, fresh[1], today, _answers(CALM)[:-2]],  # 5: 13 answers
            [name, fresh[2], today, _answers(CALM | {3: 5})],  # 6: out of range
            [name, outsider.student_no, today, _answers(CALM)],  # 7
            [name, good.student_no, today, _answers(CALM)],  # 8: row 2 again
            [name, answered.student_no, today, _answers(CALM)],  # 9
            [name, fresh[3], "", _answers(CALM)],  # 10
            [name, fresh[4], "someday", _answers(CALM)],  # 11
            [name, fresh[5], today, "a,b,c"],  # 12
            [name, fresh[6], before_window, _answers(CALM)],  # 13
        ]
    )

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    found = {(error.row, error.column, error.category) for error in report.errors}
    assert found == {
        (3, "Campaign", ErrorCategory.REFERENCE),
        (4, "Student number", ErrorCategory.REFERENCE),
        (5, "Answers", ErrorCategory.INVALID),
        (6, "Answers", ErrorCategory.INVALID),
        (7, "Student number", ErrorCategory.CONFLICT),
        (8, "Student number", ErrorCategory.DUPLICATE),
        (9, None, ErrorCategory.CONFLICT),
        (10, "Answered on", ErrorCategory.MISSING),
        (11, "Answered on", ErrorCategory.INVALID),
        (12, "Answers", ErrorCategory.INVALID),
        (13, "Answered on", ErrorCategory.CONFLICT),
    }
    messages = {error.row: error.message for error in report.errors}
    assert "14 items" in messages[5] and "has 13" in messages[5]
    assert messages[6] == "Item 3 is answered from 1 to 4."
    assert messages[9] == "This student's sheet is handed in already."
    assert not report.written and report.created == 0
    assert list(Sheet.objects.values_list("student", flat=True)) == [answered.pk]


def test_a_future_day_is_refused(place: Clinic) -> None:
    student = place.student()
    tomorrow = str(timezone.localdate() + dt.timedelta(days=1))
    data = _book([[place.campaign.name, student.student_no, tomorrow, _answers(CALM)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    assert [(e.row, e.column, e.category) for e in report.errors] == [
        (2, "Answered on", ErrorCategory.INVALID)
    ]
    assert not Sheet.objects.exists()


def test_a_campaign_name_two_campaigns_share_names_none(place: Clinic) -> None:
    screening.create_campaign(
        school=place.school,
        values={
            "name": place.campaign.name,
            "scale": place.scale,
            "opens_on": place.campaign.opens_on,
            "closes_on": place.campaign.closes_on,
            "counselor": place.counselor,
        },
    )
    student = place.student()
    data = _book([[place.campaign.name, student.student_no, _today(), _answers(CALM)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    [error] = report.errors
    assert (error.column, error.category) == ("Campaign", ErrorCategory.REFERENCE)
    assert "Several campaigns" in error.message


def test_a_closed_campaign_still_takes_paper_sheets_but_a_draft_takes_none(
    place: Clinic,
) -> None:
    student = place.student()
    screening.close_campaign(campaign=place.campaign)
    data = _book([[place.campaign.name, student.student_no, _today(), _answers(CALM)]])
    assert ScreeningResultImporter(place.school).run(data, "r.xlsx", dry_run=False).written

    draft = screening.create_campaign(
        school=place.school,
        values={
            "name": "草稿普查",
            "scale": place.scale,
            "opens_on": timezone.localdate(),
            "closes_on": timezone.localdate(),
            "counselor": place.counselor,
        },
    )
    data = _book([[draft.name, student.student_no, _today(), _answers(CALM)]])
    report = ScreeningResultImporter(place.school).run(data, "r.xlsx", dry_run=False)
    assert [(e.column, e.category) for e in report.errors] == [("Campaign", ErrorCategory.CONFLICT)]


def test_a_student_of_another_school_is_unknown(place: Clinic, other_school: School) -> None:
    there = clinic(other_school, mark="外校")
    stranger = there.student()
    data = _book([[place.campaign.name, stranger.student_no, _today(), _answers(CALM)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    assert [(e.column, e.category) for e in report.errors] == [
        ("Student number", ErrorCategory.REFERENCE)
    ]
    assert not Sheet.objects.exists()


def test_a_sheet_answered_invalid_online_is_answered_again_by_import(place: Clinic) -> None:
    student = place.student()
    place.hand_in(student, INVALID)
    data = _book([[place.campaign.name, student.student_no, _today(), _answers(RED)]])

    report = ScreeningResultImporter(place.school).run(data, "results.xlsx", dry_run=False)

    assert (report.written, report.created, report.updated) == (True, 0, 1)
    sheet = Sheet.objects.get()
    assert (sheet.valid, sheet.grade, sheet.entered) == (True, Grade.RED, "import")


def test_a_gbk_csv_with_english_headers_imports(place: Clinic) -> None:
    student = place.student()
    header = ",".join(column.header_en for column in SCREENING_SHEET.columns)
    text = f'{header}\n{place.campaign.name},{student.student_no},{_today()},"{_answers(RED)}"\n'

    report = ScreeningResultImporter(place.school).run(
        text.encode("gbk"), "results.csv", dry_run=False
    )

    assert report.ok, report.errors
    assert Alert.objects.get().student == student


def test_an_empty_file_is_refused(school: School) -> None:
    report = ScreeningResultImporter(school).run(_book([]), "results.xlsx", dry_run=False)
    assert [(e.row, e.category) for e in report.errors] == [(None, ErrorCategory.FILE)]


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("1,2,4,3", (1, 2, 4, 3)),
        ("1 2  4 3", (1, 2, 4, 3)),
        ("1，2，4，3", (1, 2, 4, 3)),  # full-width commas of a Chinese input method
        ("1、2、4、3", (1, 2, 4, 3)),
        ("1243", (1, 2, 4, 3)),  # a spreadsheet turned 1,2,4,3 into a number
        ("１,２", (1, 2)),  # full-width digits
    ],
)
def test_answers_are_read_with_any_usual_separator(text: str, answers: tuple[int, ...]) -> None:
    assert parse_answers(text) == answers


@pytest.mark.parametrize("text", ["a,b", "1,2,x", "1.5,2", "-1,2", ",,", "½"])
def test_anything_but_numbers_is_not_answers(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_answers(text)
