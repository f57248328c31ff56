"""The spreadsheet engine: templates, reading, parsing helpers, exports and resident IDs."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from hypothesis import assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from qingshan.core.tabular import (
    Column,
    ErrorCategory,
    RawRow,
    SheetSpec,
    build_template,
    clean_row,
    find_duplicates,
    parse_bool,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_resident_id,
    read_table,
    write_csv,
    write_xlsx,
)
from qingshan.core.validators import (
    make_resident_id,
    normalize_resident_id,
    resident_id_birth_date,
    validate_resident_id,
)

VALID_ID = make_resident_id("110105", dt.date(2008, 9, 1), 123)

STUDENTS = SheetSpec(
    key="students",
    title_zh="学生名单",
    title_en="Students",
    columns=[
        Column("name", "姓名", "Name", required=True, example="张三", help_text="全名"),
        Column("id_number", "身份证号", "ID number", parse=parse_resident_id, required=True),
        Column("enrolled", "入学日期", "Enrolment date", parse=parse_date, example="2024-09-01"),
        Column("score", "成绩", "Score", parse=parse_decimal),
        Column("boarder", "是否住校", "Boarder", parse=parse_bool),
    ],
)


def xlsx(rows: Sequence[Sequence[Any]], merges: Sequence[str] = ()) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    for row in rows:
        worksheet.append(list(row))
    for cells in merges:
        worksheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def messages(result: Any) -> str:
    return " | ".join(error.message for error in result.errors)


# --- Templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_an_untouched_template_reads_back_without_rows_or_errors(language: str) -> None:
    result = read_table(build_template(STUDENTS, language=language), "template.xlsx", STUDENTS)

    assert result.ok, messages(result)
    assert result.rows == []
    assert result.header_row == 1
    assert set(result.headers) == {column.key for column in STUDENTS.columns}


def test_a_filled_in_template_reads_back_its_rows() -> None:
    workbook = load_workbook(io.BytesIO(build_template(STUDENTS, language="zh-hans")))
    workbook.active.append(["张三", VALID_ID, "2024-09-01", "90.5", "是"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = read_table(buffer.getvalue(), "filled.xlsx", STUDENTS)

    assert result.ok, messages(result)
    cleaned, errors = clean_row(result.rows[0], STUDENTS)
    assert errors == []
    assert cleaned == {
        "name": "张三",
        "id_number": VALID_ID,
        "enrolled": dt.date(2024, 9, 1),
        "score": Decimal("90.5"),
        "boarder": True,
    }


def test_the_template_has_a_bilingual_frozen_text_header_and_an_instructions_sheet() -> None:
    workbook = load_workbook(io.BytesIO(build_template(STUDENTS, language="en")))
    data, instructions = workbook.worksheets

    assert data.title == "Students"
    assert [cell.value for cell in data[1]][:3] == [
        "*Name / 姓名",
        "*ID number / 身份证号",
        "Enrolment date / 入学日期",
    ]
    assert data.freeze_panes == "A2"
    assert data.column_dimensions["B"].number_format == "@"  # ID numbers stay text
    assert data.column_dimensions["A"].width >= 8
    texts = [cell for row in instructions.iter_rows(values_only=True) for cell in row if cell]
    assert "Name / 姓名" in texts
    assert "张三" in texts  # the example
    assert "全名" in texts  # the help text


def test_the_chinese_template_puts_chinese_first() -> None:
    workbook = load_workbook(io.BytesIO(build_template(STUDENTS, language="zh-hans")))

    assert workbook.worksheets[0].title == "学生名单"
    assert workbook.worksheets[0]["A1"].value == "*姓名 / Name"


# --- Headers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        ["姓名 / Name", "身份证号 / ID number"],
        ["Name / 姓名", "ID number / 身份证号"],
        ["姓名", "身份证号"],
        ["Name", "ID Number"],
        ["  NAME ", "id   number"],
        ["*姓名", "身份证号（ID number）"],
        ["姓名\nName", "身份证号|ID number"],
    ],
)
def test_bilingual_chinese_only_and_english_only_headers_are_recognised(
    headers: list[str],
) -> None:
    result = read_table(xlsx([headers, ["张三", VALID_ID]]), "students.xlsx", STUDENTS)

    assert result.ok, messages(result)
    assert result.rows[0].values["name"] == "张三"
    assert result.rows[0].values["id_number"] == VALID_ID


def test_unknown_columns_are_ignored_and_absent_optional_columns_read_blank() -> None:
    rows = [["备注", "姓名", "Shoe size", "身份证号"], ["note", "张三", "42", VALID_ID]]

    result = read_table(xlsx(rows), "students.xlsx", STUDENTS)

    assert result.ok
    assert result.rows[0].values == {
        "name": "张三",
        "id_number": VALID_ID,
        "enrolled": "",
        "score": "",
        "boarder": "",
    }


def test_a_title_row_above_the_header_is_skipped_even_when_merged() -> None:
    rows = [["2024级学生名单"], ["姓名", "身份证号"], ["张三", VALID_ID]]

    result = read_table(xlsx(rows, merges=["A1:B1"]), "students.xlsx", STUDENTS)

    assert result.ok, messages(result)
    assert result.header_row == 2
    assert [row.number for row in result.rows] == [3]


def test_missing_required_columns_are_named_and_no_rows_are_returned() -> None:
    result = read_table(xlsx([["姓名", "成绩"], ["张三", "90"]]), "students.xlsx", STUDENTS)

    assert result.rows == []
    assert [(e.row, e.column, e.category) for e in result.errors] == [
        (1, "ID number", ErrorCategory.HEADER)
    ]
    assert "ID number" in result.errors[0].message


def test_a_file_without_any_known_header_is_refused_with_one_error() -> None:
    result = read_table(xlsx([["a", "b"], ["1", "2"]]), "other.xlsx", STUDENTS)

    assert [e.category for e in result.errors] == [ErrorCategory.HEADER]
    assert "Students" in result.errors[0].message


def test_a_column_given_twice_in_the_header_is_reported_with_its_letters() -> None:
    rows = [["姓名", "身份证号", "Name"], ["张三", VALID_ID, "李四"]]

    result = read_table(xlsx(rows), "students.xlsx", STUDENTS)

    assert result.rows == []
    [error] = result.errors
    assert (error.row, error.column, error.category) == (1, "Name", ErrorCategory.HEADER)
    assert "A, C" in error.message


# --- Structure ----------------------------------------------------------------------------------


def test_each_merged_range_in_the_data_region_is_reported_with_row_and_columns() -> None:
    rows = [
        ["姓名", "身份证号", "成绩"],
        ["张三", VALID_ID, "90"],
        ["李四", "", ""],
        ["王五", "", ""],
    ]

    result = read_table(xlsx(rows, merges=["B3:C3", "A4:A5"]), "students.xlsx", STUDENTS)

    assert result.rows == []
    assert [(e.row, e.column, e.category) for e in result.errors] == [
        (3, "B:C", ErrorCategory.FILE),
        (4, "A", ErrorCategory.FILE),
    ]
    assert "B3:C3" in result.errors[0].message


def test_blank_rows_are_skipped_and_row_numbers_are_those_people_see() -> None:
    rows: list[list[Any]] = [
        ["姓名", "身份证号"],
        ["张三", VALID_ID],
        [None, "  "],
        [],
        ["李四", VALID_ID],
    ]

    result = read_table(xlsx(rows), "students.xlsx", STUDENTS)

    assert [row.number for row in result.rows] == [2, 5]


def test_excel_cell_values_become_normalised_text() -> None:
    rows: list[list[Any]] = [
        ["姓名", "身份证号", "入学日期", "成绩", "是否住校"],
        ["  张三 ", "11010520080901123X", dt.datetime(2024, 9, 1), 90.0, True],
        ["李四", VALID_ID, dt.datetime(2024, 9, 1, 8, 30), 88.25, 1],
        ["王五", VALID_ID, dt.date(2024, 9, 2), 0.1 + 0.2, -3],
    ]

    values = [row.values for row in read_table(xlsx(rows), "s.xlsx", STUDENTS).rows]

    assert values[0] == {
        "name": "张三",
        "id_number": "11010520080901123X",
        "enrolled": "2024-09-01",
        "score": "90",
        "boarder": "TRUE",
    }
    assert (values[1]["enrolled"], values[1]["score"], values[1]["boarder"]) == (
        "2024-09-01 08:30:00",
        "88.25",
        "1",
    )
    assert (values[2]["enrolled"], values[2]["score"], values[2]["boarder"]) == (
        "2024-09-02",
        "0.3",
        "-3",
    )


def test_more_rows_than_the_limit_refuse_the_file() -> None:
    rows = [["姓名", "身份证号"], *([f"学生{i}", VALID_ID] for i in range(6))]

    result = read_table(xlsx(rows), "students.xlsx", STUDENTS, max_rows=5)

    assert result.rows == []
    assert [e.category for e in result.errors] == [ErrorCategory.FILE]
    assert "5" in result.errors[0].message
    assert read_table(xlsx(rows), "students.xlsx", STUDENTS, max_rows=6).ok


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (b"", "empty.xlsx", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.xls", ".xls"),
        (b"%PDF-1.4", "students.pdf", ".xlsx and .csv"),
        (b"PK\x03\x04 this is no zip", "students.xlsx", "could not be read"),
        (b"\x81", "students.csv", "encoding"),
    ],
)
def test_unreadable_files_give_one_file_error(content: bytes, filename: str, expected: str) -> None:
    result = read_table(content, filename, STUDENTS)

    assert result.rows == []
    assert [(e.row, e.category) for e in result.errors] == [(None, ErrorCategory.FILE)]
    assert expected in result.errors[0].message


# --- CSV ----------------------------------------------------------------------------------------

CSV_TEXT = f"姓名,身份证号,入学日期\r\n 张三 ,{VALID_ID},2024/9/1\r\n,,\r\n李四,{VALID_ID},\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_utf8_with_or_without_bom_gbk_and_utf16_is_decoded(encoding: str) -> None:
    result = read_table(CSV_TEXT.encode(encoding), "students.csv", STUDENTS)

    assert result.ok, messages(result)
    assert [(row.number, row.values["name"]) for row in result.rows] == [(2, "张三"), (4, "李四")]
    assert result.rows[0].values["enrolled"] == "2024/9/1"


def test_tab_separated_text_is_read() -> None:
    content = CSV_TEXT.replace(",", "\t").encode("utf-16")

    result = read_table(content, "students.txt", STUDENTS)

    assert [row.values["id_number"] for row in result.rows] == [VALID_ID, VALID_ID]


# --- Parsers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2013-09-01",
        "2013/9/1",
        "2013.9.1",
        "2013年9月1日",
        "2013 年 9 月 1 日",
        "20130901",
        "2013-09-01 00:00:00",
        "２０１３－０９－０１",
        "41518",
    ],
)
def test_parse_date_accepts_the_usual_chinese_and_iso_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2013, 9, 1)


@pytest.mark.parametrize(
    "text", ["2013-02-30", "2013-13-01", "2013-09", "yesterday", "9/1/2013", "2013-09-01 08:00"]
)
def test_parse_date_rejects_impossible_or_ambiguous_dates(text: str) -> None:
    with pytest.raises(ValidationError, match="not a valid date") as raised:
        parse_date(text)
    assert text in raised.value.messages[0]


def test_parse_int_accepts_grouped_and_point_zero_numbers_and_checks_range() -> None:
    assert parse_int("1,234") == 1234
    assert parse_int(" 12.0 ") == 12
    assert parse_int("-3") == -3
    for text in ["12.5", "1,23", "abc", ""]:
        with pytest.raises(ValidationError, match="whole number"):
            parse_int(text)
    with pytest.raises(ValidationError, match="less than 0"):
        parse_int("-1", min_value=0)


def test_parse_decimal_checks_places_and_rejects_text() -> None:
    assert parse_decimal("1,234.50", decimal_places=1) == Decimal("1234.5")
    assert parse_decimal("-.5") == Decimal("-0.5")
    with pytest.raises(ValidationError, match="more than 2 decimal places"):
        parse_decimal("1.234", decimal_places=2)
    for text in ["NaN", "1e5", ".", "十"]:
        with pytest.raises(ValidationError, match="not a number"):
            parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("是", True),
        ("否", False),
        ("YES", True),
        ("no", False),
        ("1", True),
        ("0", False),
        ("y", True),
        ("N", False),
        ("TRUE", True),
    ],
)
def test_parse_bool_reads_chinese_and_english_answers(text: str, expected: bool) -> None:
    assert parse_bool(text) is expected


def test_parse_bool_rejects_other_text() -> None:
    with pytest.raises(ValidationError, match="neither yes"):
        parse_bool("maybe")


class Month(models.TextChoices):
    JANUARY = "jan", gettext_lazy("January")
    FEBRUARY = "feb", gettext_lazy("February")


@pytest.mark.parametrize("text", ["jan", "JAN", "January", " january ", "一月"])
def test_parse_choice_accepts_the_code_the_english_or_the_chinese_label(text: str) -> None:
    assert parse_choice(text, Month) == "jan"
    assert parse_choice(text, Month.choices) == "jan"


def test_parse_choice_lists_the_allowed_values_when_it_refuses() -> None:
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        parse_choice("March", Month)
    assert "January、February" in raised.value.messages[0]


def test_clean_row_reports_missing_and_invalid_cells_by_column_header() -> None:
    row = RawRow(7, {"name": "", "id_number": "110105200809011231", "enrolled": "2024-02-30"})

    with translation.override("en"):
        cleaned, errors = clean_row(row, STUDENTS)

    assert [(e.row, e.column, e.category) for e in errors] == [
        (7, "Name", ErrorCategory.MISSING),
        (7, "ID number", ErrorCategory.INVALID),
        (7, "Enrolment date", ErrorCategory.INVALID),
    ]
    assert cleaned["name"] is None
    assert cleaned["score"] is None


def test_find_duplicates_names_both_rows_and_ignores_case_and_blanks() -> None:
    rows = [
        RawRow(2, {"id_number": "11010520080901123x"}),
        RawRow(3, {"id_number": ""}),
        RawRow(4, {"id_number": VALID_ID}),
        RawRow(5, {"id_number": ""}),
        RawRow(9, {"id_number": "11010520080901123X"}),
    ]

    with translation.override("en"):
        errors = find_duplicates(rows, STUDENTS.column("id_number"))

    [error] = errors
    assert (error.row, error.column, error.category) == (9, "ID number", ErrorCategory.DUPLICATE)
    assert "row 9" in error.message
    assert "row 2" in error.message


def test_error_categories_have_translatable_labels() -> None:
    with translation.override("en"):
        assert ErrorCategory.DUPLICATE.label == "Duplicate"
    assert {str(category) for category in ErrorCategory} == {
        "file",
        "header",
        "missing",
        "invalid",
        "duplicate",
        "reference",
        "conflict",
    }


# --- Exports ------------------------------------------------------------------------------------

DANGEROUS = ["=1+1", "+86 138", "-x", "@SUM(A1)", "\tcmd", "\rcmd"]


def export_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"name": text, "id_number": VALID_ID, "score": -5} for text in DANGEROUS
    ]
    rows.append(
        {"name": "张三", "enrolled": dt.date(2024, 9, 1), "score": Decimal("-1.5"), "boarder": True}
    )
    return rows


def test_xlsx_export_escapes_formula_text_and_keeps_negative_numbers_numeric() -> None:
    content = write_xlsx(STUDENTS, export_rows(), language="en")

    worksheet = load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in worksheet[1]] == [
        "Name",
        "ID number",
        "Enrolment date",
        "Score",
        "Boarder",
    ]
    names = [worksheet.cell(row=r, column=1) for r in range(2, 2 + len(DANGEROUS))]
    assert [cell.value for cell in names] == ["'" + text for text in DANGEROUS]
    assert all(cell.data_type == "s" for cell in names)
    assert worksheet["D2"].value == -5
    assert worksheet["D2"].data_type == "n"
    assert worksheet["B2"].value == VALID_ID  # the ID number stays text
    last = [cell.value for cell in worksheet[2 + len(DANGEROUS)]]
    assert last == ["张三", None, dt.datetime(2024, 9, 1), -1.5, "Yes"]


def test_csv_export_has_a_bom_escapes_formula_text_and_keeps_negative_numbers() -> None:
    content = write_csv(STUDENTS, export_rows(), language="zh-hans")

    assert content.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert records[0] == ["姓名", "身份证号", "入学日期", "成绩", "是否住校"]
    assert [record[0] for record in records[1:-1]] == ["'" + text for text in DANGEROUS]
    assert {record[3] for record in records[1:-1]} == {"-5"}
    assert records[-1] == ["张三", "", "2024-09-01", "-1.5", "是"]


@pytest.mark.parametrize(("writer", "filename"), [(write_xlsx, "e.xlsx"), (write_csv, "e.csv")])
def test_exports_read_back_to_the_original_texts(writer: Any, filename: str) -> None:
    result = read_table(writer(STUDENTS, export_rows(), language="en"), filename, STUDENTS)

    assert result.ok, messages(result)
    assert [row.values["name"].strip() for row in result.rows[:-1]] == [
        text.strip() for text in DANGEROUS
    ]
    assert result.rows[-1].values == {
        "name": "张三",
        "id_number": "",
        "enrolled": "2024-09-01",
        "score": "-1.5",
        "boarder": "Yes",
    }


def test_ten_thousand_rows_survive_an_xlsx_round_trip() -> None:
    columns = [Column(f"c{i}", f"列{i}", f"Column {i}") for i in range(15)]
    sheet = SheetSpec("wide", "宽表", "Wide", columns)
    rows = [
        {f"c{i}": f"r{r}c{i}" if i % 2 else r * 10 + i for i in range(15)} for r in range(10_000)
    ]

    result = read_table(write_xlsx(sheet, rows, language="zh-hans"), "wide.xlsx", sheet)

    assert result.ok
    assert len(result.rows) == 10_000
    assert result.rows[0].number == 2
    assert result.rows[-1].number == 10_001
    assert result.rows[-1].values["c1"] == "r9999c1"
    assert result.rows[-1].values["c14"] == "100004"


def test_a_sheet_spec_refuses_repeated_keys_or_headers() -> None:
    with pytest.raises(ValueError, match="keys repeat"):
        SheetSpec("s", "表", "Sheet", [Column("a", "甲", "A"), Column("a", "乙", "B")])
    with pytest.raises(ValueError, match="names two columns"):
        SheetSpec("s", "表", "Sheet", [Column("a", "甲", "A"), Column("b", "乙", " a ")])


# --- Resident ID numbers ------------------------------------------------------------------------


def test_a_resident_id_with_the_right_checksum_is_valid() -> None:
    validate_resident_id("11010519491231002X")  # the example of GB 11643
    assert resident_id_birth_date("11010519491231002X") == dt.date(1949, 12, 31)


def test_a_lowercase_check_x_is_valid_and_normalises_to_uppercase() -> None:
    validate_resident_id("11010519491231002x")
    assert normalize_resident_id(" 11010519491231002x ") == "11010519491231002X"
    assert parse_resident_id("11010519491231002x") == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "resident_id_checksum"),
        ("110105194902300023", "resident_id_birth_date"),  # 30 February
        ("110105189912310020", "resident_id_birth_date"),  # before 1900
        ("11010519491231002", "resident_id_length"),
        ("11010519491231002XX", "resident_id_length"),
        ("1101051949123100AX", "resident_id_characters"),
        ("010105194912310021", "resident_id_characters"),
    ],
)
def test_malformed_resident_ids_are_refused_with_a_reason(number: str, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_resident_id(number)
    assert raised.value.code == code


def test_make_resident_id_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="region"):
        make_resident_id("01010", dt.date(2000, 1, 1), 1)
    with pytest.raises(ValueError, match="sequence"):
        make_resident_id("110105", dt.date(2000, 1, 1), 1000)
    with pytest.raises(ValueError, match="birth"):
        make_resident_id("110105", timezone.localdate() + dt.timedelta(days=1), 1)


regions = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True)
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=timezone.localdate())
sequences = st.integers(min_value=0, max_value=999)


@hypothesis_settings(database=None)
@given(region=regions, birth=births, sequence=sequences)
def test_made_resident_ids_validate_and_give_back_their_birth_date(
    region: str, birth: dt.date, sequence: int
) -> None:
    number = make_resident_id(region, birth, sequence)

    validate_resident_id(number)
    assert number.startswith(region)
    assert resident_id_birth_date(number.lower()) == birth


@hypothesis_settings(database=None)
@given(
    region=regions,
    birth=births,
    sequence=sequences,
    position=st.integers(min_value=0, max_value=17),
    replacement=st.sampled_from("0123456789X"),
)
def test_any_single_character_typo_in_a_resident_id_is_caught(
    region: str, birth: dt.date, sequence: int, position: int, replacement: str
) -> None:
    number = make_resident_id(region, birth, sequence)
    typo = number[:position] + replacement + number[position + 1 :]
    assume(typo != number)

    with pytest.raises(ValidationError):
        validate_resident_id(typo)


def test_texts_that_look_like_numbers_keep_their_leading_zeros_both_ways() -> None:
    rows = [{"name": "007", "id_number": VALID_ID}]

    for writer, filename in [(write_xlsx, "e.xlsx"), (write_csv, "e.csv")]:
        result = read_table(writer(STUDENTS, rows, language="en"), filename, STUDENTS)
        assert result.rows[0].values["name"] == "007"


def test_aware_datetimes_are_exported_in_local_time_without_zone() -> None:
    moment = dt.datetime(2024, 9, 1, 0, 30, tzinfo=dt.UTC)
    local = timezone.localtime(moment).replace(tzinfo=None)
    sheet = SheetSpec("log", "日志", "Log", [Column("at", "时间", "Time")])

    worksheet = load_workbook(io.BytesIO(write_xlsx(sheet, [{"at": moment}], language="en"))).active
    records = list(
        csv.reader(
            io.StringIO(write_csv(sheet, [{"at": moment}], language="en").decode("utf-8-sig"))
        )
    )

    assert worksheet["A2"].value == local
    assert records[1] == [local.isoformat(sep=" ")]
