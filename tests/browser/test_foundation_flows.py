"""Main flows of the foundation, as a person would go through them in a browser."""

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
from qingshan.organization.models import Staff
from tests.browser.conftest import PHONE
from tests.factories import DepartmentFactory, SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def signed_up_admin(transactional_db: None) -> Any:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    DepartmentFactory(school=school, name="教务处")
    user = create_user(username="office", password=PASSWORD, full_name="办公室")
    grant_membership(user=user, role=Role.SCHOOL_ADMIN, school=school)
    return school


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def roster(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工号", "姓名", "性别", "身份证号", "部门", "入校日期"])
    sheet.append(
        [
            "T0001",
            "王青山",
            "男",
            make_resident_id("511921", dt.date(1980, 3, 1), 11),
            "教务处",
            "2005-09-01",
        ]
    )
    sheet.append(
        [
            "T0002",
            "李绿水",
            "女",
            make_resident_id("511921", dt.date(1985, 6, 1), 22),
            "教务处",
            "2008-09-01",
        ]
    )
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


def test_sign_in_switch_language_import_and_sign_out(
    page: Page, live_server: Any, signed_up_admin: Any, tmp_path: Path
) -> None:
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )

    sign_in(page, live_server.url)
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_have_text("工作台")

    page.select_option("#language-form select", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Dashboard")

    page.click("text=Import from Excel")
    page.select_option("select[name=sheet]", "staff")
    page.set_input_files("input[name=file]", str(roster(tmp_path)))
    page.click("text=Check the file")
    expect(page.locator("#import-ready")).to_contain_text("2 to add")
    assert Staff.objects.count() == 0
    page.click("text=Import now")
    expect(page.locator(".messages")).to_contain_text("2 added")
    assert sorted(Staff.objects.values_list("name", flat=True)) == ["李绿水", "王青山"]

    page.click("text=Sign out")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    assert [error for error in errors if "Content Security Policy" in error] == []


def test_a_roster_with_errors_is_listed_row_by_row(
    page: Page, live_server: Any, signed_up_admin: Any, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["工号", "姓名", "性别", "入校日期"])
    book.active.append(["T0001", "王青山", "男", "2005-13-01"])
    path = tmp_path / "bad.xlsx"
    book.save(path)

    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/org/import/")
    page.select_option("select[name=sheet]", "staff")
    page.set_input_files("input[name=file]", str(path))
    page.click("form[enctype] button[type=submit]")

    expect(page.locator("#import-errors")).to_be_visible()
    expect(page.locator("table")).to_contain_text("2")
    assert Staff.objects.count() == 0


def test_the_dashboard_fits_a_phone(
    page: Page, live_server: Any, signed_up_admin: Any, artifacts: Path
) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/org/staff/")

    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(artifacts / "staff-list-phone.png"), full_page=True)
    page.goto(f"{live_server.url}/")
    page.screenshot(path=str(artifacts / "dashboard-phone.png"), full_page=True)

    assert width <= PHONE["width"]
    assert (artifacts / "dashboard-phone.png").stat().st_size > 0
