"""Printing results and attendance sheets, the roll call of a meeting, and a teacher's chart
over terms, in a real browser."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.evaluations.enums import InstrumentKind
from qingshan.evaluations.models import RatingDue, Target
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services.library import install_instrument
from qingshan.evaluations.tests.factories import give_rating
from qingshan.party.models import Attendance
from tests import factories
from tests.party_factories import BranchFactory, MeetingFactory, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"
PRINTS = "window.__printed = 0; window.print = function () { window.__printed += 1; };"


@pytest.fixture
def school(transactional_db: None) -> Any:
    school = factories.SchoolFactory(name="青山职业中学", slug="qingshan")
    user = create_user(username="secretary", password=PASSWORD)
    grant_membership(user=user, role=Role.SECRETARY, school=school)
    return school


def _sign_in(page: Page, live_server: Any) -> None:
    page.add_init_script(PRINTS)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "secretary")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_a_roll_call_marks_all_present_then_an_absentee_and_prints_the_sheet(
    page: Page, live_server: Any, school: Any
) -> None:
    branch = BranchFactory(school=school)
    here = MemberFactory(school=school, name="到会党员")
    MemberFactory(school=school, name="生病党员")
    meeting = MeetingFactory(branch=branch, school=school, moderator=here, content="学习党章")
    _sign_in(page, live_server)

    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.locator("#roll-call button[name=all_present]").click()
    expect(page.locator("#attendance-sheet")).to_contain_text("到会党员")
    page.locator("#roll-call-table select[aria-label=生病党员]").select_option("sick")
    page.locator("#roll-call form").nth(1).locator("button[type=submit]").click()
    expect(page.locator("#attendance-sheet")).to_contain_text("病假")
    page.locator("button[data-print]").click()

    assert page.evaluate("window.__printed") == 1
    assert set(Attendance.objects.values_list("member__name", "status", "absence_reason")) == {
        ("到会党员", "present", ""),
        ("生病党员", "excused", "sick"),
    }


def _rated_teacher(school: Any) -> Target:
    """A teacher rated by five students in the autumns of 2012 and 2013 (both closed)."""
    teacher = factories.StaffFactory(school=school, name="周老师")
    instrument = install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS)
    target = None
    for year, score in ((2012, "3"), (2013, "4")):
        term = factories.TermFactory(
            school=school,
            school_year=year,
            start_date=dt.date(year, 9, 1),
            end_date=dt.date(year + 1, 1, 20),
        )
        school_class = factories.SchoolClassFactory(school=school)
        factories.TeachingAssignmentFactory(
            school=school, term=term, school_class=school_class, teacher=teacher
        )
        for _n in range(5):
            factories.StudentFactory(
                school=school, school_class=school_class, enrolled_on=dt.date(year - 1, 9, 1)
            )
        now = timezone.now()
        campaign = campaigns.create_campaign(
            school=school,
            instrument=instrument,
            term=term,
            name=f"{year}秋评教",
            opens_at=now - dt.timedelta(hours=1),
            closes_at=now + dt.timedelta(days=7),
        )
        campaigns.prepare_campaign(campaign=campaign)
        campaigns.open_campaign(campaign=campaign)
        scales = [q for q in instrument.questions.all() if q.kind == "scale"]
        for due in RatingDue.objects.select_related("target__campaign__instrument").filter(
            token__campaign=campaign
        ):
            give_rating(due, {question.field_name: score for question in scales})
        campaigns.close_campaign(campaign=campaign)
        target = Target.objects.get(campaign=campaign, staff=teacher)
    assert target is not None
    return target


def test_a_teachers_results_chart_the_terms_and_print(
    page: Page, live_server: Any, school: Any
) -> None:
    target = _rated_teacher(school)
    _sign_in(page, live_server)

    page.goto(f"{live_server.url}/evaluations/results/{target.pk}/")
    chart = page.locator("#history .chart")
    expect(chart.locator("canvas, svg").first).to_be_attached()
    expect(page.locator("#history-table")).to_contain_text("4.00")
    page.locator("button[data-print]").click()

    assert page.evaluate("window.__printed") == 1
