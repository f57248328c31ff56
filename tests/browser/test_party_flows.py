"""A recruit taken from application to full member through the pages, as a branch secretary would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.party.enums import MemberStatus, RecruitStatus, Stage
from qingshan.party.models import Recruit
from tests.factories import SchoolFactory
from tests.party_factories import BranchFactory, MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def branch_with_members(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    BranchFactory(
        school=school, require_thought_reports=False, require_half_yearly_assessment=False
    )
    members = [
        MemberFactory(school=school, name=name, joined_on=dt.date(2000, 7, 1))
        for name in ("老党员甲", "老党员乙", "老党员丙")
    ]
    user = create_user(username="secretary", password=PASSWORD)
    grant_membership(user=user, role=Role.SECRETARY, school=school)
    return {"school": school, "members": members}


def record(page: Page, step: int, date: str, actors: tuple[str, ...] = (), **fields: str) -> None:
    form = page.locator("#record-step form")
    form.locator("select[name=step]").select_option(str(step))
    form.locator("input[name=date]").fill(date)
    if actors:
        form.locator("select[name=actors]").select_option(label=list(actors))
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#step-errors")).to_have_count(0)


def test_a_recruit_goes_from_application_to_full_member(
    page: Page, live_server: Any, branch_with_members: dict[str, Any]
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "secretary")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/party/recruitment/new/")
    page.fill("input[name=name]", "周新青")
    page.select_option("select[name=gender]", "female")
    page.fill("input[name=birth_date]", "1992-04-01")
    page.fill("input[name=applied_on]", "2015-03-02")
    page.click("form[novalidate] button[type=submit]")
    expect(page.locator("h1")).to_contain_text("周新青")

    vote = {"entitled_to_vote": "3", "attended": "3", "yes_votes": "3"}
    record(page, 2, "2015-03-16", actors=("老党员甲",))
    record(page, 3, "2015-06-01")
    record(page, 4, "2015-06-10")
    record(page, 5, "2015-06-12", actors=("老党员甲",))
    record(page, 6, "2015-06-15")
    record(page, 7, "2016-06-02")
    record(page, 8, "2016-06-10")
    record(page, 9, "2016-06-12", actors=("老党员乙", "老党员丙"))
    record(page, 10, "2016-06-20")
    record(page, 11, "2016-07-01", training_days="3", training_hours="24")
    for step, date in ((12, "2016-07-10"), (13, "2016-07-20"), (14, "2016-07-25")):
        record(page, step, date)
    record(page, 15, "2016-08-01", **vote)
    for step, date in (
        (16, "2016-08-15"),
        (17, "2016-09-01"),
        (18, "2016-09-10"),
        (19, "2016-09-12"),
        (20, "2016-09-15"),
        (21, "2016-09-20"),
        (22, "2017-07-15"),
    ):
        record(page, step, date)
    record(page, 23, "2017-08-02", **vote)
    record(page, 24, "2017-09-01")
    record(page, 25, "2017-09-10")

    recruit = Recruit.objects.get(name="周新青")
    assert (recruit.stage, recruit.status) == (Stage.FULL, RecruitStatus.COMPLETED)
    assert (recruit.member.status, recruit.member.full_on) == (
        MemberStatus.FULL,
        dt.date(2017, 8, 1),
    )
    expect(page.locator("#steps tbody tr")).to_have_count(25)
