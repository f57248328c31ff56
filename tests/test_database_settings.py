"""The database settings read from DATABASE_URL."""

from __future__ import annotations

from config.env import database_from_url


def test_a_sqlite_file_keeps_its_connection_across_requests() -> None:
    found = database_from_url("sqlite:////srv/qingshan/db.sqlite3")

    assert found["NAME"] == "/srv/qingshan/db.sqlite3"
    assert found["CONN_MAX_AGE"] == 60


def test_a_relative_sqlite_file_and_memory() -> None:
    assert database_from_url("sqlite:///db.sqlite3")["NAME"] == "db.sqlite3"
    memory = database_from_url("sqlite://")
    # Each new connection to :memory: is a new, empty database: nothing to keep.
    assert memory["NAME"] == ":memory:" and memory["CONN_MAX_AGE"] == 0


def test_postgresql_keeps_its_connection_and_checks_it() -> None:
    found = database_from_url("postgres://qs:secret@db.example.org:5433/qingshan?sslmode=require")

    assert (found["NAME"], found["USER"], found["HOST"], found["PORT"]) == (
        "qingshan",
        "qs",
        "db.example.org",
        "5433",
    )
    assert found["CONN_MAX_AGE"] == 60 and found["CONN_HEALTH_CHECKS"] is True
    assert found["OPTIONS"] == {"sslmode": "require"}
