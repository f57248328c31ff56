"""The heavy figure query keeps its plan on a database whose planner has no statistics (an
embedded SQLite that no ``ANALYZE`` has measured yet): each trainee's certificates and follow-ups
are found from the enrolment, never by walking the whole school."""

from __future__ import annotations

import pytest
from django.db import connection

from qingshan.trainings.selectors import OUTCOME_FIELDS, counted_enrolments, with_outcomes


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_the_rates_query_reads_each_enrolments_rows_without_statistics(db: None) -> None:
    rows = with_outcomes(counted_enrolments(schools=[1]), schools=[1]).values(*OUTCOME_FIELDS)
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")
        cursor.execute("ANALYZE sqlite_schema")  # the planner reloads what statistics remain
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]

    searches = [step for step in plan if step.startswith("SEARCH U0")]
    assert len(searches) == 4  # the four correlated subqueries of certificates and follow-ups
    assert all("enrolment_id=?" in step for step in searches), plan
