"""Staff edit a narrative block of the annual summary, preview it, issue the summary and open a
figure's evidence."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_user, grant_membership
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport
from qingshan.reports.services import ensure_default_template
from tests.factories import SchoolFactory, one_of_each

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "green mountain river"
YEAR = timezone.localdate().year


@pytest.fixture
def school_with_records(transactional_db: None) -> dict[str, Any]:
    school = SchoolFactory(name="青山职业中学", slug="qingshan")
    records = one_of_each(school, mark="甲")
    user = create_user(username="office", password=PASSWORD)
    grant_membership(user=user, role=Role.SCHOOL_ADMIN, school=school)
    template = ensure_default_template(school=school)
    block = template.blocks.filter(kind=BlockKind.NARRATIVE).order_by("position")[2]
    return {"school": school, "student": records["student"], "block": block}


def test_edit_preview_issue_and_open_the_evidence(
    page: Page, live_server: Any, school_with_records: dict[str, Any], artifacts: Any
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    block = school_with_records["block"]
    page.goto(f"{live_server.url}/summary/blocks/{block.pk}/?year={YEAR}")
    page.fill("textarea[name=text_zh]", "学校现有在校学生{{ organization.students }}名。")
    page.click("#preview-button")
    expect(page.locator("#preview")).to_contain_text("学校现有在校学生1名。")
    page.click("#save-button")
    expect(page.locator(".messages")).to_contain_text("已保存")

    page.goto(f"{live_server.url}/summary/?year={YEAR}&lang=zh-hans")
    expect(page.locator("article.summary")).to_contain_text("学校现有在校学生1名。")
    page.locator("#issue-form button[type=submit]").click()
    expect(page.locator(".page-head h1")).to_contain_text("v1")
    expect(page.locator(".issued-body")).to_contain_text("学校现有在校学生1名。")
    assert IssuedReport.objects.get().figures["organization.students"]["value"] == 1

    page.goto(f"{live_server.url}/summary/?year={YEAR}&lang=zh-hans")
    page.locator("a.figure[href*='/figures/organization.students/']").first.click()
    expect(page.locator("#evidence-records")).to_contain_text(str(school_with_records["student"]))
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(artifacts / "summary-evidence-phone.png"), full_page=True)
