"""The menu offers each person the pages they may open, and only those."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.models import User
from qingshan.core.navigation import sections

DEMO_LOGINS = ("admin", "secretary", "head", "teacher", "counselor", "student", "bureau")


def menu_links(client: Client) -> set[str]:
    """The addresses the menu of the home page links to."""
    body = client.get("/").content.decode()
    menu = re.search(r'<aside[^>]*id="site-menu".*?</aside>', body, re.S)
    return set(re.findall(r'href="([^"]+)"', menu.group(0))) if menu else set()


def every_menu_address() -> list[str]:
    return [reverse(item.url_name) for declared in sections() for item in declared.items]


def test_the_phone_menu_button_names_the_menu_it_opens(school: Any, client_for: Any) -> None:
    body = client_for(Role.TEACHER, school).get("/").content.decode()

    assert 'id="menu-toggle"' in body
    assert 'aria-controls="site-menu" aria-expanded="false"' in body
    assert re.search(r'<aside[^>]*id="site-menu"[^>]*aria-label="Menu"', body)
    # The content follows the header and the (closed) menu; nothing of the menu comes after it.
    assert body.index('id="site-menu"') < body.index("<main")


@pytest.mark.django_db
def test_every_demo_role_is_shown_exactly_the_menu_links_it_may_open() -> None:
    call_command("demo", stdout=StringIO())
    addresses = every_menu_address()

    for username in DEMO_LOGINS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        shown = menu_links(client)
        opening = {address for address in addresses if client.get(address).status_code == 200}

        assert shown, username
        assert shown == opening, username


def test_a_student_sees_their_ratings_but_not_the_partys_dues(school: Any, client_for: Any) -> None:
    student = client_for(Role.STUDENT, school)

    shown = menu_links(student)

    assert reverse("evaluations:rate_home") in shown
    assert reverse("party:dues") not in shown
    assert reverse("organization:student_list") not in shown
    assert student.get(reverse("party:dues")).status_code == 403


def test_a_teacher_is_not_offered_the_partys_or_the_administrators_pages(
    school: Any, client_for: Any
) -> None:
    shown = menu_links(client_for(Role.TEACHER, school))

    assert reverse("evaluations:my_results") in shown
    assert (
        not {
            reverse("party:dues"),
            reverse("party:member_list"),
            reverse("accounts:user_list"),
            reverse("accounts:audit_log"),
            reverse("organization:import_start"),
            reverse("reports:figures"),
        }
        & shown
    )
