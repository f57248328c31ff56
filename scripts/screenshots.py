"""Take the README's screenshots from a running demo (``make run``), with Debian's Chromium.

    uv run python scripts/screenshots.py [http://127.0.0.1:8000] [docs/images]

Each shot signs in as a demo login, in Chinese, at 1366 px (desktop) or 390 px (phone).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, ViewportSize, sync_playwright

PASSWORD = "qingshan-demo"
DESKTOP: ViewportSize = {"width": 1366, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def results_url(page: Page, base: str) -> str:
    """A teacher's results page: the first teacher listed on the first campaign's results."""
    page.goto(f"{base}/evaluations/campaigns/")
    campaign = page.locator("main table a:has-text('学生评教')").first
    page.goto(base + str(campaign.get_attribute("href")).rstrip("/") + "/results/")
    teacher = page.locator("main a[href*='/evaluations/results/']").first
    return base + str(teacher.get_attribute("href"))


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    folder = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/images")
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )

        def shot(username: str, viewport: ViewportSize, name: str, path: str = "") -> Page:
            context = browser.new_context(
                viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai"
            )
            page = context.new_page()
            sign_in(page, base, username)
            if path:
                page.goto(f"{base}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(folder / name))
            return page

        shot("admin", DESKTOP, "dashboard.png")
        shot("admin", DESKTOP, "figures.png", "/figures/")
        page = shot("secretary", DESKTOP, "results-tmp.png")
        page.goto(results_url(page, base))
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(folder / "results.png"), full_page=False)
        (folder / "results-tmp.png").unlink()
        page = shot("teacher", PHONE, "phone-menu-tmp.png")
        page.get_by_role("button", name="菜单").click()
        page.screenshot(path=str(folder / "phone-menu.png"))
        (folder / "phone-menu-tmp.png").unlink()
        shot("teacher", PHONE, "phone-dashboard.png")
        browser.close()


if __name__ == "__main__":
    main()
