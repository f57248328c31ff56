"""The demo's logins, printed by ``make run`` once the server answers."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_the_demo_logins_name_the_password_and_the_address() -> None:
    out = io.StringIO()

    call_command("demo_logins", "--url", "http://school.lan:8000/", stdout=out)

    assert "qingshan-demo" in out.getvalue()
    assert "open http://school.lan:8000/" in out.getvalue()
