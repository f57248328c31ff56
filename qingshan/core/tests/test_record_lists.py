"""The record-list registry: keys, styles, and every declared list evaluating to named records."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qingshan.core import record_lists
from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListRegistry, ListResult, RecordList
from qingshan.honours.tests.factories import honours_records
from tests.factories import one_of_each


def declared(key: str, style: str = record_lists.Style.PHRASE) -> RecordList:
    return RecordList(key, "label", "definition", style, lambda scope, period: ListResult())


def test_a_list_cannot_take_a_figures_key_or_an_unknown_style() -> None:
    registry = ListRegistry()

    with pytest.raises(ValueError, match="key of a figure"):
        registry.register(declared("organization.students"))
    with pytest.raises(ValueError, match="unknown style"):
        registry.register(declared("honours.anything", style="table"))
    with pytest.raises(ValueError, match="must look like"):
        registry.register(declared("nodot"))


def test_the_apps_declare_their_lists() -> None:
    assert {
        "honours.titles",
        "honours.levels",
        "honours.commended",
        "honours.deeds",
        "careers.top_partners",
        "workplans.next_year",
    } <= set(record_lists.registry.keys())


def test_every_list_names_records_with_text_for_a_school_with_one_of_each(school: Any) -> None:
    one_of_each(school)

    for item in record_lists.registry:
        result = item.evaluate(Scope.of_school(school), Period.year(2013))
        assert all(entry.text.strip() for entry in result.items), item.key
        assert result.records is not None, item.key


def test_query_count_of_each_list_and_its_links_does_not_grow_with_the_records(
    school: Any,
) -> None:
    def counts() -> dict[str, int]:
        found = {}
        for item in record_lists.registry:
            with CaptureQueriesContext(connection) as queries:
                result = item.evaluate(Scope.of_school(school), Period.year(2013))
                [(entry.text, entry.detail, entry.url) for entry in result.items]
            found[item.key] = len(queries)
        return found

    one_of_each(school, mark="a")
    honours_records(school, mark="a")
    small = counts()
    for mark in "bc":
        one_of_each(school, mark=mark)
        honours_records(school, mark=mark)
    assert counts() == small
