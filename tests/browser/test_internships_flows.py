"""A student on internship logs a day and hands in the week's journal on a phone; the school
supervisor prints the week's sheet; the unit supervisor opens its link on a phone with no
account, which posts the key from the address's fragment by itself, and confirms the week with
ratings; the school supervisor then marks the journal reviewed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.internships.models import Placement, Week
from qingshan.internships.tests.factories import site
from tests.browser.conftest import PHONE, sign_in_as
from tests.factories import GradeTeamFactory, SchoolClassFactory, SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def placement(transactional_db: None) -> Placement:
    """A post internship running today, of a second- or third-year linked to the account
    "student", supervised by the teacher linked to the account "teacher"."""
    school: Any = SchoolFactory(name="青山职业中学", slug="qingshan")
    place = site(school)
    today = timezone.localdate()
    grade = GradeTeamFactory(school=school, entry_year=today.year - 2)
    school_class: Any = SchoolClassFactory(school=school, grade_team=grade, name="果树实习班")
    starts = today - dt.timedelta(days=20)
    ends = starts + dt.timedelta(days=150)
    found = place.place(
        student=place.student(school_class=school_class),
        starts_on=starts,
        ends_on=ends,
        agreement_signed_on=starts - dt.timedelta(days=10),
        consent_signed_on=starts - dt.timedelta(days=10),
        insured_from=starts,
        insured_until=ends,
    )
    student = create_user(username="student", password=PASSWORD)
    grant_membership(user=student, role=Role.STUDENT, school=school)
    found.student.user = student
    found.student.save(update_fields=["user"])
    teacher = create_user(username="teacher", password=PASSWORD)
    grant_membership(user=teacher, role=Role.TEACHER, school=school)
    place.teacher.user = teacher
    place.teacher.save(update_fields=["user"])
    return found


def test_a_week_is_logged_on_a_phone_confirmed_by_the_unit_and_reviewed_by_the_school(
    browser: Browser, live_server: Any, placement: Placement, artifacts: Path
) -> None:
    base = live_server.url
    errors: list[str] = []

    def watch(page: Any) -> Any:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        return page

    phone = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    student = watch(phone.new_page())
    sign_in_as(student, base, "student", PASSWORD)
    student.goto(f"{base}/internships/my/")
    expect(student.locator("#placement")).to_contain_text(placement.unit.name)
    day_form = student.locator("form[action$='/day/']")
    day_form.locator("input[name=starts_at]").fill("08:00")
    day_form.locator("input[name=ends_at]").fill("17:00")
    day_form.locator("input[name=break_minutes]").fill("60")
    day_form.locator("button[type=submit]").click()
    student.wait_for_url(f"{base}/internships/my/")
    expect(student.locator("#my-weeks li")).to_have_count(1)
    student.locator("#my-weeks a").click()
    student.fill("textarea[name=journal]", "本周学习果树修剪和施肥，掌握了嫁接的基本方法。")
    student.screenshot(path=str(artifacts / "internships-week-phone.png"), full_page=True)
    width = student.evaluate("document.documentElement.scrollWidth")
    student.locator("main form button[type=submit]").click()
    student.wait_for_url(f"{base}/internships/my/")
    expect(student.locator("#my-weeks .badge")).to_have_count(1)  # handed in
    assert width <= PHONE["width"]
    week = Week.objects.get(placement=placement)
    assert week.submitted_at is not None and week.days.count() == 1

    desk = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    teacher = watch(desk.new_page())
    sign_in_as(teacher, base, "teacher", PASSWORD)
    teacher.goto(f"{base}{week.get_absolute_url()}")
    expect(teacher.locator("#journal")).to_contain_text("嫁接")
    teacher.locator("form[action$='/sheet/'] button[type=submit]").click()
    link = teacher.locator("#week-link").input_value()
    assert link.startswith(f"{base}/internships/c/#k=")

    unit_phone = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    supervisor = watch(unit_phone.new_page())
    supervisor.goto(link)  # the page posts the key from the fragment by itself
    expect(supervisor).to_have_url(f"{base}/internships/c/")
    section = supervisor.locator(f"#week-{week.pk}")
    expect(section).to_contain_text(placement.student.name)
    section.locator(f"input[name=w{week.pk}-confirmed_by]").fill("王师傅")
    for criterion in ("attendance", "attitude", "skill", "safety", "teamwork"):
        section.locator(f"select[name=w{week.pk}-{criterion}]").select_option("4")
    section.locator(f"textarea[name=w{week.pk}-comment]").fill("踏实肯干")
    supervisor.screenshot(path=str(artifacts / "internships-confirm-phone.png"), full_page=True)
    section.locator("button[type=submit]").click()
    expect(supervisor.locator("#confirmed")).to_be_visible()

    teacher.goto(f"{base}{week.get_absolute_url()}")
    expect(teacher.locator("#confirmed")).to_contain_text("王师傅")
    teacher.fill("textarea[name=comment]", "总结认真，继续保持。")
    teacher.locator("form:has(textarea[name=comment]) button[type=submit]").click()
    expect(teacher.locator("#reviewed")).to_be_visible()
    expect(teacher.locator("#confirmed")).to_be_visible()
    assert errors == []
    week.refresh_from_db()
    assert week.is_confirmed and week.confirmed_by == "王师傅" and week.skill == 4
    assert week.reviewed_on is not None and week.reviewed_by == placement.school_supervisor
    # closed before the live server stops, so that no request of theirs is still being served
    unit_phone.close()
    desk.close()
    phone.close()
