"""A department head makes a follow-up link for a graduate not yet employed; the graduate answers
it on a phone without an account; the employment rate on the employment page follows, and the
link does not answer twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.careers.enums import DestinationKind
from qingshan.careers.models import FollowUp, FollowUpPoint
from qingshan.careers.services.followups import schedule_follow_ups
from qingshan.careers.tests.factories import careers
from tests.browser.conftest import PHONE
from tests.factories import SchoolFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def follow_up(transactional_db: None) -> FollowUp:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    place = careers(school)
    (graduate,) = place.graduate(1)
    place.employ(
        graduate,
        kind=DestinationKind.UNEMPLOYED,
        employer="",
        starting_salary=None,
        channel="",
        matches_major=None,
    )
    FollowUpPoint.objects.create(school=school, months=6)
    schedule_follow_ups(school=school)
    head = create_user(username="head", password=PASSWORD)
    grant_membership(user=head, role=Role.DEPARTMENT_HEAD, school=school)
    StaffFactory(school=school, user=head, name="段主任")
    return FollowUp.objects.get()


def test_a_graduate_answers_a_follow_up_on_a_phone_and_the_employment_rate_follows(
    browser: Browser, live_server: Any, follow_up: FollowUp, artifacts: Path
) -> None:
    base = live_server.url
    head = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai").new_page()
    errors: list[str] = []
    head.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    head.goto(f"{base}/accounts/login/")
    head.fill("input[name=username]", "head")
    head.fill("input[name=password]", PASSWORD)
    head.click("main button[type=submit]")
    head.wait_for_url(f"{base}/")
    head.goto(f"{base}/careers/employment/")
    expect(head.locator("#employment-rate")).to_have_text("0.0%")
    head.goto(f"{base}/careers/followups/{follow_up.pk}/")
    head.get_by_role("button", name="为毕业生生成填写链接").click()
    link = head.locator("#followup-link").input_value()
    assert link.startswith(f"{base}/careers/f/")

    phone = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    graduate = phone.new_page()
    graduate.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    graduate.goto(link)
    expect(graduate.locator("h1")).to_have_text("你现在怎么样？")
    graduate.get_by_label("到企事业单位就业").check()
    graduate.fill("input[name=employer]", "苏州华硕科技有限公司")
    graduate.fill("input[name=salary]", "2800")
    graduate.get_by_label("同意学校将我列入校友名录", exact=False).check()
    graduate.screenshot(path=str(artifacts / "careers-follow-up-phone.png"), full_page=True)
    graduate.get_by_role("button", name="提交").click()
    expect(graduate.locator("#answer-thanks")).to_be_visible()
    assert errors == []
    graduate.goto(link)  # answered already: 410, which the console reports
    expect(graduate.locator("#link-refusal")).to_contain_text("此链接已使用")

    head.goto(f"{base}/careers/employment/")
    expect(head.locator("#employment-rate")).to_have_text("100.0%")
    head.goto(f"{base}/careers/alumnus/")
    expect(head.locator("main")).to_contain_text(follow_up.destination.student.name)
    # closed before the live server stops, so that no request of theirs is still being served
    graduate.context.close()
    head.context.close()
