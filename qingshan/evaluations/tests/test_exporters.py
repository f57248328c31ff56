"""Exports of results: the shown numbers are there, the hidden ones are nowhere."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import load_workbook

from qingshan.core.errors import DomainError
from qingshan.evaluations import exporters
from qingshan.evaluations.tests.conftest import Rated

MakeRated = Callable[..., Rated]


@pytest.fixture
def rated(school: Any, make_rated: MakeRated) -> Rated:
    """张老师 shown (mean 3.92, 3.2 on the first question), 王老师 hidden (mean 1.75)."""
    from tests.factories import StaffFactory

    teachers = [
        StaffFactory(school=school, name="张老师"),
        StaffFactory(school=school, name="王老师"),
    ]
    rated = make_rated(school, teachers=teachers, students=5, threshold="4.00")
    rated.rate_many(0, [[score] + [4] * 9 for score in [4, 4, 3, 3, 2]])
    rated.rate_many(1, [1, 2, 2, 2])
    return rated.close()


def _cells(content: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's rows, each as wide as the sheet's header row."""
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    sheets = {}
    for ws in workbook.worksheets:
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        sheets[ws.title] = [row + [None] * (len(rows[0]) - len(row)) for row in rows]
    return sheets


def test_the_workbook_gives_shown_numbers_and_says_too_few_for_the_hidden(rated: Rated) -> None:
    sheets = _cells(exporters.results_xlsx(campaign=rated.campaign, language="en"))

    summary, questions = sheets["Results"], sheets["Means by question"]
    assert summary == [
        ["Name", "Raters", "Invited", "Share", "Overall mean", "Below the bar"],
        ["张老师", 5, 5, 1, 3.92, "yes"],
        ["王老师", 4, 5, 0.8, "too few responses", None],
    ]
    assert questions[0][:2] == ["Name", "1. Teaches conscientiously and comes prepared"]
    assert questions[1:] == [["张老师", 3.2, *[4] * 9, 3.92]]
    every_value = {value for sheet in sheets.values() for row in sheet for value in row}
    assert 1.75 not in every_value


def test_the_workbook_speaks_chinese(rated: Rated) -> None:
    sheets = _cells(exporters.results_xlsx(campaign=rated.campaign, language="zh-hans"))

    assert list(sheets) == ["评价结果", "各题平均分"]
    assert sheets["评价结果"][0] == [
        "姓名",
        "评价人数",
        "应评人数",
        "参评比例",
        "总平均分",
        "低于合格线",
    ]
    assert sheets["评价结果"][2][4] == "评价人数过少，不显示结果"
    assert sheets["各题平均分"][0][1] == "1. 教学态度认真，备课充分"


def _pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_pdf_prints_chinese_names_and_only_the_shown_numbers(rated: Rated) -> None:
    content = exporters.results_pdf(campaign=rated.campaign, language="zh-hans")

    text = _pdf_text(content)
    assert content.startswith(b"%PDF")
    assert "张老师" in text
    assert "王老师" in text
    assert "教学态度认真，备课充分" in text
    assert "3.92" in text
    assert "3.20" in text
    assert "评价人数过少" in text
    assert "1.75" not in text


def test_results_are_not_exported_before_the_campaign_closes(
    school: Any, make_rated: MakeRated
) -> None:
    rated = make_rated(school)

    with pytest.raises(DomainError, match="once the campaign is closed"):
        exporters.results_xlsx(campaign=rated.campaign, language="en")
    with pytest.raises(DomainError, match="once the campaign is closed"):
        exporters.results_pdf(campaign=rated.campaign, language="en")
