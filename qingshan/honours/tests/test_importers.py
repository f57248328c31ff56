"""Imports of honours and commendations: all or nothing, members found by name."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.honours.importers import CommendationImporter, HonourImporter
from qingshan.honours.models import Commendation, Honour
from qingshan.trainings.tests.test_importers import workbook
from tests.party_factories import MemberFactory

pytestmark = pytest.mark.django_db

HONOURS = ["授予对象", "荣誉称号", "级别", "授予单位", "授予日期"]
COMMENDATIONS = ["表彰称号", "级别", "表彰单位", "表彰日期", "党员姓名", "其他人员姓名"]


def test_honours_of_the_school_and_the_branch_are_imported(school: Any) -> None:
    rows = [
        ["学校", "县名校", "县级", "县人民政府", "2013-01-18"],
        ["党支部", "先进基层党组织", "县级", "中共县委", "2013-06-28"],
        ["党支部", "先进基层党组织", "县级", "中共县委", "2011-06-28"],
    ]

    report = HonourImporter(school).run(workbook(HONOURS, rows), "h.xlsx", dry_run=False)
    again = HonourImporter(school).run(workbook(HONOURS, rows[:1]), "h.xlsx", dry_run=False)
    twice = HonourImporter(school).run(
        workbook(HONOURS, [rows[1], rows[1]]), "h.xlsx", dry_run=False
    )

    assert report.written
    assert sorted(Honour.objects.values_list("recipient", flat=True)) == [
        "branch",
        "branch",
        "school",
    ]
    assert (again.written, "recorded already" in " ".join(e.message for e in again.errors)) == (
        False,
        True,
    )
    assert [e.row for e in twice.errors][-1] == 3


def test_commendations_name_members_or_other_people(school: Any) -> None:
    member = MemberFactory(school=school, name="王青山")
    MemberFactory(school=school, name="同名")
    MemberFactory(school=school, name="同名")
    rows = [
        ["优秀共产党员", "县级", "中共县委", "2013-06-28", "王青山", None],
        ["优秀学生干部", "县级", "团县委", "2013-05-04", None, "某校友"],
    ]
    bad = [
        *rows,
        ["优秀共产党员", "县级", "中共县委", "2013-06-28", "无此人", None],
        ["优秀共产党员", "县级", "中共县委", "2013-06-28", "同名", None],
        ["优秀共产党员", "县级", "中共县委", "2013-06-28", None, None],
    ]

    refused = CommendationImporter(school).run(
        workbook(COMMENDATIONS, bad), "c.xlsx", dry_run=False
    )
    report = CommendationImporter(school).run(
        workbook(COMMENDATIONS, rows), "c.xlsx", dry_run=False
    )

    assert sorted(e.row for e in refused.errors) == [4, 5, 6]
    assert report.written
    assert Commendation.objects.get(member__isnull=False).member == member
    assert Commendation.objects.get(member__isnull=True).person_name == "某校友"


def test_the_import_page_is_the_administrators(school: Any, client_for: Any) -> None:
    url = reverse("honours:import_start")

    assert client_for(Role.SCHOOL_ADMIN, school).get(url).status_code == 200
    assert client_for(Role.SECRETARY, school).get(url).status_code == 403
