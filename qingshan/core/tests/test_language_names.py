"""The language switch names each language in its own language, whatever the page's language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role


def switch_options(body: str) -> list[tuple[str, str, str]]:
    form = re.search(r'<form[^>]*id="language-form".*?</form>', body, re.S)
    assert form is not None
    return re.findall(
        r'<option value="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</option>', form.group(0)
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_switch_says_chinese_and_english_each_in_its_own_language(
    language: str, school: Any, client_for: Any
) -> None:
    client = client_for(Role.TEACHER, school)
    client.post(reverse("set_language"), {"language": language, "next": "/"})

    body = client.get("/").content.decode()

    assert switch_options(body) == [("zh-hans", "zh-hans", "中文"), ("en", "en", "English")]
    assert "英语" not in body
    assert "简体中文" not in body


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_sign_in_page_offers_the_same_names(language: str, db: None) -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": language, "next": "/"})

    body = client.get(reverse("accounts:login")).content.decode()

    assert [name for _code, _lang, name in switch_options(body)] == ["中文", "English"]
