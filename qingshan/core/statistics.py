"""Planner statistics of the embedded database.

SQLite plans a query by guessing unless ``ANALYZE`` has measured the tables; without it, it may
walk the school's index where another would read a few rows (measured: a trainings figure went
from 45 ms to 2.7 s). Statistics are refreshed after migrations, after imports, after the demo is
built, and by ``manage.py refresh_statistics`` (run daily). PostgreSQL's autovacuum keeps its
own; ``refresh`` analyses it too when asked after bulk work.
"""

from __future__ import annotations

from django.db import connections


def refresh(using: str = "default") -> None:
    database = connections[using]
    with database.cursor() as cursor:
        if database.vendor == "sqlite":
            # Measure every index (analysis_limit 0 reads all rows; fine at a school's size).
            cursor.execute("PRAGMA analysis_limit = 0")
            cursor.execute("ANALYZE")
        elif database.vendor == "postgresql":
            cursor.execute("ANALYZE")
