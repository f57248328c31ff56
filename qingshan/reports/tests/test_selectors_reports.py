"""Reads of the reports app at their edges: the year asked, the checker over blocks of each kind,
frozen figures no longer known, and comparing versions that froze different figures."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from qingshan.core.params import year_param
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import TemplateBlock
from qingshan.reports.selectors.summary import check_template, compare_versions, report_changes
from qingshan.reports.tests.factories import issued_report
from tests.factories import StudentFactory


@pytest.mark.parametrize(
    ("given", "year"),
    [("1989", None), ("1990", 1990), ("2100", 2100), ("2101", None), ("last", None), ("", None)],
)
def test_only_a_plausible_year_is_taken(given: str, year: int | None) -> None:
    assert year_param(RequestFactory().get("/", {"year": given})) == year


def block(kind: str, position: int, zh: str = "", en: str = "", keys: str = "") -> TemplateBlock:
    return TemplateBlock(kind=kind, position=position, text_zh=zh, text_en=en, figure_keys=keys)


def test_the_checker_reads_headings_and_narratives_in_the_language_asked() -> None:
    blocks = [
        block(BlockKind.HEADING, 10, zh="一、XX", en="1. Work"),
        block(BlockKind.NARRATIVE, 20, zh="{{ party.members }}名", en="{{ party.nothing }}"),
        block(BlockKind.CHART, 30, zh="XX", en="XX", keys="party.members"),
    ]

    chinese = check_template(blocks, "zh-hans")
    english = check_template(blocks, "en")

    assert [(f.block, f.text) for f in chinese.errors] == [("10", "XX")]
    assert [(f.block, f.text) for f in english.errors] == [("20", "{{ party.nothing }}")]


def test_an_empty_template_passes_the_check() -> None:
    result = check_template([], "zh-hans")

    assert (result.ok, result.warnings) == (True, [])


@pytest.mark.django_db
def test_a_frozen_figure_no_longer_known_is_left_out_of_the_changes(school: Any) -> None:
    student = StudentFactory(school=school)
    report = issued_report(
        school,
        year=2013,
        figures={
            "retired.figure": {"value": 1, "model": "", "records": []},
            "organization.students": {
                "value": 1,
                "model": "organization.Student",
                "records": [student.pk],
            },
        },
    )

    changes = report_changes(report)

    assert [(c.key, c.then, c.now, c.differs) for c in changes] == [
        ("organization.students", 1, 1, False)
    ]


@pytest.mark.django_db
def test_versions_that_froze_different_figures_compare_with_blanks(school: Any) -> None:
    first = issued_report(school, figures={"retired.figure": {"value": 7}})
    second = issued_report(school, figures={"organization.students": {"value": 2}})

    rows = compare_versions(first, second)

    assert [(row.key, row.label, row.first, row.second) for row in rows] == [
        ("organization.students", "students", None, 2),
        ("retired.figure", "retired.figure", 7, None),
    ]
