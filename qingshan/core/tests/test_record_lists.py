"""The record-list registry: keys, styles, and every declared list evaluating to named records."""

from __future__ import annotations

from typing import Any

import pytest

from qingshan.core import record_lists
from qingshan.core.figures import Period, Scope
from qingshan.core.record_lists import ListRegistry, ListResult, RecordList
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
