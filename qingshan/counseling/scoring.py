"""Scoring an answer sheet against its scale. Pure arithmetic: no database writes.

Invariants:
- every item is answered within the scale's range, or the sheet is refused (nothing is scored);
- a validity item answered outside its valid answers makes the sheet invalid: it keeps no scores
  and no grade;
- a reversed item counts ``min + max - answer``; a factor's score is the mean (two decimals) or
  the sum of its items, the total the sum of all scored items;
- the grade is the highest grade whose threshold the factor (or the total) reaches, boundary
  included; no threshold reached, no grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from qingshan.counseling.enums import Scoring

TOTAL = "total"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ItemKey:
    number: int
    factor: str  # "" for a validity item
    reverse: bool
    valid: frozenset[int]


@dataclass(frozen=True)
class Key:
    """What scoring needs of a scale (``selectors.scales.key_of`` reads it)."""

    option_min: int
    option_max: int
    scoring: str
    items: tuple[ItemKey, ...]
    thresholds: tuple[tuple[str, int, Decimal], ...]  # factor code or TOTAL, grade, at least


@dataclass(frozen=True)
class Scored:
    valid: bool
    scores: dict[str, str]
    grade: int | None


def checked_answers(key: Key, answers: Mapping[int, int]) -> dict[int, int]:
    missing = [item.number for item in key.items if item.number not in answers]
    if missing:
        raise ValidationError(
            _("Answer every item (not answered: %(items)s).")
            % {"items": ", ".join(map(str, missing[:10]))},
            code="unanswered",
        )
    numbers = {item.number for item in key.items}
    for number, answer in answers.items():
        if number not in numbers:
            raise ValidationError(
                _("The scale has no item %(number)s.") % {"number": number}, code="no_item"
            )
        if not key.option_min <= answer <= key.option_max:
            raise ValidationError(
                _("Item %(number)s is answered from %(low)s to %(high)s.")
                % {"number": number, "low": key.option_min, "high": key.option_max},
                code="out_of_range",
            )
    return dict(answers)


def _score_of(values: Iterable[int], scoring: str) -> Decimal:
    values = list(values)
    total = Decimal(sum(values))
    if scoring == Scoring.SUM or not values:
        return total
    return (total / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


def score(key: Key, answers: Mapping[int, int]) -> Scored:
    answers = checked_answers(key, answers)
    if any(item.valid and answers[item.number] not in item.valid for item in key.items):
        return Scored(valid=False, scores={}, grade=None)
    by_factor: dict[str, list[int]] = {}
    for item in key.items:
        if item.valid:
            continue
        answer = answers[item.number]
        value = key.option_min + key.option_max - answer if item.reverse else answer
        by_factor.setdefault(item.factor, []).append(value)
    scores = {factor: _score_of(values, key.scoring) for factor, values in by_factor.items()}
    scores[TOTAL] = Decimal(sum(sum(values) for values in by_factor.values()))
    reached = [
        grade
        for factor, grade, at_least in key.thresholds
        if factor in scores and scores[factor] >= at_least
    ]
    return Scored(
        valid=True,
        scores={factor: str(value) for factor, value in scores.items()},
        grade=max(reached) if reached else None,
    )
