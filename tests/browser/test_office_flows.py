"""The office's everyday comforts on a phone and a desktop, in Chinese and English: the inbox
(from the dashboard's short list to the record) and the search box."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.models import User
from qingshan.accounts.services import create_user, grant_membership
from qingshan.organization.enums import Semester
from qingshan.organization.models import Student
from qingshan.workplans.models import Decision, DecisionMeeting
from qingshan.workplans.services import decisions as decision_services
from tests.browser.conftest import PHONE, sign_in_as
from tests.factories import (
    DepartmentFactory,
    SchoolClassFactory,
    SchoolFactory,
    StaffFactory,
    StudentFactory,
    TermFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"
TERM_TEXTS = {"zh-hans": "设为当前学期", "en": "Make it the current term"}
# The month board's heading once the autumn of 2013 is current (today is long after it).
MONTH_TEXTS = {"zh-hans": "2014年1月", "en": "January 2014"}
WIDTHS = {"phone": PHONE, "desktop": {"width": 1366, "height": 768}}
TEXTS = {
    "zh-hans": {"menu": "菜单", "attention": "需要您处理", "inbox": "待办提醒", "search": "搜索"},
    "en": {
        "menu": "Menu",
        "attention": "Needs your attention",
        "inbox": "Inbox",
        "search": "Search",
    },
}


@pytest.fixture
def school(transactional_db: None) -> Any:
    return SchoolFactory(name="青山职业中学", slug="qingshan")


def login(school: Any, username: str, role: str) -> User:
    user = create_user(username=username, password=PASSWORD, full_name=username)
    grant_membership(user=user, role=role, school=school)
    return user


def sign_in(page: Page, base: str, username: str, language: str, width: str) -> None:
    page.set_viewport_size(WIDTHS[width])
    sign_in_as(page, base, username, PASSWORD, language)


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_head_opens_the_task_handed_down_from_the_dashboard_and_the_inbox_marks_it_read(
    page: Page, live_server: Any, school: Any, language: str, width: str
) -> None:
    user = login(school, "head", Role.DEPARTMENT_HEAD)
    department = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    meeting = DecisionMeeting.objects.create(school=school, held_on=dt.date(2026, 2, 1), title="会")
    decision = Decision.objects.create(
        school=school, meeting=meeting, title="建设实训基地", deadline=dt.date(2040, 6, 30)
    )
    decision_services.hand_to_department(
        decision=decision,
        department=department,
        title="整理实训室台账",
        deadline=dt.date(2040, 6, 1),
    )
    texts = TEXTS[language]
    sign_in(page, live_server.url, "head", language, width)

    attention = page.locator("#attention")
    expect(attention).to_contain_text(texts["attention"])
    attention.get_by_role("button", name="整理实训室台账").click()

    page.wait_for_url(f"{live_server.url}{decision.get_absolute_url()}")
    page.goto(f"{live_server.url}/inbox/")
    expect(page.get_by_role("heading", name=texts["inbox"], level=1)).to_be_visible()
    expect(page.locator("li.notice.unread")).to_have_count(0)
    expect(page.locator("li.notice")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_administrator_finds_a_student_from_the_search_box(
    page: Page, live_server: Any, school: Any, language: str, width: str
) -> None:
    login(school, "admin", Role.SCHOOL_ADMIN)
    pupil = StudentFactory(
        school=school, name="青山学生", school_class=SchoolClassFactory(school=school)
    )
    texts = TEXTS[language]
    sign_in(page, live_server.url, "admin", language, width)
    if width == "phone":
        page.get_by_role("button", name=texts["menu"]).click()

    box = page.locator("#site-menu").get_by_role("searchbox", name=texts["search"])
    box.fill("青山")
    box.press("Enter")

    page.get_by_role("link", name="青山学生").click()
    page.wait_for_url(f"{live_server.url}{pupil.get_absolute_url()}")


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_administrator_makes_a_term_current_and_the_month_board_opens_on_it(
    page: Page, live_server: Any, school: Any, language: str, width: str
) -> None:
    login(school, "admin", Role.SCHOOL_ADMIN)
    autumn = TermFactory(
        school=school,
        school_year=2013,
        semester=Semester.AUTUMN,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    sign_in(page, live_server.url, "admin", language, width)

    page.goto(f"{live_server.url}{autumn.get_absolute_url()}")
    page.get_by_role("button", name=TERM_TEXTS[language]).click()
    page.goto(f"{live_server.url}/work/")

    expect(page.locator("main h1")).to_contain_text(MONTH_TEXTS[language])
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]


# The board's plan cell once filed: late after its due day (day 3 of the month), never overdue.
STATE_TEXTS = {
    "zh-hans": {"late": "迟交", "on_time": "按时"},
    "en": {"late": "late", "on_time": "on time"},
}


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.usefixtures("school_in_session")
def test_a_head_files_the_months_plan_and_the_board_no_longer_marks_it_overdue(
    page: Page, live_server: Any, school: Any, language: str, width: str
) -> None:
    user = login(school, "head", Role.DEPARTMENT_HEAD)
    head = StaffFactory(school=school, name="教务主任", user=user)
    department = DepartmentFactory(school=school, name="教务处", head=head)
    texts = STATE_TEXTS[language]
    sign_in(page, live_server.url, "head", language, width)

    page.goto(f"{live_server.url}/work/")
    page.locator("#open-plan button[type=submit]").click()
    form = page.locator("#add-item")
    form.locator("select[name=line]").select_option("party")
    form.locator("input[name=title]").fill("党员示范岗挂牌")
    form.locator("select[name=owner]").select_option(label="教务主任")
    form.locator("input[name=due_on]").fill(timezone.localdate().isoformat())
    form.locator("button[type=submit]").click()
    page.locator("#file-plan").click()
    page.goto(f"{live_server.url}/work/")

    row = page.locator("#month-board tr", has_text=department.name)
    plan_cell = row.locator("td").nth(1)
    expected = texts["late"] if timezone.localdate().day > 3 else texts["on_time"]
    expect(plan_cell).to_have_text(expected)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_student_of_a_class_that_does_not_exist_is_reported_at_the_dry_run(
    page: Page, live_server: Any, school: Any, language: str, width: str, tmp_path: Any
) -> None:
    login(school, "admin", Role.SCHOOL_ADMIN)
    book = openpyxl.Workbook()
    book.active.append(["学号", "姓名", "性别", "班级", "入学日期"])
    book.active.append(["2013001", "王小明", "男", "没有这个班", "2013-13-01"])
    path = tmp_path / "students.xlsx"
    book.save(path)
    sign_in(page, live_server.url, "admin", language, width)

    page.goto(f"{live_server.url}/org/import/")
    page.select_option("select[name=sheet]", "students")
    page.set_input_files("input[name=file]", str(path))
    page.click("form[enctype] button[type=submit]")

    expect(page.locator("#import-errors")).to_contain_text("2")
    table = page.locator("main table")
    expect(table).to_contain_text("没有这个班")  # the unknown class, beside the bad date
    expect(table).to_contain_text("Enrolled on" if language == "en" else "入学日期")
    assert not Student.objects.exists()
