"""The county roll-up: every figure for the authority's schools together (rates recomputed from the
counts of all schools, never averaged) and for each school side by side."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections

from qingshan.core.figures import Figure, Period, Scope, Unit, registry

# On PostgreSQL the schools' figures are computed on a few connections at once (4 measured best on a
# 2-core server); SQLite computes them one after the other.
WORKERS = 4


@dataclass
class CountyRow:
    key: str
    label: str
    unit: str
    total: Any
    by_school: list[Any]


def _values(figures: list[Figure], scope: Scope, period: Period) -> list[Any]:
    try:
        return [figure.evaluate(scope, period).value for figure in figures]
    finally:
        if connection.vendor == "postgresql":
            connections.close_all()  # this thread's connection, not the request's


def county_table(
    *, authority: Any, year: int, keys: list[str] | None = None
) -> tuple[list[Any], list[CountyRow]]:
    scope = Scope.of_authority(authority)
    period = Period.year(year)
    schools = list(scope.schools)
    figures = [figure for figure in registry if keys is None or figure.key in keys]
    scopes = [scope, *(Scope.of_school(school) for school in schools)]
    # Other connections would not see what an open transaction has written, so inside one the
    # figures are computed on this connection alone.
    if connection.vendor == "postgresql" and not connection.in_atomic_block and len(scopes) > 2:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            columns = list(pool.map(lambda item: _values(figures, item, period), scopes))
    else:
        columns = [[figure.evaluate(item, period).value for figure in figures] for item in scopes]
    return schools, [
        CountyRow(
            key=figure.key,
            label=str(figure.label),
            unit=str(Unit.LABELS[figure.unit]),
            total=columns[0][index],
            by_school=[column[index] for column in columns[1:]],
        )
        for index, figure in enumerate(figures)
    ]
