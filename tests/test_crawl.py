"""Every demo role follows every link it is shown, in Chinese: no page answers with an error the
role should not meet, and none shows a raw float, a figure's code or an English word."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from qingshan.accounts.models import User
from qingshan.core.models import School
from tests.crawl import crawl

DEMO_ROLES = ("admin", "secretary", "head", "teacher", "counselor", "student", "bureau", "admin2")


@pytest.fixture
def demo(db: None, settings: Any) -> None:
    settings.LANGUAGE_CODE = "zh-hans"
    call_command("demo", stdout=io.StringIO())


def signed_in(username: str, language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(User.objects.get(username=username))
    return client


def test_every_page_each_demo_role_is_shown_reads_cleanly(demo: None) -> None:
    """In Chinese for every role; in English for the administrator (no English-word check)."""
    problems, pages = [], {}
    # The schools' web names (slugs) are data written in Latin letters.
    slugs = frozenset(School.objects.values_list("slug", flat=True))
    for username in DEMO_ROLES:
        result = crawl(signed_in(username, "zh-hans"), allowed=slugs)
        pages[username] = len(result.visited)
        problems += [f"{username}: {problem}" for problem in result.problems]
    in_english = crawl(signed_in("admin", "en"), chinese=False)
    problems += [f"admin (en): {problem}" for problem in in_english.problems]

    assert problems == [], "\n".join(problems)
    # The crawl reached the work of each role, not just its dashboard.
    assert min(pages[name] for name in ("admin", "secretary", "head", "teacher")) > 100
    assert pages["student"] >= 3
