"""The shell on a phone and on a desktop, in Chinese and in English: the menu, the role's links,
changing one's password."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.models import User
from qingshan.accounts.services import create_user, grant_membership
from tests.browser.conftest import PHONE, sign_in_as
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"
NEW_PASSWORD = "blue sky over the hills"
DESKTOP = {"width": 1366, "height": 768}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# Per language: the menu button's name, the dashboard's heading, the password page's texts.
TEXTS = {
    "zh-hans": {
        "menu": "菜单",
        "dashboard": "工作台",
        "change": "修改密码",
        "changed": "密码已修改。",
        "wrong": "当前密码不正确，未做任何更改。",
        "ratings": "我的待评任务",
        "dues": "党费",
        "staff": "教职工",
    },
    "en": {
        "menu": "Menu",
        "dashboard": "Dashboard",
        "change": "Change your password",
        "changed": "Your password was changed.",
        "wrong": "Your current password is not correct. Nothing was changed.",
        "ratings": "My ratings to give",
        "dues": "Party dues",
        "staff": "Staff",
    },
}


@pytest.fixture
def people(transactional_db: None) -> dict[str, User]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    found = {}
    for username, role in (("teacher", Role.TEACHER), ("student", Role.STUDENT)):
        found[username] = create_user(username=username, password=PASSWORD, full_name=username)
        grant_membership(user=found[username], role=role, school=school)
    return found


def sign_in(page: Page, base: str, username: str, language: str) -> None:
    sign_in_as(page, base, username, PASSWORD, language)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_on_a_phone_the_content_comes_first_and_the_menu_opens_from_its_button(
    page: Page, live_server: Any, people: Any, language: str
) -> None:
    texts = TEXTS[language]
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, "teacher", language)

    heading = page.get_by_role("heading", name=texts["dashboard"], level=1)
    menu = page.locator("#site-menu")
    button = page.get_by_role("button", name=texts["menu"])

    expect(heading).to_be_in_viewport()
    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    button.click()
    expect(menu).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name=texts["staff"], exact=True)).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_on_a_desktop_the_menu_shows_beside_the_content_without_a_button(
    page: Page, live_server: Any, people: Any, language: str
) -> None:
    texts = TEXTS[language]
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server.url, "teacher", language)

    expect(page.locator("#site-menu")).to_be_visible()
    expect(page.get_by_role("button", name=texts["menu"])).to_be_hidden()


def test_without_script_the_phone_menu_opens_from_its_label(
    browser: Any, live_server: Any, people: Any
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "teacher")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    expect(page.locator("#site-menu")).to_be_hidden()
    page.click("label[for=menu-toggle]")
    expect(page.locator("#site-menu")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_student_is_offered_their_ratings_and_no_party_or_staff_pages(
    page: Page, live_server: Any, people: Any, language: str, width: str
) -> None:
    texts = TEXTS[language]
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server.url, "student", language)
    if width == "phone":
        page.get_by_role("button", name=texts["menu"]).click()
    menu = page.locator("#site-menu")

    expect(menu.get_by_role("link", name=texts["ratings"])).to_be_visible()
    expect(menu.get_by_role("link", name=texts["dues"])).to_have_count(0)
    expect(menu.get_by_role("link", name=texts["staff"], exact=True)).to_have_count(0)
    for href in menu.locator("a").evaluate_all("links => links.map(link => link.href)"):
        assert page.request.get(href).status == 200, href


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_teacher_changes_their_password_from_the_menu_and_stays_signed_in(
    page: Page, live_server: Any, people: Any, language: str, width: str
) -> None:
    texts = TEXTS[language]
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server.url, "teacher", language)
    if width == "phone":
        page.get_by_role("button", name=texts["menu"]).click()
    page.locator("#site-menu").get_by_role("link", name=texts["change"]).click()

    page.fill("input[name=old_password]", "not my password")
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    page.click("main button[type=submit]")
    expect(page.get_by_text(texts["wrong"])).to_be_visible()
    people["teacher"].refresh_from_db()
    assert people["teacher"].check_password(PASSWORD)

    page.fill("input[name=old_password]", PASSWORD)
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    page.click("main button[type=submit]")
    expect(page.get_by_text(texts["changed"])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name=texts["dashboard"], level=1)).to_be_visible()
    people["teacher"].refresh_from_db()
    assert people["teacher"].check_password(NEW_PASSWORD)


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_sign_in_page_names_the_product_and_school_across_the_page(
    page: Page, live_server: Any, people: Any, language: str, width: str
) -> None:
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{live_server.url}/accounts/login/")
    if language != "zh-hans":
        with page.expect_navigation():
            page.select_option("#language-form select", language)

    form = page.locator("main form")
    expect(page.locator("main")).to_contain_text("青山 Qingshan")
    expect(page.locator("main")).to_contain_text("青山职业中学")
    box = form.bounding_box()
    assert box is not None and box["width"] >= min(300, WIDTHS[width]["width"] - 60)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]


@pytest.fixture
def office(transactional_db: None) -> Any:
    """An administrator and a secretary of a school with a branch, a recruit and departments."""
    from tests.factories import DepartmentFactory
    from tests.party_factories import party_records

    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    DepartmentFactory(school=school, name="教务处")
    # A long unit name makes the month board's unit field as wide as the demo's.
    DepartmentFactory(school=school, name="招生就业与学生资助管理办公室")
    party_records(school)
    for username, role in (("office", Role.SCHOOL_ADMIN), ("secretary", Role.SECRETARY)):
        user = create_user(username=username, password=PASSWORD, full_name=username)
        grant_membership(user=user, role=role, school=school)
    return school


def test_the_month_board_does_not_push_a_phone_page_sideways(
    page: Page, live_server: Any, office: Any
) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, "office", "zh-hans")
    page.goto(f"{live_server.url}/work/")

    expect(page.locator("#open-plan")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    board = page.locator("#month-board")
    assert board.evaluate("table => getComputedStyle(table.parentElement).overflowX") == "auto"


def test_the_recruitment_board_shows_every_column_of_every_stage_on_a_desktop(
    page: Page, live_server: Any, office: Any
) -> None:
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server.url, "secretary", "zh-hans")
    page.goto(f"{live_server.url}/party/recruitment/")

    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.board .table-wrap')]
            .filter(box => box.scrollWidth > box.clientWidth + 1).length"""
    )
    assert page.locator(".board .table-wrap").count() >= 5
    assert clipped == 0


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_a_record_list_is_cards_on_a_phone_and_a_table_on_a_desktop(
    page: Page, live_server: Any, office: Any, width: str
) -> None:
    from tests.factories import one_of_each

    one_of_each(office, mark="青")
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server.url, "office", "zh-hans")
    page.goto(f"{live_server.url}/org/staff/")

    box = page.locator("#results .table-wrap")
    header = page.locator("#results thead")
    row = page.locator("#results tbody tr", has_text="青教师")
    expect(row).to_be_visible()
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth + 1")
    if width == "phone":
        expect(header).not_to_be_in_viewport()
        assert row.evaluate("row => getComputedStyle(row).display") == "block"
        assert row.locator("td[data-label]").first.evaluate(
            "cell => getComputedStyle(cell, '::before').content"
        ) not in ("none", "normal", '""')
    else:
        expect(header).to_be_visible()
        assert row.evaluate("row => getComputedStyle(row).display") == "table-row"
