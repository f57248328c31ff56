"""Scoring an answer sheet: validity items, reversed items, thresholds at their edges."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from qingshan.counseling.enums import Grade
from qingshan.counseling.scoring import TOTAL, ItemKey, Key, score

KEY = Key(
    option_min=1,
    option_max=4,
    scoring="mean",
    items=(
        ItemKey(1, "mood", False, frozenset()),
        ItemKey(2, "mood", True, frozenset()),
        ItemKey(3, "", False, frozenset({1})),
        ItemKey(4, "stress", False, frozenset()),
    ),
    thresholds=(
        ("mood", Grade.YELLOW, Decimal("2.50")),
        ("mood", Grade.RED, Decimal("3.50")),
        (TOTAL, Grade.ORANGE, Decimal(10)),
    ),
)


def test_a_reversed_item_counts_from_the_other_end():
    scored = score(KEY, {1: 1, 2: 4, 3: 1, 4: 1})
    assert scored.scores == {"mood": "1.00", "stress": "1.00", "total": "3"}


def test_a_failed_validity_item_makes_the_sheet_invalid_and_unscored():
    scored = score(KEY, {1: 4, 2: 1, 3: 2, 4: 4})
    assert scored.valid is False
    assert scored.scores == {}
    assert scored.grade is None


@pytest.mark.parametrize(
    ("answers", "grade"),
    [
        ({1: 2, 2: 2, 3: 1, 4: 1}, Grade.YELLOW),  # mood (2 + 3) / 2 = 2.50: on the edge
        ({1: 2, 2: 3, 3: 1, 4: 1}, None),  # mood 2.00, total 5: below every threshold
        ({1: 4, 2: 2, 3: 1, 4: 1}, Grade.RED),  # mood (4 + 3) / 2 = 3.50: red on the edge
        ({1: 4, 2: 3, 3: 1, 4: 1}, Grade.YELLOW),  # mood 3.00, total 7
    ],
)
def test_thresholds_are_reached_at_their_edge(answers, grade):
    assert score(KEY, answers).grade == grade


def test_the_total_threshold_counts_every_scored_item():
    scored = score(KEY, {1: 3, 2: 2, 3: 1, 4: 4})  # mood 3.00, total 3 + 3 + 4 = 10
    assert scored.scores[TOTAL] == "10"
    assert scored.grade == Grade.ORANGE


def test_the_highest_grade_reached_wins():
    scored = score(KEY, {1: 4, 2: 1, 3: 1, 4: 4})  # mood 4.00 red, total 12 orange
    assert scored.grade == Grade.RED


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({1: 1, 2: 1, 3: 1}, "unanswered"),
        ({1: 1, 2: 1, 3: 1, 4: 5}, "out_of_range"),
        ({1: 1, 2: 1, 3: 1, 4: 1, 9: 1}, "no_item"),
    ],
)
def test_a_sheet_with_bad_answers_is_refused(answers, code):
    with pytest.raises(ValidationError) as raised:
        score(KEY, answers)
    assert raised.value.code == code
