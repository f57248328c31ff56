"""The figure registry: every number of the annual summary, declared by the app that owns it.

An app declares its figures in ``<app>/figures.py`` with ``@figure(...)``; they are discovered at
start-up like the admin's ``autodiscover``. A figure's function receives a ``Scope`` (one school,
or every school of an authority) and a ``Period`` and returns a ``FigureResult``: the value and the
queryset of the records behind it.

Invariants: keys are unique and dotted (``app.name``); a rate is computed from the counts of the
whole scope (never an average of per-school rates); the same data gives the same value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qingshan.core.models import Authority, School

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class Unit:
    """Units a figure may have; the value's type follows from it."""

    COUNT = "count"
    RATE = "rate"  # a fraction between 0 and 1
    YUAN = "yuan"
    MU = "mu"
    HOURS = "hours"

    LABELS = {COUNT: _("count"), RATE: _("rate"), YUAN: _("yuan"), MU: _("mu"), HOURS: _("hours")}


class Measure:
    """What a count counts, as a reader names it (Chinese measure words: 人, 次, 份 …)."""

    PEOPLE = pgettext_lazy("measure", "people")
    PERSON_TIMES = pgettext_lazy("measure", "person-times")
    TIMES = pgettext_lazy("measure", "times")
    ITEMS = pgettext_lazy("measure", "items")
    COPIES = pgettext_lazy("measure", "copies")
    SESSIONS = pgettext_lazy("measure", "sessions")
    PAIRS = pgettext_lazy("measure", "pairs")
    HOUSEHOLDS = pgettext_lazy("measure", "households")
    CASES = pgettext_lazy("measure", "cases")
    UNITS = pgettext_lazy("measure", "units")
    COURSES = pgettext_lazy("measure", "courses")
    UNIT_MONTHS = pgettext_lazy("measure", "unit-months")
    PERIODS = pgettext_lazy("measure", "periods")


# Breakdown entries every figure may use; a figure names its own in ``parts``.
COMMON_PARTS = {
    "numerator": _("counted"),
    "denominator": _("out of"),
    "total": _("total"),
}


@dataclass(frozen=True)
class Period:
    """A closed date interval; the annual summary uses a calendar year."""

    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")


@dataclass(frozen=True)
class Scope:
    """The schools a figure counts: one school, or every school of an authority."""

    schools: tuple[School, ...]
    authority: Authority | None = None

    @classmethod
    def of_school(cls, school: School) -> Scope:
        return cls(schools=(school,))

    @classmethod
    def of_authority(cls, authority: Authority) -> Scope:
        return cls(
            schools=tuple(School.objects.filter(authority=authority).order_by("pk")),
            authority=authority,
        )

    @property
    def school_ids(self) -> list[int]:
        return [school.pk for school in self.schools]


@dataclass
class FigureResult:
    value: int | float | Decimal | None
    records: QuerySet[Any] | None = None
    breakdown: Mapping[str, int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise | str
    unit: str
    definition: Promise | str
    compute: Callable[[Scope, Period], FigureResult]
    measure: Promise | str = ""  # what a count counts; empty: the unit says it
    parts: Mapping[str, Promise | str] = field(default_factory=dict)  # breakdown keys' names

    @property
    def unit_label(self) -> Promise | str:
        return self.measure or Unit.LABELS[self.unit]

    def part_label(self, key: str) -> Promise | str:
        """A breakdown entry's name as readers see it (entries keyed by a term or a choice's
        label are shown as they are)."""
        return self.parts.get(key) or COMMON_PARTS.get(key) or key

    def evaluate(self, scope: Scope, period: Period) -> FigureResult:
        result = self.compute(scope, period)
        if not isinstance(result, FigureResult):
            raise TypeError(f"figure {self.key} returned {type(result).__name__}, not FigureResult")
        return result


class FigureRegistry:
    def __init__(self) -> None:
        self._figures: dict[str, Figure] = {}

    def register(self, figure: Figure) -> None:
        if not KEY_PATTERN.match(figure.key):
            raise ValueError(f"figure key {figure.key!r} must look like 'app.name'")
        if figure.unit not in Unit.LABELS:
            raise ValueError(f"figure {figure.key} has unknown unit {figure.unit!r}")
        if figure.key in self._figures and self._figures[figure.key].compute is not figure.compute:
            raise ValueError(f"figure {figure.key} is declared twice")
        self._figures[figure.key] = figure

    def get(self, key: str) -> Figure:
        return self._figures[key]

    def __iter__(self) -> Iterator[Figure]:
        return iter(sorted(self._figures.values(), key=lambda item: item.key))

    def __len__(self) -> int:
        return len(self._figures)

    def __contains__(self, key: object) -> bool:
        return key in self._figures

    def keys(self) -> list[str]:
        return sorted(self._figures)


registry = FigureRegistry()


def figure(
    key: str,
    *,
    label: Promise | str,
    unit: str,
    definition: Promise | str,
    measure: Promise | str = "",
    parts: Mapping[str, Promise | str] | None = None,
) -> Callable[[Callable[[Scope, Period], FigureResult]], Callable[[Scope, Period], FigureResult]]:
    """Declare a figure; use as a decorator on its compute function. ``measure`` names what a
    count counts (people, times …); ``parts`` names the figure's own breakdown entries."""

    def decorate(
        compute: Callable[[Scope, Period], FigureResult],
    ) -> Callable[[Scope, Period], FigureResult]:
        registry.register(
            Figure(
                key=key,
                label=label,
                unit=unit,
                definition=definition,
                compute=compute,
                measure=measure,
                parts=dict(parts or {}),
            )
        )
        return compute

    return decorate


def autodiscover() -> None:
    autodiscover_modules("figures")


def evaluate_all(scope: Scope, period: Period) -> dict[str, FigureResult]:
    return {item.key: item.evaluate(scope, period) for item in registry}


def as_json_value(value: int | float | Decimal | None) -> int | float | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
