"""A general-track student asks on a phone to move to the vocational track in the school's choice
window; a department head assigns the place and records the bureau's reply; the student's class
on the roll, their path and the year's figure follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.core.figures import Period, Scope
from qingshan.organization.enums import Track
from qingshan.organization.models import Student, Term
from qingshan.students.figures import to_vocational
from qingshan.students.services import choices
from qingshan.students.services.paths import open_missing_paths
from tests.browser.conftest import PHONE
from tests.factories import (
    GradeTeamFactory,
    MajorFactory,
    SchoolClassFactory,
    SchoolFactory,
    StaffFactory,
    StudentFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def window(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    today = timezone.localdate()
    term = Term.objects.create(
        school=school,
        school_year=today.year,
        semester=1,
        start_date=today - dt.timedelta(days=3),
        end_date=today + dt.timedelta(days=120),
    )
    grade = GradeTeamFactory(school=school, entry_year=today.year)
    general = SchoolClassFactory(
        school=school, grade_team=grade, track=Track.GENERAL, major=None, name="普高1班"
    )
    fruit = SchoolClassFactory(
        school=school,
        grade_team=grade,
        major=MajorFactory(school=school, name="果树栽培"),
        name="果树栽培1班",
    )
    student_user = create_user(username="student", password=PASSWORD)
    grant_membership(user=student_user, role=Role.STUDENT, school=school)
    student = StudentFactory(
        school=school,
        school_class=general,
        enrolled_on=term.start_date,
        name="向小梅",
        user=student_user,
    )
    open_missing_paths(school=school, on=term.start_date)
    head_user = create_user(username="head", password=PASSWORD)
    grant_membership(user=head_user, role=Role.DEPARTMENT_HEAD, school=school)
    StaffFactory(school=school, user=head_user, name="段主任")
    opened = choices.create_window(
        school=school,
        values={
            "title": "秋季普职互选",
            "opens_on": today - dt.timedelta(days=1),
            "closes_on": today + dt.timedelta(days=7),
            "effective_on": term.start_date + dt.timedelta(days=5),
        },
    )
    choices.create_offer(
        school=school, values={"window": opened, "school_class": fruit, "places": 10}
    )
    return {"school": school, "student": student, "fruit": fruit, "window": opened}


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_a_student_chooses_the_vocational_track_on_a_phone_and_the_roll_follows(
    browser: Browser, live_server: Any, window: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    context = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    student = context.new_page()
    errors: list[str] = []
    student.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(student, base, "student")
    student.goto(f"{base}/students/choices/")
    expect(student.locator("main")).to_contain_text("秋季普职互选")
    student.get_by_label("果树栽培1班", exact=False).check()
    student.fill("textarea[name$=reason]", "我想学果树技术，回家乡发展")
    student.screenshot(path=str(artifacts / "students-choice-phone.png"), full_page=True)
    student.click(f"#choice-form-{window['window'].pk} button[type=submit]")
    expect(student.locator("#my-choices")).to_contain_text("已申请")

    head = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai").new_page()
    head.on("dialog", lambda dialog: dialog.accept())
    sign_in(head, base, "head")
    head.goto(f"{base}/students/windows/{window['window'].pk}/demand/")
    expect(head.locator("#window-requests")).to_contain_text("向小梅")
    head.click("#window-requests form[action$='/assign/'] button")
    expect(head.locator("#window-requests")).to_contain_text("已录取")
    head.click("#window-requests a[href*='/changes/']")
    expect(head.locator("#change-status")).to_contain_text("待教育局批复")
    head.fill("#form-change-bureau input[name=reference]", "通教学〔2026〕15号")
    head.fill("#form-change-bureau input[name=approved_on]", timezone.localdate().isoformat())
    head.click("#form-change-bureau button[type=submit]")
    expect(head.locator("#change-status")).to_contain_text("已批准并办理")

    moved = Student.objects.get(pk=window["student"].pk)
    assert moved.school_class == window["fruit"]
    student.goto(f"{base}/students/me/")
    expect(student.locator("#enrolments")).to_contain_text("果树栽培1班")
    expect(student.locator("#enrolments")).to_contain_text("普高1班")
    student.screenshot(path=str(artifacts / "students-path-phone.png"), full_page=True)
    head.goto(f"{base}/org/schoolclass/{window['fruit'].pk}/")
    expect(head.locator("main")).to_contain_text("向小梅")
    effective = window["window"].effective_on
    figure = to_vocational(Scope.of_school(window["school"]), Period.year(effective.year))
    assert figure.value == 1
    assert errors == []
    # closed before the live server stops, so that no request of theirs is still being served
    student.context.close()
    head.context.close()
