"""Every form a page offers, filled with generated input (Hypothesis), as a browser would send it.

Each page of the URL × role matrix that the school's keepers may open is read; every ``<form>``
on it is submitted to its action with values drawn for each of its fields (the offered choices,
empty, huge and negative numbers, odd dates, long or strange text, several values for one
field). No answer may be a server error, and an answer that refuses (4xx) writes nothing: every
write leaves an audit entry, so their count must not move.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from auditlog.models import LogEntry
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ_EXAMPLES, World, count
from tests.test_url_access_matrix import EXPECTED, QUERY, _url_for

KEEPER = "school_admin"
# Actions that end the session or the keeper's roles: they answer, but the rest of the run would
# then be signed out.
LEAVE_ALONE = {
    "accounts:logout",
    "accounts:switch_school",
    "accounts:membership_revoke",
    "set_language",
}
PAGES = sorted(
    name
    for name, expected in EXPECTED.items()
    if not name.startswith("api-v1:") and expected.get(KEEPER) == 200
)
NAMESPACES = sorted({name.split(":")[0] if ":" in name else "" for name in PAGES})


@dataclass
class Field:
    name: str
    kind: str  # the input's type, "select", "textarea"
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, Field] = field(default_factory=dict)


class FormReader(HTMLParser):
    """The forms of a page, with each named field's kind and offered values."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.forms: list[Form] = []
        self.select: Field | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attributes}
        if tag == "form":
            action = attrs.get("action") or self.page_url
            self.forms.append(Form(action=action, method=attrs.get("method", "get").lower()))
            return
        if not self.forms or not attrs.get("name"):
            if tag == "option" and self.select is not None:
                self.select.options.append(attrs.get("value", ""))
            return
        fields = self.forms[-1].fields
        name = attrs["name"]
        if tag == "input" and attrs.get("type", "text") not in ("submit", "button", "reset"):
            kind = attrs.get("type", "text")
            found = fields.setdefault(name, Field(name, kind))
            if kind in ("radio", "checkbox", "hidden") and "value" in attrs:
                found.options.append(attrs["value"])
                found.multiple = found.multiple or kind == "checkbox"
        elif tag == "textarea":
            fields.setdefault(name, Field(name, "textarea"))
        elif tag == "select":
            self.select = fields.setdefault(
                name, Field(name, "select", multiple="multiple" in attrs)
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None


ODD_TEXT = (
    "",
    " ",
    "0",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2013-02-30",
    "9999-12-31",
    "0000-00-00",
    "25:61",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "通江县职业高级中学" * 40,
    "\u202e\u200b",
    "x\x00y",
)
ALPHABET = "abcXYZ019 -_.,;:/'<>&%#@!?()[]{}=+*通江职高党支部评教听课二〇一三年😀\t\n"
NUMBERS = (-1, 0, 1, 2**31, 2**63, -(2**63) - 1, 10**30)


def one_value(rng: random.Random, field: Field) -> str:
    offered = [option for option in field.options if option]
    pick = rng.random()
    if offered and pick < 0.4:
        return rng.choice(offered)
    if pick < 0.7:
        return rng.choice(ODD_TEXT)
    if pick < 0.85:
        return str(rng.choice(NUMBERS) + rng.randint(-2, 2))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300)))


def value_for(rng: random.Random, field: Field) -> Any:
    """A value for the field; several for a field that takes several."""
    if field.multiple:
        return [one_value(rng, field) for _ in range(rng.randint(0, 4))]
    return one_value(rng, field)


def _is_left_alone(action: str) -> bool:
    try:
        match = resolve(urlsplit(action).path)
    except Resolver404:
        return False
    return match.view_name in LEAVE_ALONE


@pytest.mark.parametrize("namespace", NAMESPACES)
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_every_form_takes_any_input_without_a_server_error(
    namespace: str, seed: int, world: World
) -> None:
    # One drawn seed makes the values: what a page offers changes as the run writes.
    rng = random.Random(seed)
    world.client.raise_request_exception = False  # a server error is a status to report
    for name in PAGES:
        if (name.split(":")[0] if ":" in name else "") != namespace:
            continue
        url = _url_for(name, world.records)
        page = world.client.get(url, QUERY.get(name, {}))
        assert page.status_code < 500, (name, page.status_code)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        reader = FormReader(url)
        reader.feed(page.content.decode())
        for form in reader.forms:
            if _is_left_alone(form.action) or not form.fields:
                continue
            values = {
                field.name: value_for(rng, field)
                for field in form.fields.values()
                if field.kind != "file"
            }
            before = LogEntry.objects.count()
            send = world.client.post if form.method == "post" else world.client.get
            response = send(form.action, values)
            count(response.status_code)
            error = getattr(response, "exc_info", None)
            assert response.status_code < 500, (name, form.action, values, error and error[1])
            if 400 <= response.status_code < 500:
                assert LogEntry.objects.count() == before, (name, form.action, values)
