"""A department head observes a lesson on a phone in the back of a classroom: begins the
observation, scores part of it and saves a draft, loses the connection while typing the rest
(what was typed comes back), submits; the teacher replies; the head marks it read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.organization.models import Term
from qingshan.teaching.enums import ObservationStatus
from qingshan.teaching.models import Observation
from qingshan.teaching.tests.observation_factories import published_rubric
from tests.browser.conftest import PHONE
from tests.factories import SchoolFactory, StaffFactory, TeachingAssignmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def lesson(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    today = timezone.localdate()
    term = Term.objects.create(
        school=school,
        school_year=today.year,
        semester=1,
        start_date=today - dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=60),
    )
    published_rubric(school)  # 目标明确 (10) and 学生参与 (20)
    people = {}
    for username, role, name in (
        ("head", Role.DEPARTMENT_HEAD, "段主任"),
        ("teacher", Role.TEACHER, "何老师"),
    ):
        user = create_user(username=username, password=PASSWORD)
        grant_membership(user=user, role=role, school=school)
        people[username] = StaffFactory(school=school, user=user, name=name)
    TeachingAssignmentFactory(school=school, teacher=people["teacher"], term=term, subject="语文")
    return {"school": school, "term": term, **people}


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def phone(browser: Browser) -> Page:
    context = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    return context.new_page()


def test_a_head_observes_on_a_phone_the_teacher_replies_and_the_head_marks_it_read(
    browser: Browser, live_server: Any, lesson: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    head = phone(browser)
    errors: list[str] = []
    head.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    head.on("dialog", lambda dialog: dialog.accept())
    sign_in(head, base, "head")

    head.goto(f"{base}/teaching/observations/new/")
    head.select_option("select[name=teacher]", label="何老师")
    head.select_option("select[name=term]", value=str(lesson["term"].pk))
    head.fill("input[name=subject]", "语文")
    head.fill("input[name=observed_on]", timezone.localdate().isoformat())
    head.fill("input[name=periods]", "1")
    head.fill("input[name=topic]", "《荷塘月色》")
    head.click("main form button[type=submit]")
    head.wait_for_url("**/score/")
    score_url = head.url
    observation = Observation.objects.get()
    first, second = observation.rubric.items.order_by("position")

    # part of the rubric, kept as a draft
    head.fill(f"input[name=item-{first.pk}]", "9")
    head.click("button[value=save]")
    expect(head.locator(".messages, [role=status], main").first).to_contain_text("草稿已保存")
    assert observation.scores.get().points == Decimal(9)

    # the rest typed while the connection is lost: nothing reaches the server, nothing is lost
    head.fill(f"input[name=item-{second.pk}]", "17")
    head.fill("textarea[name=strengths]", "导入新颖")
    head.context.set_offline(True)
    with head.expect_event("requestfailed"):
        head.click("button[value=save]", no_wait_after=True)
    head.context.set_offline(False)
    head.goto(score_url)
    expect(head.locator("[data-keep-note]")).to_be_visible()
    expect(head.locator(f"input[name=item-{second.pk}]")).to_have_value("17")
    expect(head.locator("textarea[name=strengths]")).to_have_value("导入新颖")
    head.screenshot(path=str(artifacts / "teaching-score-phone.png"), full_page=True)

    head.click("button[value=submit]")
    head.wait_for_url(f"**/teaching/observations/{observation.pk}/")
    observation.refresh_from_db()
    assert (observation.status, observation.total) == (ObservationStatus.SUBMITTED, Decimal(26))
    assert observation.strengths == "导入新颖"

    teacher = phone(browser)
    sign_in(teacher, base, "teacher")
    teacher.goto(f"{base}/teaching/observations/{observation.pk}/")
    expect(teacher.locator("main")).to_contain_text("26.0")
    teacher.fill("textarea[name=reply]", "谢谢指导，下节课增加练习时间。")
    teacher.click("form[action$='/reply/'] button[type=submit]")
    expect(teacher.locator("main")).to_contain_text("谢谢指导，下节课增加练习时间。")

    head.reload()
    head.select_option("select[name=review_level]", "good")
    head.fill("input[name=review_note]", "记录详实")
    head.click("form[action$='/read/'] button[type=submit]")
    expect(head.locator("main")).to_contain_text("记录详实")
    head.screenshot(path=str(artifacts / "teaching-observation-phone.png"), full_page=True)
    observation.refresh_from_db()
    assert observation.reply.startswith("谢谢指导")
    assert (observation.review_level, observation.reviewed_by.username) == ("good", "head")
    assert errors == []
    # closed before the live server stops, so no request of theirs outlives the test
    teacher.context.close()
    head.context.close()
