"""A department head files the month's plan, marks its items implemented, and files the summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.workplans.models import MonthlyPlan
from tests.browser.conftest import PHONE
from tests.factories import DepartmentFactory, SchoolFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def head_of_teaching(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    user = create_user(username="head", password=PASSWORD)
    grant_membership(user=user, role=Role.DEPARTMENT_HEAD, school=school)
    head = StaffFactory(school=school, name="教务主任", user=user)
    department = DepartmentFactory(school=school, name="教务处", head=head)
    return {"school": school, "department": department, "head": head}


def add_item(page: Page, line: str, title: str) -> None:
    form = page.locator("#add-item")
    form.locator("select[name=line]").select_option(line)
    form.locator("input[name=title]").fill(title)
    form.locator("select[name=owner]").select_option(label="教务主任")
    form.locator("input[name=due_on]").fill(timezone.localdate().isoformat())
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("事项已添加")


def mark_done(page: Page, title: str, evidence: str) -> None:
    page.locator("li", has_text=title).locator("a.mark-done").click()
    page.fill("textarea[name=evidence]", evidence)
    page.locator("#item-done-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("已标记为落实")


def test_a_head_files_a_plan_marks_items_done_and_files_the_summary(
    page: Page, live_server: Any, head_of_teaching: dict[str, Any], artifacts: Any
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "head")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/work/")
    page.locator("#open-plan button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("教务处")
    add_item(page, "party", "党员示范岗挂牌")
    add_item(page, "teaching", "教学常规检查")
    page.locator("#file-plan").click()
    expect(page.locator(".messages")).to_contain_text("计划已报送")

    mark_done(page, "党员示范岗挂牌", "挂牌照片已归档")
    # One line done, the other not: the month is flagged "one hand hard, one hand soft".
    expect(page.locator(".flag")).to_contain_text("教学管理工作")
    mark_done(page, "教学常规检查", "检查记录表")
    expect(page.locator(".flag")).to_have_count(0)

    page.fill("#file-summary textarea[name=text]", "两条线同步推进，下月继续抓好常规。")
    page.locator("#file-summary button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("月末总结已报送")
    expect(page.locator(".summary-text")).to_contain_text("两条线同步推进")
    page.screenshot(path=str(artifacts / "workplans-plan-phone.png"), full_page=True)

    plan = MonthlyPlan.objects.get()
    assert (plan.department == head_of_teaching["department"], plan.is_summary_filed) == (
        True,
        True,
    )
    assert sorted(item.stage for item in plan.items.all()) == ["done", "done"]
