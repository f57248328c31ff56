"""Figure values kept between requests, and never stale.

A figure's value for a scope and a period is stored with the scope's **stamp**: the records
versions of its schools (``core.versions``, raised by the database in every writing
transaction), the revision of the code that computes figures, and — for a period not over yet —
today's date. A stored value is served only while its stamp is the current one; otherwise it is
computed again (and stored). Evidence lists (a figure's records) are always read live.

Invariants:
- ``values()`` returns, for a fresh entry, exactly what evaluating the figure now returns;
- a value computed while a write commits may be stored under the stamp read before it; that
  stamp is then already out of date, so the value is never served (versions only grow);

Within one ``evaluating()`` block, selectors decorated ``@per_evaluation`` run once per
arguments (e.g. the trainings' rates, read by seven figures).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from django.utils import timezone

from qingshan.core.figures import Figure, FigureResult, Period, Scope, as_json_value, registry
from qingshan.core.models import Authority, School, StoredFigure
from qingshan.core.versions import versions_of

P = ParamSpec("P")
R = TypeVar("R")

_memo: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "qs_figure_memo", default=None
)


@contextmanager
def evaluating() -> Iterator[None]:
    """Remember ``@per_evaluation`` results until the block ends (nested blocks share them)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def per_evaluation(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` once per (hashable) arguments within an ``evaluating()`` block."""

    @functools.wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _memo.get()
        if memo is None:
            return function(*args, **kwargs)
        key = (function, args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = function(*args, **kwargs)
        return memo[key]

    return remembered


@functools.cache
def code_revision() -> str:
    """A digest of the project's code (tests and migrations aside): a release that changes how
    a figure is computed makes every stored value stale."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def scope_label(scope: Scope) -> str:
    if scope.authority is not None:
        return f"authority:{scope.authority.pk}"
    if len(scope.schools) == 1:
        return f"school:{scope.schools[0].pk}"
    ids = ",".join(str(pk) for pk in sorted(scope.school_ids))
    return f"schools:{hashlib.sha1(ids.encode()).hexdigest()[:24]}"


def stamp_of(scope: Scope, period: Period, versions: dict[int, int], today: dt.date) -> str:
    parts = [code_revision(), *(f"{pk}:{versions.get(pk, 0)}" for pk in sorted(scope.school_ids))]
    if period.end >= today:  # a period not over yet may change with the day alone
        parts.append(today.isoformat())
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Value:
    """A figure's value as pages show it: ``fresh`` unless it was read without computing."""

    key: str
    period: Period
    value: int | float | None
    breakdown: dict[str, Any]
    fresh: bool
    computed_at: dt.datetime | None


def _as_value(figure: Figure, period: Period, result: FigureResult) -> Value:
    return Value(
        key=figure.key,
        period=period,
        value=as_json_value(result.value),
        breakdown={key: as_json_value(item) for key, item in result.breakdown.items()},
        fresh=True,
        computed_at=timezone.now(),
    )


def values(
    scope: Scope,
    periods: Iterable[Period],
    keys: Iterable[str] | None = None,
    *,
    compute: bool = True,
) -> dict[tuple[str, Period], Value]:
    """The figures ``keys`` (all when None) of ``scope`` for each period: stored ones whose stamp
    is current, the others computed now and stored. With ``compute=False`` nothing is computed:
    a missing value is None and a stale one is returned marked not fresh (roll-ups show those
    while workers catch up)."""
    periods = list(dict.fromkeys(periods))
    figures = list(registry) if keys is None else [registry.get(key) for key in keys]
    versions = versions_of(scope.school_ids)
    today = timezone.localdate()
    stamps = {period: stamp_of(scope, period, versions, today) for period in periods}
    label = scope_label(scope)
    stored = {
        (row.key, row.start, row.end): row
        for row in StoredFigure.objects.filter(
            scope=label,
            key__in=[item.key for item in figures],
            start__in={period.start for period in periods},
            end__in={period.end for period in periods},
        )
    }
    found: dict[tuple[str, Period], Value] = {}
    missing: list[tuple[Figure, Period]] = []
    for item in figures:
        for period in periods:
            row = stored.get((item.key, period.start, period.end))
            if row is not None and row.stamp == stamps[period]:
                found[(item.key, period)] = Value(
                    item.key, period, row.value, row.breakdown, True, row.computed_at
                )
            elif compute:
                missing.append((item, period))
            else:
                found[(item.key, period)] = Value(
                    item.key,
                    period,
                    row.value if row else None,
                    row.breakdown if row else {},
                    False,
                    row.computed_at if row else None,
                )
    if missing:
        found |= _compute(scope, label, missing, stamps)
    return found


def _compute(
    scope: Scope,
    label: str,
    missing: list[tuple[Figure, Period]],
    stamps: dict[Period, str],
) -> dict[tuple[str, Period], Value]:
    computed: dict[tuple[str, Period], Value] = {}
    with evaluating():
        for item, period in missing:
            computed[(item.key, period)] = _as_value(item, period, item.evaluate(scope, period))
    rows = [
        StoredFigure(
            scope=label,
            key=key,
            start=period.start,
            end=period.end,
            stamp=stamps[period],
            value=value.value,
            breakdown=value.breakdown,
            computed_at=value.computed_at or timezone.now(),
        )
        for (key, period), value in computed.items()
    ]
    StoredFigure.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["scope", "start", "end", "key"],
        update_fields=["stamp", "value", "breakdown", "computed_at"],
    )
    return computed


def stored(
    scopes: list[Scope], period: Period, keys: Iterable[str] | None = None
) -> dict[str, dict[str, Value]]:
    """What is stored for many scopes at once (a county's schools and the county), computing
    nothing: by scope label, then figure key; ``fresh`` says whether each is still exact.
    Two queries whatever the number of scopes."""
    figures = list(registry) if keys is None else [registry.get(key) for key in keys]
    versions = versions_of({pk for scope in scopes for pk in scope.school_ids})
    today = timezone.localdate()
    labels = {scope_label(scope): scope for scope in scopes}
    stamps = {label: stamp_of(scope, period, versions, today) for label, scope in labels.items()}
    rows = {
        (row.scope, row.key): row
        for row in StoredFigure.objects.filter(
            scope__in=list(labels),
            key__in=[item.key for item in figures],
            start=period.start,
            end=period.end,
        )
    }
    found: dict[str, dict[str, Value]] = {}
    for label in labels:
        found[label] = {}
        for item in figures:
            row = rows.get((label, item.key))
            found[label][item.key] = Value(
                item.key,
                period,
                row.value if row else None,
                row.breakdown if row else {},
                row is not None and row.stamp == stamps[label],
                row.computed_at if row else None,
            )
    return found


def value(scope: Scope, period: Period, key: str) -> Value:
    return values(scope, [period], [key])[(key, period)]


@dataclass(frozen=True)
class Difference:
    scope: str
    key: str
    period: Period
    stored: Any
    fresh: Any


def verify(rows: Iterable[StoredFigure] | None = None) -> tuple[int, list[Difference]]:
    """Compute again every stored value whose stamp is current and compare: (the number checked,
    the differences). A stale row is never served, so it is not checked."""
    checked, differences = 0, []
    for row in rows if rows is not None else StoredFigure.objects.order_by("scope", "key"):
        kind, _, pk = row.scope.partition(":")
        if kind == "school":
            scope = Scope.of_school(School.objects.get(pk=int(pk)))
        elif kind == "authority":
            scope = Scope.of_authority(Authority.objects.get(pk=int(pk)))
        else:
            continue
        period = Period(row.start, row.end)
        stamp = stamp_of(scope, period, versions_of(scope.school_ids), timezone.localdate())
        if row.stamp != stamp or row.key not in registry:
            continue
        with evaluating():
            fresh = _as_value(
                registry.get(row.key), period, registry.get(row.key).evaluate(scope, period)
            )
        checked += 1
        if (fresh.value, fresh.breakdown) != (row.value, row.breakdown):
            differences.append(
                Difference(
                    row.scope,
                    row.key,
                    period,
                    (row.value, row.breakdown),
                    (fresh.value, fresh.breakdown),
                )
            )
    return checked, differences
