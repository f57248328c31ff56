"""A student answers the screening on a phone; the red alert reaches the counselor's board; the
counselor opens a case from it, says why at the gate and records a session; the head teacher
sees only that a student of theirs needs attention, and whom to contact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from qingshan.counseling.models import Alert, Case, CaseRead
from qingshan.counseling.tests.factories import RED, Clinic, clinic
from tests.browser.conftest import PHONE, sign_in_as
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"  # the factories' password


@pytest.fixture
def site(transactional_db: None) -> Clinic:
    return clinic(SchoolFactory(name="青山职业中学", slug="qingshan"))


def test_a_red_screening_reaches_the_counselor_who_opens_a_case(
    browser: Browser, live_server: Any, site: Clinic, artifacts: Path
) -> None:
    base = live_server.url
    errors: list[str] = []

    def watch(page: Any) -> Any:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        return page

    student_record = site.student(name="林小雨")
    student_user = site.student_user(student_record)
    phone = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    student = watch(phone.new_page())
    sign_in_as(student, base, student_user.username, PASSWORD)
    student.goto(f"{base}/counseling/my/")
    student.locator("#my-campaigns a").click()
    for number, answer in RED.items():
        student.locator(f"input[name=item_{number}][value='{answer}']").check()
    student.locator("input[name=consent]").check()
    width = student.evaluate("document.documentElement.scrollWidth")
    student.screenshot(path=str(artifacts / "counseling-answer-phone.png"), full_page=True)
    student.locator("form.answer-sheet button[type=submit]").click()
    expect(student.locator("#handed-in")).to_be_visible()
    assert width <= PHONE["width"]
    alert = Alert.objects.get(student=student_record)

    desk = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    counselor = watch(desk.new_page())
    sign_in_as(counselor, base, site.counselor_user.username, PASSWORD)
    counselor.goto(f"{base}/counseling/")
    expect(counselor.locator("#open-alerts")).to_contain_text("林小雨")
    counselor.locator(f"#open-alerts a[href='{alert.get_absolute_url()}']").click()
    counselor.locator(f"a[href$='?alert={alert.pk}']").click()
    counselor.fill("textarea[name=concern]", "普查红色预警，约谈时诉说长期失眠、情绪低落。")
    counselor.locator("main form button[type=submit]").click()
    counselor.locator("input[name=reason][value=counseling]").check()
    counselor.locator("main form button[type=submit]").click()
    expect(counselor.locator("#concern")).to_contain_text("长期失眠")
    when = timezone.localtime() - dt.timedelta(hours=1)
    session_form = counselor.locator("form[action$='/session/']")
    session_form.locator("select[name=s-kind]").select_option("session")
    session_form.locator("input[name=s-starts_at]").fill(when.strftime("%Y-%m-%dT%H:%M"))
    session_form.locator("textarea[name=s-notes]").fill("建立咨询关系，布置睡前放松练习。")
    session_form.locator("button[type=submit]").click()
    expect(counselor.locator("#sessions")).to_contain_text("睡前放松")
    counselor.screenshot(path=str(artifacts / "counseling-case-desk.png"), full_page=True)
    case = Case.objects.get(student=student_record)
    assert case.sessions.count() == 1 and case.alert == alert
    assert CaseRead.objects.filter(case=case).count() >= 2

    head_phone = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    head = watch(head_phone.new_page())
    sign_in_as(head, base, site.head_teacher_user.username, PASSWORD)
    head.goto(f"{base}/counseling/attention/")
    # followed up by the case, the alert no longer asks the head teacher's attention
    expect(head.locator("#attention")).not_to_contain_text("林小雨")
    other = site.student(name="周晓峰")
    site.hand_in(other, RED)
    head.goto(f"{base}/counseling/attention/")
    row = head.locator("#attention tbody tr")
    expect(row).to_contain_text("周晓峰")
    expect(row).to_contain_text(site.counselor.name)
    text = head.locator("main").inner_text()
    for word in ("红色", "预警", "4.00", "长期失眠"):
        assert word not in text
    head.screenshot(path=str(artifacts / "counseling-attention-phone.png"), full_page=True)
    assert errors == []
    head_phone.close()
    desk.close()
    phone.close()
