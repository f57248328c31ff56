"""The 2021 internship rules at their boundaries: a refusing rule keeps the placement from being
saved, a flagging rule opens a finding that an exception or a mend closes (never deletes), and
the placements import refuses what the pages refuse."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.internships.enums import LegalStatus, UnitKind
from qingshan.internships.importers import PlacementImporter
from qingshan.internships.importers.sheets import PLACEMENT_SHEET
from qingshan.internships.models import Finding, Placement
from qingshan.internships.services.checks import check, year_of_study
from qingshan.internships.services.placements import (
    end_placement,
    grant_exception,
    update_placement,
)
from qingshan.internships.tests.factories import (
    END,
    FIRST_YEAR_ENTRY,
    SECOND_YEAR_ENTRY,
    SIXTEENTH_BIRTHDAY,
    START,
    Site,
    error_codes,
    open_rules,
    site,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(school: Any) -> Site:
    return site(school)


def _refused(place: Site, code: str, **overrides: Any) -> ValidationError:
    before = Placement.objects.count()
    with pytest.raises(ValidationError) as caught:
        place.place(**overrides)
    assert f"rule_{code}" in error_codes(caught.value)
    assert Placement.objects.count() == before
    return caught.value


# --- refusing rules -------------------------------------------------------------------------


def test_a_fifteen_year_old_is_refused_a_post_internship_and_a_sixteen_year_old_is_not(
    place: Site,
) -> None:
    fifteen = place.student(born=SIXTEENTH_BIRTHDAY + dt.timedelta(days=1))
    error = _refused(place, "minimum_age", student=fifteen)
    assert "article 16 (2)" in " ".join(error.messages)
    sixteen = place.student(born=SIXTEENTH_BIRTHDAY)
    assert open_rules(place.place(student=sixteen)) == set()


def test_a_cognitive_internship_of_a_fifteen_year_old_is_not_refused_by_the_age_rule(
    place: Site,
) -> None:
    fifteen = place.student(born=SIXTEENTH_BIRTHDAY + dt.timedelta(days=1))
    placement = place.place(student=fifteen, kind="cognitive")
    assert placement.pk is not None


def test_a_post_internship_without_a_date_of_birth_is_refused(place: Site) -> None:
    student = place.student()
    student.birth_date = None
    student.save()
    _refused(place, "minimum_age", student=student)


def test_a_first_year_is_refused_a_post_internship_and_a_second_year_is_not(place: Site) -> None:
    assert year_of_study(FIRST_YEAR_ENTRY, START) == 1
    assert year_of_study(SECOND_YEAR_ENTRY, START) == 2
    _refused(place, "first_year", student=place.student(school_class=place.first_years))
    assert place.place(student=place.student(school_class=place.second_years)).pk is not None


def test_a_first_year_may_go_on_a_cognitive_internship(place: Site) -> None:
    student = place.student(school_class=place.first_years)
    assert place.place(student=student, kind="cognitive").pk is not None


def test_work_forbidden_to_minors_is_refused_at_17_and_allowed_at_18(place: Site) -> None:
    eighteen = dt.date(START.year - 18, START.month, START.day)
    _refused(
        place,
        "forbidden_work",
        student=place.student(born=eighteen + dt.timedelta(days=1)),
        forbidden_work=True,
    )
    assert place.place(student=place.student(born=eighteen), forbidden_work=True).pk


def test_an_unregistered_own_unit_cannot_host_a_post_internship_and_a_registered_one_can(
    place: Site,
) -> None:
    barn = place.unit(
        "校办养殖场", legal_status=LegalStatus.UNREGISTERED, registration_no="", staff_count=1000
    )
    _refused(place, "own_unit_registered", unit=barn)
    registered = place.unit("校办苗圃", kind=UnitKind.NURSERY, legal_status="non_legal")
    assert place.place(unit=registered).pk is not None


@pytest.mark.parametrize("kind", ["post", "cognitive"])
def test_an_entertainment_venue_is_refused_for_any_kind_of_internship(
    place: Site, kind: str
) -> None:
    ktv = place.unit("校办KTV", kind=UnitKind.SHOP, entertainment_venue=True)
    _refused(place, "venue", unit=ktv, kind=kind)


@pytest.mark.parametrize("kind", ["post", "cognitive"])
def test_an_internship_through_an_agent_is_refused_for_any_kind(place: Site, kind: str) -> None:
    _refused(place, "agent", through_agent=True, kind=kind)


def test_a_refusing_rule_is_also_checked_on_update(place: Site) -> None:
    placement = place.place()
    with pytest.raises(ValidationError) as caught:
        update_placement(record=placement, values={"through_agent": True})
    assert "rule_agent" in error_codes(caught.value)
    placement.refresh_from_db()
    assert placement.through_agent is False


# --- flagging rules -------------------------------------------------------------------------


def test_pay_below_80_percent_is_flagged_and_exactly_80_percent_is_not(place: Site) -> None:
    wage = Decimal("1000.00")
    low = place.place(monthly_pay=Decimal("790.00"), reference_wage=wage)
    assert open_rules(low) == {"pay_level"}
    finding = low.findings.get(rule="pay_level")
    assert "79.0 %" in finding.detail and finding.ruleset_key == "2021"
    exact = place.place(monthly_pay=Decimal("800.00"), reference_wage=wage)
    assert open_rules(exact) == set()


def test_pay_every_31_days_is_fine_and_every_32_days_is_flagged(place: Site) -> None:
    assert open_rules(place.place(pay_interval_days=31)) == set()
    assert open_rules(place.place(pay_interval_days=32)) == {"pay_interval"}


def test_a_third_concurrent_post_intern_of_20_staff_flags_the_unit_share(place: Site) -> None:
    orchard = place.unit("校办果园二场", staff_count=20)
    first = place.place(unit=orchard, post="剪枝")
    second = place.place(unit=orchard, post="嫁接")
    assert open_rules(first) == open_rules(second) == set()  # 2 of 20 = 10 %
    third = place.place(unit=orchard, post="采摘")
    assert open_rules(third) == {"unit_share"}
    assert "3 / 20" in third.findings.get(rule="unit_share").detail
    assert open_rules(first) == {"unit_share"}  # the others' shares change with it


def test_an_intern_who_starts_after_the_others_end_does_not_count_towards_the_share(
    place: Site,
) -> None:
    orchard = place.unit("校办果园三场", staff_count=20)
    place.place(unit=orchard, post="剪枝")
    place.place(unit=orchard, post="嫁接")
    later = place.place(
        unit=orchard,
        post="采摘",
        starts_on=END + dt.timedelta(days=1),
        ends_on=END + dt.timedelta(days=60),
        insured_from=END + dt.timedelta(days=1),
        insured_until=END + dt.timedelta(days=60),
    )
    assert "unit_share" not in open_rules(later)


def test_ending_an_intern_early_mends_the_share_of_the_others_at_the_unit(place: Site) -> None:
    orchard = place.unit("校办果园四场", staff_count=20)
    early = START - dt.timedelta(days=60)
    first = place.place(unit=orchard, post="剪枝")
    place.place(unit=orchard, post="嫁接")
    leaving = place.place(unit=orchard, post="采摘", starts_on=early, insured_from=early)
    assert open_rules(first) == {"unit_share"}
    end_placement(placement=leaving, on=START - dt.timedelta(days=1), note="转岗", user=place.user)
    # from START on only two of 20 are interns: the checks find no breach of the unit share
    assert check(first).flags == []
    assert open_rules(first) == set()


def test_a_third_intern_in_a_post_of_10_staff_flags_the_post_share(place: Site) -> None:
    first = place.place(post="果树管理", post_staff=10)
    second = place.place(post="果树管理", post_staff=10)
    assert open_rules(first) == open_rules(second) == set()  # 2 of 10 = 20 %
    third = place.place(post="果树管理", post_staff=10)
    assert open_rules(third) == {"post_share"}


def test_a_post_internship_without_an_agreement_is_flagged(place: Site) -> None:
    placement = place.place(agreement_signed_on=None)
    assert open_rules(placement) == {"agreement"}


def test_signing_the_agreement_closes_its_finding_and_keeps_the_row(place: Site) -> None:
    placement = place.place(agreement_signed_on=None)
    update_placement(record=placement, values={"agreement_signed_on": START})
    finding = Finding.objects.get(placement=placement, rule="agreement")
    assert finding.mended_on == timezone.localdate()
    assert open_rules(placement) == set()


def test_a_post_internship_longer_than_six_months_is_flagged(place: Site) -> None:
    placement = place.place(ends_on=dt.date(2024, 9, 2), insured_until=dt.date(2024, 9, 2))
    assert open_rules(placement) == {"duration"}


# --- explained exceptions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "overrides"),
    [
        ("pay_level", {"monthly_pay": Decimal("700.00"), "reference_wage": Decimal("1000.00")}),
        ("duration", {"ends_on": dt.date(2024, 12, 31), "insured_until": dt.date(2024, 12, 31)}),
    ],
)
def test_an_exception_closes_the_open_finding_without_deleting_it(
    place: Site, rule: str, overrides: dict[str, Any]
) -> None:
    placement = place.place(**overrides)
    assert open_rules(placement) == {rule}
    grant_exception(placement=placement, rule=rule, reason="县人社局批准", user=place.user)
    assert open_rules(placement) == set()
    finding = Finding.objects.get(placement=placement, rule=rule)
    assert finding.mended_on == timezone.localdate()


def test_no_exception_to_a_rule_that_allows_none(place: Site) -> None:
    placement = place.place(agreement_signed_on=None)
    with pytest.raises(ValidationError) as caught:
        grant_exception(placement=placement, rule="agreement", reason="急需", user=place.user)
    assert error_codes(caught.value) == {"no_exception"}
    assert open_rules(placement) == {"agreement"}
    assert not placement.exceptions.exists()


def test_an_exception_needs_a_reason(place: Site) -> None:
    placement = place.place(pay_interval_days=60)
    with pytest.raises(ValidationError) as caught:
        grant_exception(placement=placement, rule="pay_interval", reason="  ", user=place.user)
    assert error_codes(caught.value) == {"required"}


def test_a_working_time_exception_needs_the_filing_with_the_authority(place: Site) -> None:
    placement = place.place(irregular_hours=True)
    assert open_rules(placement) == {"working_time"}
    with pytest.raises(ValidationError) as caught:
        grant_exception(placement=placement, rule="working_time", reason="夜班", user=place.user)
    assert error_codes(caught.value) == {"required"}
    assert open_rules(placement) == {"working_time"}
    grant_exception(
        placement=placement,
        rule="working_time",
        reason="养殖场夜间值守",
        filed_with="县教育局 备案〔2024〕3号",
        user=place.user,
    )
    assert open_rules(placement) == set()


# --- ending a placement -----------------------------------------------------------------------


def test_ending_a_placement_records_the_day_and_who_and_it_is_not_changed_again(
    place: Site,
) -> None:
    placement = place.place()
    ended = end_placement(
        placement=placement, on=dt.date(2024, 5, 10), note="学生返校", user=place.user
    )
    assert (ended.ended_on, ended.ended_by, ended.end_note) == (
        dt.date(2024, 5, 10),
        place.user,
        "学生返校",
    )
    with pytest.raises(ValidationError) as caught:
        update_placement(record=ended, values={"post": "采摘"})
    assert error_codes(caught.value) == {"ended"}
    with pytest.raises(ValidationError):
        end_placement(placement=ended, on=dt.date(2024, 6, 1), note="", user=place.user)


def test_a_placement_does_not_end_before_it_starts(place: Site) -> None:
    placement = place.place()
    with pytest.raises(ValidationError) as caught:
        end_placement(placement=placement, on=START - dt.timedelta(days=1), note="", user=None)
    assert error_codes(caught.value) == {"before_start"}
    placement.refresh_from_db()
    assert placement.ended_on is None


# --- the placements import ------------------------------------------------------------------

IMPORT_KEYS = (
    "student",
    "unit",
    "kind",
    "starts_on",
    "ends_on",
    "post",
    "school_supervisor",
    "unit_supervisor",
)


def _workbook(place: Site, *students: Any) -> bytes:
    book = openpyxl.Workbook()
    book.active.append([PLACEMENT_SHEET.column(key).header_zh for key in IMPORT_KEYS])
    for student in students:
        book.active.append(
            [
                student.student_no,
                place.farm.name,
                "post",  # the code: the Chinese label needs the zh-hans catalogue
                "2024-03-01",
                "2024-08-31",
                "果树管理",
                place.teacher.staff_no,
                "王师傅",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_row_with_a_fifteen_year_olds_post_internship_is_an_error_and_nothing_is_written(
    place: Site,
) -> None:
    fine = place.student()
    fifteen = place.student(born=SIXTEENTH_BIRTHDAY + dt.timedelta(days=1))
    report = PlacementImporter(place.school).run(
        _workbook(place, fine, fifteen), "x.xlsx", dry_run=False
    )
    assert not report.ok and not report.written
    assert [error.row for error in report.errors] == [3], report.errors
    assert "article 16 (2)" in report.errors[0].message
    assert not Placement.objects.exists()


def test_a_dry_run_of_a_good_file_writes_nothing(place: Site) -> None:
    report = PlacementImporter(place.school).run(
        _workbook(place, place.student()), "x.xlsx", dry_run=True
    )
    assert report.ok, report.errors
    assert (report.created, report.written) == (1, False)
    assert not Placement.objects.exists() and not Finding.objects.exists()


def test_a_good_file_writes_the_placements_and_opens_their_findings(place: Site) -> None:
    report = PlacementImporter(place.school).run(
        _workbook(place, place.student()), "x.xlsx", dry_run=False
    )
    assert report.ok, report.errors
    placement = Placement.objects.get()
    assert placement.ruleset_key == "2021"
    # the sheet gave no agreement, consent, insurance, pay or post staff
    assert {"agreement", "guardian_consent", "insurance", "pay_level", "post_share"} <= open_rules(
        placement
    )


def test_importing_a_third_intern_flags_the_unit_share_of_the_two_already_there(
    place: Site,
) -> None:
    place.farm.staff_count = 20
    place.farm.save()
    first = place.place(post="剪枝")
    place.place(post="嫁接")
    report = PlacementImporter(place.school).run(
        _workbook(place, place.student()), "x.xlsx", dry_run=False
    )
    assert report.ok, report.errors
    assert check(first).flags and "unit_share" in {b.rule.code for b in check(first).flags}
    assert open_rules(first) == {"unit_share"}
