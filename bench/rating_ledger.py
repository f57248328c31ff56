"""What each benchmark rater answers, and the check that every accepted rating was counted once.

Each rater answers with a pattern of its own, so that one rating lost and another counted twice
cannot cancel out in the counters: the scores spell the rater's number in base 5 (one digit per
scale question, unique for up to 5**10 raters of the ten-question form), a single choice follows
another function of the number (left out for one rater in six), each multiple choice ticks the
options whose bit is set, and the free text carries the rater's number.

After the campaign closes, the counters must equal the sum of the patterns of the raters whose
submission was accepted (302), cell by cell, and each of those raters' texts must be stored once,
under the right person rated and question. Differences are reported per kind as answers lost
(counted fewer times than given) and answers doubled (counted more times).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Cell = tuple[int, int, int]  # (target, question, score or option)


@dataclass(frozen=True)
class QuestionShape:
    pk: int
    kind: str
    values: tuple[int, ...]

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"


def text_of(rater: int) -> str:
    """The rater's own free text: its number first, then a length that varies with it."""
    return f"评价{rater:05d}：" + "讲得清楚" * (rater % 23)


@dataclass(frozen=True)
class Pattern:
    """One rater's answers: form fields to post, and the cells they should add to the counters."""

    fields: dict[str, list[str]]
    scores: dict[int, int]
    choices: dict[int, tuple[int, ...]]
    texts: dict[int, str]


def pattern_for(rater: int, questions: Sequence[QuestionShape]) -> Pattern:
    fields: dict[str, list[str]] = {}
    scores: dict[int, int] = {}
    choices: dict[int, tuple[int, ...]] = {}
    texts: dict[int, str] = {}
    digit = 0
    for question in questions:
        width = len(question.values)
        if question.kind == "scale":
            scores[question.pk] = question.values[(rater // width**digit) % width]
            digit += 1
            fields[question.field_name] = [str(scores[question.pk])]
        elif question.kind == "single":
            position = (rater * 7 + 3) % (width + 1)
            if position < width:  # one rater in width + 1 leaves the choice out
                choices[question.pk] = (question.values[position],)
                fields[question.field_name] = [str(question.values[position])]
        elif question.kind == "multiple":
            ticked = tuple(v for n, v in enumerate(question.values) if (rater >> n) & 1)
            if ticked:
                choices[question.pk] = ticked
                fields[question.field_name] = [str(value) for value in ticked]
        else:
            texts[question.pk] = text_of(rater)
            fields[question.field_name] = [texts[question.pk]]
    return Pattern(fields=fields, scores=scores, choices=choices, texts=texts)


@dataclass
class KindCheck:
    """Answers of one kind: how many were expected, lost and doubled."""

    expected: int = 0
    lost: int = 0
    doubled: int = 0

    def compare(self, expected: Counter[Any], found: Counter[Any]) -> None:
        self.expected += sum(expected.values())
        for key in expected.keys() | found.keys():
            difference = found[key] - expected[key]
            if difference < 0:
                self.lost -= difference
            else:
                self.doubled += difference

    @property
    def exact(self) -> bool:
        return self.lost == self.doubled == 0


@dataclass
class LedgerCheck:
    scores: KindCheck = field(default_factory=KindCheck)
    choices: KindCheck = field(default_factory=KindCheck)
    texts: KindCheck = field(default_factory=KindCheck)
    raters_exact: int = 0
    raters_accepted: int = 0

    @property
    def exact(self) -> bool:
        return self.scores.exact and self.choices.exact and self.texts.exact

    def as_dict(self) -> dict[str, Any]:
        return {kind: vars(getattr(self, kind)) for kind in ("scores", "choices", "texts")} | {
            "raters_exact": self.raters_exact,
            "raters_accepted": self.raters_accepted,
        }

    def lines(self) -> list[str]:
        found = [
            f"  {kind}: {check.expected} expected, lost {check.lost}, doubled {check.doubled}"
            for kind, check in (
                ("scores", self.scores),
                ("choices", self.choices),
                ("texts", self.texts),
            )
        ]
        found.append(
            f"  raters counted exactly once: {self.raters_exact} of {self.raters_accepted} accepted"
        )
        return found


@dataclass(frozen=True)
class Rating:
    """A rater's accepted rating: its number, the person it rated, its pattern."""

    rater: int
    target: int
    pattern: Pattern


def check_counts(
    ratings: Iterable[Rating],
    scale_counts: Iterable[tuple[int, int, int, int]],
    choice_counts: Iterable[tuple[int, int, int, int]],
    text_answers: Iterable[tuple[int, int, str]],
) -> LedgerCheck:
    """Compare the counters (``(target, question, value, count)``) and the text answers
    (``(target, question, text)``) of a closed campaign with the accepted ``ratings``."""
    accepted = list(ratings)
    expected_scores: Counter[Cell] = Counter()
    expected_choices: Counter[Cell] = Counter()
    expected_texts: Counter[tuple[int, int, str]] = Counter()
    for rating in accepted:
        for question, score in rating.pattern.scores.items():
            expected_scores[(rating.target, question, score)] += 1
        for question, options in rating.pattern.choices.items():
            for option in options:
                expected_choices[(rating.target, question, option)] += 1
        for question, text in rating.pattern.texts.items():
            expected_texts[(rating.target, question, text)] += 1
    found_scores = Counter({(t, q, v): n for t, q, v, n in scale_counts if n})
    found_choices = Counter({(t, q, v): n for t, q, v, n in choice_counts if n})
    found_texts = Counter(text_answers)
    check = LedgerCheck(raters_accepted=len(accepted))
    check.scores.compare(expected_scores, found_scores)
    check.choices.compare(expected_choices, found_choices)
    check.texts.compare(expected_texts, found_texts)
    check.raters_exact = _raters_exact(
        accepted,
        _differing_targets(expected_scores, found_scores)
        | _differing_targets(expected_choices, found_choices),
        found_texts,
    )
    return check


def _differing_targets(expected: Counter[Cell], found: Counter[Cell]) -> set[int]:
    return {key[0] for key in expected.keys() | found.keys() if expected[key] != found[key]}


def _raters_exact(
    accepted: list[Rating], wrong_targets: set[int], texts: Counter[tuple[int, int, str]]
) -> int:
    """Raters whose every text is stored once and whose person rated has counters that add up
    exactly (a counter cannot say which rater it came from, so a wrong counter of a person
    rated puts each of its raters in doubt)."""
    return sum(
        1
        for rating in accepted
        if rating.target not in wrong_targets
        and all(
            texts[(rating.target, question, text)] == 1
            for question, text in rating.pattern.texts.items()
        )
    )
