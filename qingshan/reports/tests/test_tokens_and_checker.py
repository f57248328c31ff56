"""Figure tokens and their formats; the checker's errors and warnings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingshan.core.figures import Unit
from qingshan.reports.checker import CheckResult, check_text
from qingshan.reports.tokens import Token, format_value, parse

KEYS = ["trainings.trainees", "trainings.employed_share", "trainings.mean_income"]


def one(text: str) -> Token:
    tokens, errors = parse(text)
    assert errors == []
    return tokens[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "language", "expected"),
    [
        ("{{ trainings.trainees }}", 3704, Unit.COUNT, "zh-hans", "3704"),
        ("{{ trainings.trainees }}", 3704, Unit.COUNT, "en", "3,704"),
        ("{{ trainings.trainees|thousands }}", 3704, Unit.COUNT, "zh-hans", "3,704"),
        ("{{ trainings.employed_share }}", 0.95, Unit.RATE, "zh-hans", "95%"),
        ("{{ trainings.employed_share|percent:1 }}", 0.9537, Unit.RATE, "en", "95.4%"),
        ("{{ outreach.visits|more_than:10 }}", 42, Unit.COUNT, "zh-hans", "40多"),
        ("{{ outreach.visits|more_than:10 }}", 42, Unit.COUNT, "en", "more than 40"),
        ("{{ outreach.leaflets|more_than:10000 }}", 30660, Unit.COUNT, "en", "more than 30,000"),
        ("{{ trainings.mean_income|about:100 }}", 1494.9, Unit.YUAN, "zh-hans", "约1500"),
        ("{{ trainings.mean_income|about:100 }}", 1494.9, Unit.YUAN, "en", "about 1,500"),
        ("{{ outreach.visits|more_than:10 }}", 7, Unit.COUNT, "zh-hans", "7"),
        ("{{ outreach.visits|more_than:10 }}", 0, Unit.COUNT, "zh-hans", "0"),
        ("{{ outreach.visits|more_than:10 }}", 40, Unit.COUNT, "zh-hans", "40"),
        ("{{ outreach.leaflets|more_than:10000 }}", 9500, Unit.COUNT, "en", "9,500"),
        ("{{ trainings.mean_income|about:100 }}", 30, Unit.YUAN, "zh-hans", "30"),
        ("{{ trainings.trainees }}", None, Unit.COUNT, "en", "—"),
        ("{{trainings.trainees}}", 12, Unit.COUNT, "en", "12"),
    ],
)
def test_each_format(
    text: str, value: float | None, unit: str, language: str, expected: str
) -> None:
    assert format_value(value, unit, one(text), language) == expected


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from([1, 10, 100, 10000]))
def test_more_than_never_writes_zero_more_or_an_untrue_bound(value: int, step: int) -> None:
    text = format_value(
        value, Unit.COUNT, one(f"{{{{ outreach.visits|more_than:{step} }}}}"), "zh-hans"
    )

    assert not text.startswith("0") or text == "0"
    if text.endswith("多"):
        assert int(text[:-1]) < value
    else:
        assert int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "{{ trainings }}",
        "{{ trainings.trainees|bold }}",
        "{{ trainings.trainees|more_than }}",
        "{{ 1 + 1 }}",
    ],
)
def test_malformed_tokens_are_errors(text: str) -> None:
    tokens, errors = parse(text)
    assert (tokens, [error.text for error in errors]) == ([], [text])


def check(text: str) -> CheckResult:
    result = CheckResult()
    check_text("1", text, KEYS, result)
    return result


def test_a_clean_narrative_passes() -> None:
    result = check("共培训学员{{ trainings.trainees }}人次，就业率{{ trainings.employed_share }}。")
    assert (result.errors, result.warnings) == ([], [])


def test_an_unknown_figure_is_refused() -> None:
    assert [finding.text for finding in check("{{ trainings.graduates }}").errors] == [
        "{{ trainings.graduates }}"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("带来经济效益XX万元", "XX"),
        ("建设新**的战略", "**"),
        ("培训学员……名", "……名"),
        ("共有3……", "3……"),
    ],
)
def test_placeholders_left_in_are_refused(text: str, found: str) -> None:
    assert [finding.text for finding in check(text).errors] == [found]


def test_numbers_typed_by_hand_are_warned_about_but_years_and_document_numbers_are_not() -> None:
    result = check("2013年按〔2013〕5号文件，培训3704人，就业率95%，第3期。")
    assert (result.errors, [finding.text for finding in result.warnings]) == ([], ["3704", "95%"])


def test_a_single_digit_is_not_a_hand_typed_figure() -> None:
    assert check("分3步实施").warnings == []
