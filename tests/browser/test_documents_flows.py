"""The branch secretary finds a regulation by a Chinese phrase, opens it and issues a revision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.documents import services
from qingshan.documents.enums import DocumentStatus
from qingshan.documents.models import Document
from tests.browser.conftest import PHONE
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"


@pytest.fixture
def archive(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    user = create_user(username="secretary", password=PASSWORD)
    grant_membership(user=user, role=Role.SECRETARY, school=school)

    def issue(title: str, body: str, issued_on: dt.date) -> Document:
        return services.issue_document(
            school=school,
            values={
                "issuer": "branch",
                "prefix": "通职中支发",
                "title": title,
                "kind": "opinion",
                "issued_on": issued_on,
                "for_party_members": True,
                "body": body,
            },
        )

    issue("党小组工作细则", "党小组每月召开一次小组会。", dt.date(2013, 3, 25))
    opinion = issue(
        "关于充分发挥共产党员先锋模范作用的意见",
        "党员教师在实训室设立党员示范岗，公开承诺事项。\n党员每学期至少上一节示范课。",
        dt.date(2013, 3, 5),
    )
    return {"school": school, "opinion": opinion}


def sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", "secretary")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def test_search_in_chinese_open_the_document_and_issue_a_revision(
    page: Page, live_server: Any, archive: dict[str, Any], artifacts: Path
) -> None:
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/documents/")
    page.fill("main input[name=q]", "示范岗")
    page.press("main input[name=q]", "End")  # a key released in the box: htmx searches

    # htmx replaces the results as the person types; the match is marked in the passage.
    expect(page.locator("#search-summary")).to_contain_text("示范岗")
    expect(page.locator(".document-results > li")).to_have_count(1)
    expect(page.locator(".document-results mark").first).to_have_text("示范岗")
    page.locator(".document-results h2 a").click()

    expect(page.locator("h1")).to_have_text("关于充分发挥共产党员先锋模范作用的意见")
    expect(page.locator("#document-text mark").first).to_have_text("示范岗")
    page.click("#issue-revision")

    expect(page.locator("input[name=title]")).to_have_value(
        "关于充分发挥共产党员先锋模范作用的意见"
    )
    page.fill("input[name=title]", "关于充分发挥共产党员先锋模范作用的意见（修订）")
    page.fill("input[name=issued_on]", "2013-11-20")
    page.fill("textarea[name=body]", "党员教师设立党员示范岗，每学期至少上两节示范课。")
    page.click("#revision-form button[type=submit]")

    expect(page.locator("h1")).to_have_text("关于充分发挥共产党员先锋模范作用的意见（修订）")
    expect(page.locator("#versions li")).to_have_count(2)
    expect(page.locator("#document-status")).to_contain_text("现行有效")
    opinion = archive["opinion"]
    opinion.refresh_from_db()
    assert opinion.status == DocumentStatus.REVISED
    revision = Document.objects.get(revises=opinion)
    assert revision.number == "通职中支发〔2013〕3号"

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/documents/?q=示范课")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(artifacts / "documents-search-phone.png"), full_page=True)
    assert width <= PHONE["width"]
