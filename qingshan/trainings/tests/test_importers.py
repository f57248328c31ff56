"""Imports of a cohort's roster and of follow-ups: dry run, row errors, all or nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from qingshan.core.validators import make_resident_id
from qingshan.trainings.importers import FollowUpImporter, RosterImporter
from qingshan.trainings.models import Certificate, Enrolment, FollowUp, Trainee
from qingshan.trainings.tests import factories as f

pytestmark = pytest.mark.django_db

ROSTER = [
    "培训班次",
    "姓名",
    "性别",
    "身份证号",
    "乡镇",
    "村",
    "联系电话",
    "党员",
    "出勤天数",
    "结业",
    "证书类别",
    "证书编号",
    "发证机关",
    "发证日期",
]
FOLLOW = ["培训班次", "身份证号", "回访日期", "是否就业", "就业单位", "就业地区", "月收入（元）"]


def workbook(header: list[str], rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ident(n: int) -> str:
    return make_resident_id("511921", dt.date(1985, 1, 1) + dt.timedelta(days=n), n)


def roster_row(cohort: str, n: int, **changes: Any) -> list[Any]:
    row = {
        "cohort": cohort,
        "name": f"学员{n}",
        "gender": "男",
        "id": ident(n),
        "township": "民胜镇",
        "village": "青山村",
        "phone": "139",
        "party": "否",
        "days": 15,
        "completed": "是",
        "kind": "职业资格证书",
        "number": f"Z{n}",
        "issuer": "县人社局",
        "date": "2013-03-15",
    }
    row.update(changes)
    return list(row.values())


def test_a_roster_creates_trainees_places_and_certificates(school: Any) -> None:
    cohort = f.cohort(school, name="电焊一班")
    data = workbook(ROSTER, [roster_row("电焊一班", 1), roster_row("电焊一班", 2, party="是")])

    dry = RosterImporter(school).run(data, "roster.xlsx", dry_run=True)
    assert (dry.ok, dry.created, Trainee.objects.count()) == (True, 2, 0)
    report = RosterImporter(school).run(data, "roster.xlsx", dry_run=False)

    assert report.written
    assert Enrolment.objects.filter(cohort=cohort, completed=True).count() == 2
    assert Enrolment.objects.filter(is_party_member=True).count() == 1
    assert Certificate.objects.count() == 2
    again = RosterImporter(school).run(data, "roster.xlsx", dry_run=False)
    assert (
        again.written,
        again.updated,
        Enrolment.objects.count(),
        Certificate.objects.count(),
    ) == (True, 2, 2, 2)


def test_a_person_already_known_joins_a_second_cohort(school: Any) -> None:
    f.cohort(school, name="一班")
    f.cohort(school, name="二班")
    RosterImporter(school).run(workbook(ROSTER, [roster_row("一班", 5)]), "a.xlsx", dry_run=False)

    report = RosterImporter(school).run(
        workbook(ROSTER, [roster_row("二班", 5, number="Z55")]), "b.xlsx", dry_run=False
    )

    assert (report.written, report.updated) == (True, 1)
    assert Trainee.objects.count() == 1
    assert Enrolment.objects.count() == 2


def test_duplicate_ids_bad_rows_and_unknown_cohorts_refuse_the_whole_file(school: Any) -> None:
    f.cohort(school, name="一班")
    bad_id = ident(3)[:17] + ("1" if ident(3)[17] != "1" else "2")
    rows = [
        roster_row("一班", 1),
        roster_row("一班", 1, number="Z9"),  # the same person twice in one cohort
        roster_row("无此班", 2),
        roster_row("一班", 3, id=bad_id),
        roster_row("一班", 4, days=99),
        roster_row("一班", 6, completed="否"),  # certified but not completed
        roster_row("一班", 7, issuer=None),  # certificate incomplete
    ]

    report = RosterImporter(school).run(workbook(ROSTER, rows), "r.xlsx", dry_run=False)

    assert not report.written
    assert {error.row for error in report.errors} == {3, 4, 5, 6, 7, 8}
    assert "repeats row 2" in " ".join(error.message for error in report.errors)
    assert (Trainee.objects.count(), Enrolment.objects.count(), Certificate.objects.count()) == (
        0,
        0,
        0,
    )


def test_follow_ups_are_added_to_the_places_in_the_cohort(school: Any) -> None:
    cohort = f.cohort(school, name="一班")
    first = f.enrolment(school, cohort, f.trainee(school, id_number=ident(1)))
    second = f.enrolment(school, cohort, f.trainee(school, id_number=ident(2)))
    rows = [
        ["一班", ident(1), "2013-06-01", "是", "某厂", "东莞", "1500"],
        ["一班", ident(2), "2013-06-01", "否", None, None, None],
    ]

    report = FollowUpImporter(school).run(workbook(FOLLOW, rows), "f.xlsx", dry_run=False)

    assert report.written
    assert first.follow_ups.get().monthly_income == Decimal(1500)
    assert second.follow_ups.get().employed is False
    twice = FollowUpImporter(school).run(workbook(FOLLOW, rows), "f.xlsx", dry_run=False)
    assert not twice.written
    assert FollowUp.objects.count() == 2


def test_bad_follow_up_rows_refuse_the_file(school: Any) -> None:
    cohort = f.cohort(school, name="一班")
    f.enrolment(school, cohort, f.trainee(school, id_number=ident(1)))
    rows = [
        ["一班", ident(1), "2013-01-01", "是", "某厂", "东莞", "1500"],  # before the course ended
        ["一班", ident(2), "2013-06-01", "是", None, None, None],  # not in the cohort
        ["一班", ident(3), "2013-06-01", "否", "某厂", None, "800"],  # income without a job
    ]

    report = FollowUpImporter(school).run(workbook(FOLLOW, rows), "f.xlsx", dry_run=False)

    assert not report.written
    assert {error.row for error in report.errors} == {2, 3, 4}
    assert FollowUp.objects.count() == 0
