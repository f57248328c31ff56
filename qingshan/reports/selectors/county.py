"""The county roll-up, read from stored figure values (``core.figure_store``).

The page answers at once from what is stored: each school's values and the county's totals,
each marked fresh or stale with the time it was computed. Stale or missing ones are handed to
worker processes (``reports.tasks.refresh_figures``), so a county of 20 schools or a province of
500 answers while the workers catch up. A county's total is computed over the whole county (a
rate from the county's counts, a median from every school's records), never from the schools'
rounded values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from qingshan.core import figure_store
from qingshan.core.figures import Period, Scope, registry
from qingshan.core.models import Authority, School
from qingshan.reports.tasks import refresh_figures


@dataclass
class CountyRow:
    key: str
    label: str
    unit: str  # Unit code, to format the values
    unit_label: str
    total: Any
    by_school: list[Any]


@dataclass(frozen=True)
class Freshness:
    """How current a column is: ``fresh`` when every value is exact now; otherwise the values
    shown were computed at ``computed_at`` (None: not yet) and a worker is computing them."""

    label: str
    fresh: bool
    computed_at: Any


def county_table(
    *, authority: Authority, year: int, keys: list[str] | None = None
) -> tuple[list[School], list[CountyRow], dict[str, Freshness]]:
    period = Period.year(year)
    schools = list(School.objects.filter(authority=authority).order_by("pk"))
    county = Scope.of_authority(authority)
    scopes = [county, *(Scope.of_school(school) for school in schools)]
    labels = [figure_store.scope_label(scope) for scope in scopes]
    found = figure_store.stored(scopes, period, keys)
    stale = [label for label in labels if not all(v.fresh for v in found[label].values())]
    for label in stale:
        _request_refresh(label, period)
    if stale and _runs_at_once():
        found = figure_store.stored(scopes, period, keys)  # the requests ran in this process
    freshness = {}
    for label in labels:
        column = found[label].values()
        times = [value.computed_at for value in column if value.computed_at is not None]
        freshness[label] = Freshness(
            label, all(value.fresh for value in column), min(times) if times else None
        )
    figures = [figure for figure in registry if keys is None or figure.key in keys]
    rows = [
        CountyRow(
            key=figure.key,
            label=str(figure.label),
            unit=figure.unit,
            unit_label=str(figure.unit_label),
            total=found[labels[0]][figure.key].value,
            by_school=[found[label][figure.key].value for label in labels[1:]],
        )
        for figure in figures
    ]
    return schools, rows, freshness


def _request_refresh(label: str, period: Period) -> None:
    """Hand the scope to a worker, unless one is already waiting for it."""
    args = {"scope": label, "start": period.start.isoformat(), "end": period.end.isoformat()}
    if _already_waiting(args):
        return
    refresh_figures.enqueue(**args)


def _runs_at_once() -> bool:
    return str(settings.TASKS["default"]["BACKEND"]).endswith("ImmediateBackend")


def _already_waiting(args: dict[str, str]) -> bool:
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db"):
        return False
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - only with that backend

    return (
        DBTaskResult.objects.ready()
        .filter(
            task_path=refresh_figures.module_path,
            args_kwargs__kwargs=args,
        )
        .exists()
    )
