"""Importing destinations, phone follow-ups and agreements kept in Excel: checked by the pages'
rules, all or nothing, a dry run writes nothing, errors named by row, column and category."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest

from qingshan.careers.importers import (
    AGREEMENT_SHEET,
    DESTINATION_SHEET,
    FOLLOW_UP_SHEET,
    AgreementImporter,
    DestinationImporter,
    FollowUpImporter,
)
from qingshan.careers.models import Agreement, Destination, FollowUp
from qingshan.careers.tests.factories import GRADUATION, Careers, careers
from qingshan.core.tabular.errors import ErrorCategory
from qingshan.core.tabular.spec import SheetSpec

pytestmark = pytest.mark.django_db


def _sheet(spec: SheetSpec, keys: tuple[str, ...], rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    book.active.append([spec.column(key).header_zh for key in keys])
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def place(school: Any) -> Careers:
    return careers(school)


DESTINATION_KEYS = (
    "student",
    "kind",
    "employer",
    "matches_major",
    "starting_salary",
    "recorded_on",
)


def test_destinations_import_for_graduates_with_their_graduation_date(place: Careers) -> None:
    first, second = place.graduate(2)
    data = _sheet(
        DESTINATION_SHEET,
        DESTINATION_KEYS,
        [
            [first.student_no, "到企事业单位就业", "深圳富士康", "是", "2500", "2016-09-30"],
            [second.student_no, "升入高一级学校", "某职业技术学院", "", "", "2016-09-30"],
        ],
    )
    dry = DestinationImporter(place.school).run(data, "d.xlsx", dry_run=True)
    assert dry.ok and (dry.created, dry.written) == (2, False)
    assert not Destination.objects.exists()
    report = DestinationImporter(place.school).run(data, "d.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert set(Destination.objects.values_list("graduated_on", flat=True)) == {GRADUATION}
    # the same file again updates the two, adds none
    again = DestinationImporter(place.school).run(data, "d.xlsx", dry_run=False)
    assert (again.created, again.updated, Destination.objects.count()) == (0, 2, 2)


def test_one_bad_row_writes_nothing_and_every_error_is_named(place: Careers) -> None:
    (graduate,) = place.graduate(1)
    studying = place.place.admit(place.fruit)
    data = _sheet(
        DESTINATION_SHEET,
        DESTINATION_KEYS,
        [
            [graduate.student_no, "到企事业单位就业", "深圳富士康", "是", "2500", "2016-09-30"],
            [studying.student_no, "到企事业单位就业", "深圳富士康", "是", "2500", "2016-09-30"],
            [graduate.student_no, "待就业", "", "", "1800", "2016-09-30"],
            ["nobody", "去火星", "", "也许", "", "2016-09-30"],
        ],
    )
    report = DestinationImporter(place.school).run(data, "d.xlsx", dry_run=False)
    found = {(error.row, error.category) for error in report.errors}
    assert (3, ErrorCategory.REFERENCE) in found  # not a graduate
    assert (4, ErrorCategory.DUPLICATE) in found or (2, ErrorCategory.DUPLICATE) in found
    assert (5, ErrorCategory.INVALID) in found  # 去火星, 也许
    assert not report.written and not Destination.objects.exists()


def test_a_destination_that_disagrees_with_its_kind_is_refused(place: Careers) -> None:
    (graduate,) = place.graduate(1)
    data = _sheet(
        DESTINATION_SHEET,
        DESTINATION_KEYS,
        [[graduate.student_no, "待就业", "某厂", "", "", "2016-09-30"]],
    )
    report = DestinationImporter(place.school).run(data, "d.xlsx", dry_run=False)
    assert [error.category for error in report.errors] == [ErrorCategory.INVALID]
    assert "not yet employed" in report.errors[0].message
    assert not Destination.objects.exists()


FOLLOW_UP_KEYS = ("student", "months", "answered_on", "kind", "employer", "still_with_employer")


def test_phone_follow_ups_become_the_destination_once(place: Careers) -> None:
    (graduate,) = place.graduate(1)
    place.employ(graduate)
    row = [graduate.student_no, "12", "2017-07-03", "到企事业单位就业", "苏州华硕", "否"]
    data = _sheet(FOLLOW_UP_SHEET, FOLLOW_UP_KEYS, [row])
    report = FollowUpImporter(place.school).run(data, "f.xlsx", dry_run=False)
    assert report.ok, report.errors
    follow_up = FollowUp.objects.get()
    assert (follow_up.due_on, follow_up.still_with_employer) == (dt.date(2017, 7, 1), False)
    assert Destination.objects.get().employer == "苏州华硕"
    again = FollowUpImporter(place.school).run(data, "f.xlsx", dry_run=False)
    assert [error.category for error in again.errors] == [ErrorCategory.CONFLICT]
    twice = _sheet(FOLLOW_UP_SHEET, FOLLOW_UP_KEYS, [[*row[:1], "6", *row[2:]]] * 2)
    repeated = FollowUpImporter(place.school).run(twice, "f.xlsx", dry_run=False)
    assert [error.category for error in repeated.errors] == [ErrorCategory.DUPLICATE]
    assert FollowUp.objects.count() == 1


AGREEMENT_KEYS = ("enterprise", "title", "signed_on", "starts_on", "ends_on", "majors")


def test_agreements_import_with_their_majors(place: Careers) -> None:
    place.enterprise("深圳富士康")
    good = ["深圳富士康", "长期合作协议", "2011-03-01", "2011-03-01", "2016-02-28", "果树栽培"]
    data = _sheet(AGREEMENT_SHEET, AGREEMENT_KEYS, [good])
    report = AgreementImporter(place.school).run(data, "a.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert [major.name for major in Agreement.objects.get().majors.all()] == ["果树栽培"]
    bad = _sheet(
        AGREEMENT_SHEET,
        AGREEMENT_KEYS,
        [["无此企业", "协议", "2011-03-01", "2011-03-01", "2010-02-28", "无此专业"]],
    )
    refused = AgreementImporter(place.school).run(bad, "a.xlsx", dry_run=False)
    assert [error.category for error in refused.errors] == [ErrorCategory.REFERENCE] * 2
    ends_early = _sheet(AGREEMENT_SHEET, AGREEMENT_KEYS, [[*good[:4], "2010-02-28", ""]])
    refused = AgreementImporter(place.school).run(ends_early, "a.xlsx", dry_run=False)
    assert [error.category for error in refused.errors] == [ErrorCategory.CONFLICT]
    assert Agreement.objects.count() == 1
