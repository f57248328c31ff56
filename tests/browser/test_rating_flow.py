"""A student scans a one-time link on a phone, rates a teacher, and cannot rate again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qingshan.evaluations.enums import InstrumentKind
from qingshan.evaluations.models import RatingDue, ScaleCount
from qingshan.evaluations.services import campaigns
from qingshan.evaluations.services.keys import issue_keys
from qingshan.evaluations.services.library import install_instrument
from tests import factories
from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_campaign(transactional_db: None) -> Any:
    school = factories.SchoolFactory(name="青山职业中学", slug="qingshan")
    term = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    school_class = factories.SchoolClassFactory(school=school)
    factories.TeachingAssignmentFactory(
        school=school, term=term, school_class=school_class, teacher__name="王老师"
    )
    factories.StudentFactory(
        school=school, school_class=school_class, enrolled_on=dt.date(2012, 9, 1)
    )
    now = timezone.now()
    campaign = campaigns.create_campaign(
        school=school,
        instrument=install_instrument(school=school, kind=InstrumentKind.STUDENTS_RATE_TEACHERS),
        term=term,
        name="评教",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
    )
    campaigns.prepare_campaign(campaign=campaign)
    campaigns.open_campaign(campaign=campaign)
    return campaign


def test_a_student_rates_on_a_phone_and_cannot_rate_again(
    page: Page, live_server: Any, open_campaign: Any, artifacts: Path
) -> None:
    token = open_campaign.tokens.get()
    key = issue_keys(tokens=[token])[0].key
    page.set_viewport_size(PHONE)

    page.goto(f"{live_server.url}/r/#k={key}")  # as the slip's QR code opens it
    expect(page).to_have_url(f"{live_server.url}/r/")
    page.click("text=王老师")
    for fieldset in page.locator("fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        if radios.count() and fieldset.locator("input[type=radio][value='4']").count():
            fieldset.locator("input[type=radio][value='4']").check()
    page.screenshot(path=str(artifacts / "rating-form-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.locator("form.rate-form button[type=submit]").dblclick()
    expect(page.locator("#thanks")).to_be_visible()

    page.goto(f"{live_server.url}/r/")
    expect(page.locator("#dues .badge")).to_have_text("已完成")  # no button to rate it again
    expect(page.locator("#dues button")).to_have_count(0)
    assert width <= PHONE["width"]
    assert RatingDue.objects.get(token=token).done is True
    campaigns.close_campaign(campaign=open_campaign)
    assert (
        sum(
            ScaleCount.objects.filter(target__campaign=open_campaign).values_list(
                "count", flat=True
            )
        )
        == 10
    )
