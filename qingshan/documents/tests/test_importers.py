"""Excel import of a document list: template, dry run, row errors, all or nothing, duplicates."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qingshan.documents.enums import DocumentStatus, Issuer
from qingshan.documents.importers import DOCUMENT_SHEET, importers_for, parse_number
from qingshan.documents.models import Document
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]
HEADER = [
    "文号",
    "标题",
    "文种",
    "发文单位",
    "发文日期",
    "施行日期",
    "发放范围",
    "废止日期",
    "正文",
]
ALL = frozenset({Issuer.SCHOOL, Issuer.BRANCH, Issuer.DEPARTMENT})


def _workbook(rows: list[list[Any]], header: list[str] = HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(number: str = "通职中支发〔2013〕1号", **overrides: Any) -> list[Any]:
    values = {
        "title": "关于进一步加强基层组织建设的意见",
        "kind": "意见",
        "issuer": "党支部",
        "issued_on": "2013-02-25",
        "effective_on": "",
        "audience": "党员、全体教职工",
        "repealed_on": "",
        "body": "为建立健全长效机制，提出如下意见。",
    }
    values.update(overrides)
    return [number, *values.values()]


def _run(school: Any, rows: list[list[Any]], *, dry_run: bool, issuers: Any = ALL) -> Any:
    importer = importers_for(issuers)[DOCUMENT_SHEET.key](school)
    return importer.run(_workbook(rows), "documents.xlsx", dry_run=dry_run)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("通职中发〔2013〕5号", ("通职中发", 2013, 5)),
        ("通职中发[2013]12", ("通职中发", 2013, 12)),
        ("（2013）1号", ("", 2013, 1)),
    ],
)
def test_numbers_are_read_in_the_forms_offices_write_them(
    text: str, expected: tuple[Any, ...]
) -> None:
    assert tuple(parse_number(text)) == expected


@pytest.mark.parametrize("text", ["2013-5", "通职中发〔2013〕0号", "通职中发〔13〕5号", "第5号"])
def test_other_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_number(text)


def test_a_dry_run_checks_and_writes_nothing_then_the_import_writes_all(school: Any) -> None:
    office = DepartmentFactory(school=school, name="教务处")
    rows = [
        _row(),
        _row(
            "通职中教〔2013〕1号",
            title="听课评课议课制度",
            kind="regulation",
            issuer="教务处",
            audience="staff",
        ),
        _row(
            "通职中发〔2009〕3号",
            title="教师坐班暂行规定",
            issuer="学校",
            issued_on="2009-09-01",
            kind="规定",
            repealed_on="2010-08-30",
            audience="全体教职工",
        ),
    ]

    dry = _run(school, rows, dry_run=True)
    assert (dry.ok, dry.created, Document.objects.count()) == (True, 3, 0)

    report = _run(school, rows, dry_run=False)

    assert report.written
    opinion = Document.objects.get(title="关于进一步加强基层组织建设的意见")
    assert (opinion.number, opinion.issuer, opinion.effective_on) == (
        "通职中支发〔2013〕1号",
        Issuer.BRANCH,
        dt.date(2013, 2, 25),
    )
    assert opinion.audiences == ["staff", "party_members"]
    assert "基层" in opinion.search_title and "长效" in opinion.search_body
    assert Document.objects.get(title="听课评课议课制度").department == office
    repealed = Document.objects.get(title="教师坐班暂行规定")
    assert (repealed.status, repealed.ended_on) == (DocumentStatus.REPEALED, dt.date(2010, 8, 30))


def test_row_errors_are_reported_and_nothing_is_written(school: Any, issue: Issue) -> None:
    issue(issuer=Issuer.BRANCH, prefix="通职中支发", sequence=1, title="已有的意见")
    rows = [
        _row(),  # row 2: number in use at the school
        _row("通职中支发〔2013〕2号", issuer="后勤处"),  # row 3: unknown issuer
        _row("通职中支发〔2013〕3号", kind="诗歌"),  # row 4: unknown kind
        _row("通职中支发〔2014〕4号"),  # row 5: year of the number is not the year of issue
        _row("通职中支发〔2013〕5号", audience=""),  # row 6: audience missing
        _row("通职中支发〔2013〕6号", issued_on="2013-02-30"),  # row 7: no such day
        _row("通职中支发〔2013〕7号", repealed_on="2013-01-01"),  # row 8: repealed before
        _row("通职中支发〔2013〕8号", effective_on="2013-01-01"),  # row 9: effect before issue
        _row("通职中支发〔2013〕9号"),  # row 10: fine
        _row("通职中支〔2013〕9号"),  # row 11: same number as row 10, written another way
        _row("通职中支发〔2013〕9号"),  # row 12: the same text as row 10
    ]

    report = _run(school, rows, dry_run=False)

    assert not report.written and Document.objects.count() == 1
    rows_with_errors = sorted({error.row for error in report.errors})
    assert rows_with_errors == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12]
    messages = " ".join(error.message for error in report.errors)
    assert "已有的意见" in messages
    assert "repeats row 10" in messages


def test_a_person_imports_only_the_issuers_they_keep(school: Any) -> None:
    report = _run(
        school,
        [_row(), _row("通职中发〔2013〕1号", issuer="学校")],
        dry_run=True,
        issuers=frozenset({Issuer.SCHOOL}),
    )

    assert [error.row for error in report.errors] == [2]
    assert "You do not keep the documents" in report.errors[0].message


def test_english_headers_and_a_csv_are_read(school: Any) -> None:
    csv = (
        "Number,Title,Kind,Issuer,Issued on,Addressed to\r\n"
        "通职中发〔2013〕1号,实训室安全管理规定,regulation,school,2013-05-02,students;staff\r\n"
    ).encode("gbk")
    importer = importers_for(ALL)[DOCUMENT_SHEET.key](school)

    report = importer.run(csv, "documents.csv", dry_run=False)

    assert report.written
    assert Document.objects.get().audiences == ["staff", "students"]


def test_the_import_page_and_template(admin: Any, secretary: Any, client_as: Any) -> None:
    template = admin.get(reverse("documents:import_template", args=["documents"]))
    header = [cell.value for cell in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]]
    page = secretary.get(reverse("documents:import_start"))
    upload = io.BytesIO(_workbook([_row()]))
    upload.name = "documents.xlsx"
    checked = secretary.post(
        reverse("documents:import_start"), {"sheet": "documents", "file": upload}
    )
    imported = secretary.post(reverse("documents:import_start"), {"action": "import"})

    assert any("文号" in str(value) and "Number" in str(value) for value in header)
    assert page.status_code == 200
    assert "import-ready" in checked.content.decode()
    assert imported.status_code == 302
    assert Document.objects.get().issuer == Issuer.BRANCH
    assert client_as("teacher").get(reverse("documents:import_start")).status_code == 403
    assert admin.get(reverse("documents:import_template", args=["nothing"])).status_code == 404
