"""Reads of stored figure values from a PostgreSQL read replica, when one is configured.

A county or province roll-up reads thousands of stored figure values and the schools' records
versions (``core.figure_store``); with ``DATABASE_REPLICA_URL`` set, those reads go to the
replica and leave the primary to the schools' own work. Everything else, and every write, goes to
the primary. A replica that lags shows a value with the stamp it was stored under, which the
versions read from the same replica judge: an older value reads as stale, never as fresh.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

REPLICA_MODELS = frozenset({"core.storedfigure", "core.schoolversion"})


class FigureReplicaRouter:
    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if "replica" in settings.DATABASES and model._meta.label_lower in REPLICA_MODELS:
            return "replica"
        return None

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, first: Any, second: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
