"""The county roll-up: every figure for the authority's schools together (rates recomputed from the
counts of all schools, never averaged) and for each school side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qingshan.core.figures import Period, Scope, Unit, registry


@dataclass
class CountyRow:
    key: str
    label: str
    unit: str
    total: Any
    by_school: list[Any]


def county_table(
    *, authority: Any, year: int, keys: list[str] | None = None
) -> tuple[list[Any], list[CountyRow]]:
    scope = Scope.of_authority(authority)
    period = Period.year(year)
    schools = list(scope.schools)
    rows = []
    for figure in registry:
        if keys is not None and figure.key not in keys:
            continue
        rows.append(
            CountyRow(
                key=figure.key,
                label=str(figure.label),
                unit=str(Unit.LABELS[figure.unit]),
                total=figure.evaluate(scope, period).value,
                by_school=[
                    figure.evaluate(Scope.of_school(school), period).value for school in schools
                ],
            )
        )
    return schools, rows
