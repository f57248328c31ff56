"""Imports of outreach records: rows add records or update the numbered one, all or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.outreach.importers import (
    BaseImporter,
    HouseholdImporter,
    ProblemImporter,
    VisitImporter,
)
from qingshan.outreach.models import Handout, Household, ScienceBase, TechProblem, Visit
from qingshan.outreach.tests import factories as f
from qingshan.trainings.tests.test_importers import workbook

pytestmark = pytest.mark.django_db

VISITS = [
    "编号（新记录留空）",
    "日期",
    "乡镇",
    "村",
    "下乡人员",
    "主题",
    "宣传资料份数",
    "技术手册份数",
]


def test_visits_are_added_with_their_materials(school: Any) -> None:
    rows = [
        [None, "2013-04-10", "民胜镇", "青山村", "服务队", "科学养猪", 650, 80],
        [None, "2013-05-10", "沙溪镇", None, "服务队", "果树栽培", 600, None],
    ]

    dry = VisitImporter(school).run(workbook(VISITS, rows), "v.xlsx", dry_run=True)
    assert (dry.ok, dry.created, Visit.objects.count()) == (True, 2, 0)
    report = VisitImporter(school).run(workbook(VISITS, rows), "v.xlsx", dry_run=False)

    assert report.written
    assert sorted(Handout.objects.values_list("count", flat=True)) == [80, 600, 650]


def test_a_numbered_row_updates_and_unknown_numbers_or_new_counts_are_refused(
    school: Any,
) -> None:
    visit = f.visit(school, topic="旧主题")
    rows = [
        [visit.pk, "2013-04-10", "民胜镇", None, "服务队", "新主题", None, None],
        [visit.pk + 100, "2013-04-10", "民胜镇", None, "服务队", "无此", None, None],
    ]
    refused = VisitImporter(school).run(workbook(VISITS, rows), "v.xlsx", dry_run=False)
    counts = VisitImporter(school).run(
        workbook(VISITS, [[visit.pk, "2013-04-10", "民胜镇", None, "队", "新", 5, None]]),
        "v.xlsx",
        dry_run=False,
    )
    updated = VisitImporter(school).run(workbook(VISITS, rows[:1]), "v.xlsx", dry_run=False)

    assert (refused.written, [e.row for e in refused.errors]) == (False, [3])
    assert (counts.written, "on its page" in counts.errors[0].message) == (False, True)
    assert (updated.written, updated.updated) == (True, 1)
    visit.refresh_from_db()
    assert visit.topic == "新主题" and visit.village == ""


def test_problems_follow_the_verification_rules(school: Any) -> None:
    header = ["提出日期", "乡镇", "领域", "问题", "解决日期", "核实人", "核实日期"]
    rows = [
        ["2013-04-10", "民胜镇", "畜禽养殖", "仔猪腹泻", "2013-04-12", "王五", "2013-04-20"],
        ["2013-04-10", "民胜镇", "果树栽培", "病虫害", "2013-04-12", None, "2013-04-20"],
    ]

    report = ProblemImporter(school).run(workbook(header, rows), "p.xlsx", dry_run=False)
    good = ProblemImporter(school).run(workbook(header, rows[:1]), "p.xlsx", dry_run=False)

    assert ([e.row for e in report.errors], report.written) == ([3], False)
    assert good.written and TechProblem.objects.get().verified_by == "王五"


def test_households_and_bases_may_not_repeat(school: Any) -> None:
    f.base(school, name="已有基地")
    homes = workbook(
        ["户主", "乡镇", "村", "示范户", "成为示范户日期"],
        [
            ["王大山", "民胜镇", "青山村", "是", "2012-01-01"],
            ["王大山", "民胜镇", "青山村", "否", None],
            ["李小河", "民胜镇", "青山村", "否", "2012-01-01"],
        ],
    )
    bases = workbook(
        ["名称", "乡镇", "依托单位", "建立日期"],
        [["已有基地", "民胜镇", "农场", "2010-01-01"], ["新基地", "民胜镇", "农场", "2010-01-01"]],
    )

    home_report = HouseholdImporter(school).run(homes, "h.xlsx", dry_run=False)
    base_report = BaseImporter(school).run(bases, "b.xlsx", dry_run=False)

    assert sorted(e.row for e in home_report.errors) == [3, 4]
    assert [e.row for e in base_report.errors] == [2]
    assert (Household.objects.count(), ScienceBase.objects.count()) == (0, 1)


def test_the_import_page_is_the_administrators(school: Any, client_for: Any) -> None:
    url = reverse("outreach:import_start")

    assert client_for(Role.SCHOOL_ADMIN, school).get(url).status_code == 200
    assert client_for(Role.SECRETARY, school).get(url).status_code == 403
    template = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("outreach:import_template", args=["households"])
    )
    assert template.status_code == 200
