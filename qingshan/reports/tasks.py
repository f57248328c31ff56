"""Background work of the reports (the Django tasks API; ``db_worker`` processes in deployments,
as many as the machines allow, all against one database)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from qingshan.core import figure_store
from qingshan.core.figures import Period, Scope
from qingshan.core.models import Authority, School


@task()
def refresh_figures(scope: str, start: str, end: str) -> int:
    """Compute and store the figures of ``scope`` ("school:ID" or "authority:ID") whose stored
    value is missing or stale; the number of figures it had to compute. Running it twice is
    harmless: the second run finds everything fresh."""
    kind, _, pk = scope.partition(":")
    found = (
        Scope.of_school(School.objects.get(pk=int(pk)))
        if kind == "school"
        else Scope.of_authority(Authority.objects.get(pk=int(pk)))
    )
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    stale = [
        key for key, value in figure_store.stored([found], period)[scope].items() if not value.fresh
    ]
    if stale:
        figure_store.values(found, [period], stale)
    return len(stale)
