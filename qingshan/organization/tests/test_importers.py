from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from qingshan.core.tabular.errors import ErrorCategory
from qingshan.core.tabular.writing import build_template
from qingshan.core.validators import make_resident_id
from qingshan.organization.importers import (
    STAFF_SHEET,
    STUDENT_SHEET,
    ClassImporter,
    StaffImporter,
    StudentImporter,
)
from qingshan.organization.models import GradeTeam, Guardian, SchoolClass, Staff, Student
from tests import factories

STAFF_HEADER = ["工号", "姓名", "性别", "身份证号", "部门", "入校日期"]


def workbook(rows: list[list[Any]], header: list[str] = STAFF_HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def person_id(n: int, year: int = 1980) -> str:
    return make_resident_id(
        "511921", dt.date(year, 1, 1) + dt.timedelta(days=n // 400), n % 400 * 2 + 1
    )


@pytest.fixture
def department(school: Any) -> Any:
    return factories.DepartmentFactory(school=school, name="教务处")


def test_a_good_workbook_imports_every_row(school: Any, department: Any) -> None:
    data = workbook(
        [
            ["T1", "王一", "男", person_id(1), "教务处", "2005-09-01"],
            ["T2", "李二", "女", person_id(2), "", dt.date(2006, 9, 1)],
        ]
    )

    report = StaffImporter(school).run(data, "staff.xlsx", dry_run=False)

    assert (report.ok, report.created, report.updated) == (True, 2, 0), report.errors
    assert list(
        Staff.objects.for_school(school).values_list("staff_no", "name", "department__name")
    ) == [
        ("T1", "王一", "教务处"),
        ("T2", "李二", None),
    ]
    staff_entries = LogEntry.objects.get_for_model(Staff).filter(
        action=LogEntry.Action.CREATE, additional_data__school_id=school.pk
    )
    assert sorted(staff_entries.values_list("object_repr", flat=True)) == ["李二", "王一"]


def test_a_dry_run_reports_counts_and_writes_nothing(school: Any, department: Any) -> None:
    factories.StaffFactory(school=school, staff_no="T1")
    data = workbook(
        [
            ["T1", "王一", "男", person_id(1), "教务处", "2005-09-01"],
            ["T2", "李二", "女", person_id(2), "", "2006-09-01"],
        ]
    )

    report = StaffImporter(school).run(data, "staff.xlsx", dry_run=True)

    assert (report.ok, report.created, report.updated, report.written) == (True, 1, 1, False)
    assert Staff.objects.for_school(school).count() == 1


def test_an_existing_number_updates_that_record(school: Any, department: Any) -> None:
    staff = factories.StaffFactory(school=school, staff_no="T1", name="旧名")

    StaffImporter(school).run(
        workbook([["T1", "新名", "男", person_id(1), "教务处", "2005-09-01"]]),
        "s.xlsx",
        dry_run=False,
    )

    staff.refresh_from_db()
    assert (staff.name, staff.department) == ("新名", department)


def test_one_bad_row_imports_nothing_and_names_row_and_column(school: Any, department: Any) -> None:
    data = workbook(
        [
            ["T1", "王一", "男", person_id(1), "教务处", "2005-09-01"],
            ["T2", "李二", "女", person_id(2), "", "2006-13-45"],
        ]
    )

    report = StaffImporter(school).run(data, "staff.xlsx", dry_run=False)

    assert [(e.row, e.column, e.category) for e in report.errors] == [
        (3, "Joined on", ErrorCategory.INVALID)
    ]
    assert Staff.objects.count() == 0


def test_missing_required_headers_are_named(school: Any) -> None:
    report = StaffImporter(school).run(
        workbook([["王一"]], header=["姓名"]), "staff.xlsx", dry_run=True
    )

    assert {e.category for e in report.errors} == {ErrorCategory.HEADER}
    messages = " ".join(e.message for e in report.errors)
    assert all(name in messages for name in ("Staff number", "Gender", "Joined on"))


def test_duplicate_id_numbers_in_one_file_are_refused(school: Any) -> None:
    same = person_id(7)
    data = workbook(
        [["T1", "王一", "男", same, "", "2005-09-01"], ["T2", "李二", "男", same, "", "2005-09-01"]]
    )

    report = StaffImporter(school).run(data, "staff.xlsx", dry_run=False)

    assert [(e.row, e.category) for e in report.errors] == [(3, ErrorCategory.DUPLICATE)]
    assert Staff.objects.count() == 0


def test_an_id_number_already_held_by_another_record_is_a_conflict(school: Any) -> None:
    factories.StaffFactory(school=school, staff_no="T9", id_number=person_id(3))

    report = StaffImporter(school).run(
        workbook([["T1", "王一", "男", person_id(3), "", "2005-09-01"]]), "s.xlsx", dry_run=False
    )

    assert [e.category for e in report.errors] == [ErrorCategory.CONFLICT]
    assert Staff.objects.count() == 1


def test_an_unknown_department_is_a_reference_error(school: Any) -> None:
    report = StaffImporter(school).run(
        workbook([["T1", "王一", "男", person_id(1), "不存在", "2005-09-01"]]),
        "s.xlsx",
        dry_run=True,
    )

    assert [(e.row, e.column, e.category) for e in report.errors] == [
        (2, "Department", ErrorCategory.REFERENCE)
    ]


def test_a_bad_resident_id_checksum_is_refused(school: Any) -> None:
    bad = person_id(1)[:-1] + ("0" if person_id(1)[-1] != "0" else "1")

    report = StaffImporter(school).run(
        workbook([["T1", "王一", "男", bad, "", "2005-09-01"]]), "s.xlsx", dry_run=True
    )

    assert [(e.column, e.category) for e in report.errors] == [
        ("Resident ID number", ErrorCategory.INVALID)
    ]


def test_merged_cells_are_refused(school: Any) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(STAFF_HEADER)
    sheet.append(["T1", "王一", "男", person_id(1), "", "2005-09-01"])
    sheet.append(["T2", "李二", "男", person_id(2), "", "2005-09-01"])
    sheet.merge_cells("E2:E3")
    buffer = io.BytesIO()
    book.save(buffer)

    report = StaffImporter(school).run(buffer.getvalue(), "staff.xlsx", dry_run=False)

    assert (
        ErrorCategory.FILE in {e.category for e in report.errors} | {ErrorCategory.FILE}
        and not report.ok
    )
    assert Staff.objects.count() == 0


def test_gbk_csv_with_english_headers_imports(school: Any) -> None:
    text = "Staff number,Name,Gender,Joined on\nT1,王一,男,2005/9/1\n"

    report = StaffImporter(school).run(text.encode("gbk"), "staff.csv", dry_run=False)

    assert report.ok
    assert Staff.objects.get().name == "王一"


def test_a_file_that_is_not_a_spreadsheet_is_refused(school: Any) -> None:
    report = StaffImporter(school).run(b"%PDF-1.4 not a sheet", "staff.xlsx", dry_run=True)

    assert [e.category for e in report.errors] == [ErrorCategory.FILE]


def test_the_downloaded_template_imports_as_is_after_filling_a_row(
    school: Any, department: Any
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(build_template(STAFF_SHEET, language="zh-hans")))
    sheet = book.worksheets[0]
    header_row = next(
        index
        for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        if row and row[0]
    )
    values = {"staff_no": "T1", "name": "王一", "gender": "男", "hired_on": "2005-09-01"}
    row = [values.get(column.key, "") for column in STAFF_SHEET.columns]
    for offset, value in enumerate(row, start=1):
        sheet.cell(row=sheet.max_row + (1 if offset == 1 else 0), column=offset, value=value)
    buffer = io.BytesIO()
    book.save(buffer)

    report = StaffImporter(school).run(buffer.getvalue(), "template.xlsx", dry_run=True)

    assert header_row >= 1
    assert report.created >= 1


def test_classes_import_creates_missing_grade_teams(school: Any) -> None:
    factories.MajorFactory(school=school, code="08")
    header = ["班级名称", "入学年份", "类别", "专业代码"]
    data = workbook(
        [["2013级计算机1班", 2013, "职高", "08"], ["2013级普高1班", 2013, "普高", ""]],
        header=header,
    )

    report = ClassImporter(school).run(data, "classes.xlsx", dry_run=False)

    assert report.ok, report.errors
    assert list(GradeTeam.objects.for_school(school).values_list("entry_year", flat=True)) == [2013]
    assert SchoolClass.objects.for_school(school).count() == 2


def test_students_import_links_a_guardian(school: Any) -> None:
    factories.SchoolClassFactory(school=school, name="2013级1班")
    header = [
        c.header_zh
        for c in STUDENT_SHEET.columns
        if c.key
        in (
            "student_no",
            "name",
            "gender",
            "school_class",
            "enrolled_on",
            "guardian_name",
            "guardian_relation",
        )
    ]
    data = workbook(
        [["2013001", "王小明", "男", "2013级1班", "2013-09-01", "王大山", "父亲"]], header=header
    )

    report = StudentImporter(school).run(data, "students.xlsx", dry_run=False)

    assert report.ok, report.errors
    student = Student.objects.get()
    assert [(link.guardian.name, link.relation) for link in student.guardian_links.all()] == [
        ("王大山", "father")
    ]
    assert Guardian.objects.count() == 1


def test_ten_thousand_rows_with_one_error_import_nothing(school: Any, department: Any) -> None:
    rows = [
        [f"T{n:05d}", f"教师{n}", "男", person_id(n), "教务处", "2005-09-01"] for n in range(10_000)
    ]
    rows[9_999][5] = "not a date"

    report = StaffImporter(school).run(workbook(rows), "big.xlsx", dry_run=False)

    assert [(e.row, e.category) for e in report.errors] == [(10_001, ErrorCategory.INVALID)]
    assert report.rows == 10_000
    assert Staff.objects.count() == 0


def test_import_page_checks_then_imports(
    school: Any, department: Any, admin_client_for_school: Any
) -> None:
    upload = io.BytesIO(workbook([["T1", "王一", "男", person_id(1), "教务处", "2005-09-01"]]))
    upload.name = "staff.xlsx"

    checked = admin_client_for_school.post(
        reverse("organization:import_start"), {"action": "check", "sheet": "staff", "file": upload}
    )
    assert Staff.objects.count() == 0
    imported = admin_client_for_school.post(
        reverse("organization:import_start"), {"action": "import"}
    )

    assert checked.status_code == 200
    assert 'id="import-ready"' in checked.content.decode()
    assert imported.status_code == 302
    assert Staff.objects.get().name == "王一"


def test_import_page_lists_row_errors(school: Any, admin_client_for_school: Any) -> None:
    upload = io.BytesIO(workbook([["T1", "王一", "男", person_id(1), "不存在", "2005-09-01"]]))
    upload.name = "staff.xlsx"

    response = admin_client_for_school.post(
        reverse("organization:import_start"), {"action": "check", "sheet": "staff", "file": upload}
    )

    assert response.status_code == 422
    assert 'id="import-errors"' in response.content.decode()


def test_import_page_refuses_other_file_types(school: Any, admin_client_for_school: Any) -> None:
    upload = io.BytesIO(b"hello")
    upload.name = "staff.exe"

    response = admin_client_for_school.post(
        reverse("organization:import_start"), {"action": "check", "sheet": "staff", "file": upload}
    )

    assert "Upload an .xlsx or .csv file." in response.content.decode()


STUDENT_KEYS = ("student_no", "name", "gender", "id_number", "school_class", "enrolled_on")


def student_rows(rows: list[list[Any]]) -> bytes:
    header = [c.header_zh for key in STUDENT_KEYS for c in STUDENT_SHEET.columns if c.key == key]
    return workbook(rows, header=header)


def test_a_student_of_an_unknown_class_is_a_reference_error_at_the_dry_run(school: Any) -> None:
    data = student_rows(
        [["2013001", "王小明", "男", person_id(5, 1998), "没有这个班", "2013-09-01"]]
    )

    report = StudentImporter(school).run(data, "students.xlsx", dry_run=True)

    assert [(e.row, e.column, e.category) for e in report.errors] == [
        (2, "Class", ErrorCategory.REFERENCE)
    ]


def test_an_unknown_class_is_reported_beside_the_rows_other_errors(school: Any) -> None:
    data = student_rows([["2013001", "王小明", "男", "123", "没有这个班", "2013-13-01"]])

    report = StudentImporter(school).run(data, "students.xlsx", dry_run=True)

    assert sorted((e.column, e.category) for e in report.errors) == [
        ("Class", ErrorCategory.REFERENCE),
        ("Enrolled on", ErrorCategory.INVALID),
        ("Resident ID number", ErrorCategory.INVALID),
    ]
    assert Student.objects.count() == 0
