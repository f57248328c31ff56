"""A cohort's roster imported from Excel and a trainee's follow-up recorded through the pages,
on a phone, as the school's administrator would; then the rates show what was recorded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.core.validators import make_resident_id
from qingshan.trainings.models import Cohort, Course, Enrolment, FollowUp
from tests.browser.conftest import PHONE
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def cohort(transactional_db: None) -> Cohort:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    course = Course.objects.create(
        school=school,
        name="2013年第1期电焊工培训",
        trade="电焊工",
        hours=120,
        days=15,
        start_on=dt.date(2013, 3, 1),
        end_on=dt.date(2013, 3, 15),
    )
    user = create_user(username="admin", password=PASSWORD)
    grant_membership(user=user, role=Role.SCHOOL_ADMIN, school=school)
    return Cohort.objects.create(
        school=school,
        course=course,
        name="电焊一班",
        start_on=course.start_on,
        end_on=course.end_on,
    )


def roster(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["培训班次", "姓名", "性别", "身份证号", "乡镇", "出勤天数", "结业"])
    for n, name in enumerate(("王青山", "李绿水"), start=1):
        number = make_resident_id("511921", dt.date(1985, 6, n), n)
        book.active.append(["电焊一班", name, "男", number, "民胜镇", 15, "是"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


def test_a_cohort_is_imported_and_a_follow_up_recorded(
    page: Page, live_server: Any, cohort: Cohort, tmp_path: Path, artifacts: Path
) -> None:
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/trainings/import/")
    page.select_option("select[name=sheet]", "trainee_roster")
    page.set_input_files("input[name=file]", str(roster(tmp_path)))
    page.click("form[enctype] button[type=submit]")
    expect(page.locator("#import-ready")).to_be_visible()
    assert Enrolment.objects.count() == 0
    page.click("#import-ready button[type=submit]")
    expect(page.locator(".messages")).to_be_visible()
    assert Enrolment.objects.filter(cohort=cohort, completed=True).count() == 2

    page.goto(f"{live_server.url}/trainings/followup/new/")
    place = Enrolment.objects.get(trainee__name="王青山")
    page.select_option("select[name=enrolment]", str(place.pk))
    page.fill("input[name=checked_on]", "2013-06-01")
    page.check("input[name=employed]")
    page.fill("input[name=employer]", "某电子厂")
    page.fill("input[name=monthly_income]", "1600")
    page.click("form[enctype] button[type=submit]")
    expect(page.locator("h1")).to_contain_text("王青山")
    assert FollowUp.objects.get().monthly_income == 1600

    page.goto(f"{live_server.url}/trainings/?by=course")
    expect(page.locator("table.rates")).to_contain_text("100.0%")
    expect(page.locator("table.rates")).to_contain_text("1600")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(artifacts / "training-rates-phone.png"), full_page=True)
    assert width <= PHONE["width"]
    assert [error for error in errors if "Content Security Policy" in error] == []
