"""Each school's records version: a number the database itself raises, in the writing
transaction, whenever a row of the school changes.

Triggers on every table that holds a school's rows (a ``school_id`` column), and on the
many-to-many tables between such rows, add one to the school's ``SchoolVersion`` whatever writes
the row: a service, a bulk import, a raw query. So a value computed from a school's records at
version *v* is exact for as long as the version is *v* (``core.figure_store``).

Left out on purpose (``UNVERSIONED``): the rows a rating writes while raters rate (the dues
marked done and the sealed ballots). Raters of a whole school rate at once, and a version row
bumped by each would make them wait on one another. Figures read those rows only for closed
campaigns (``evaluations.figures.HELD``): they change no more, and closing a campaign (a write
to the campaign, and the count of its ballots) raises the version.

Invariant: after ``install_triggers()``, a committed write to a versioned table has raised the
version of every school it touched, in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import connections, models, router

from qingshan.core.models import SchoolVersion

VERSION_TABLE = "core_schoolversion"
UNVERSIONED = frozenset(
    {
        "evaluations_ratingdue",
        "evaluations_sealedballot",
        VERSION_TABLE,
        "core_storedfigure",
        "core_noticeread",  # a user's read marks: no figure reads them
    }
)


@dataclass(frozen=True)
class VersionedTable:
    """A table whose writes raise a school's version: ``school_column`` on the table itself, or
    through ``via`` (a many-to-many table's column pointing at a row of ``parent``)."""

    table: str
    school_column: str = "school_id"
    via: str | None = None
    parent: str | None = None


def versioned_tables() -> Iterator[VersionedTable]:
    """Every table of the project's apps that holds a school's rows, and the many-to-many
    tables between them."""
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("qingshan.") and not model._meta.auto_created:
            continue
        table = model._meta.db_table
        if table in UNVERSIONED or not model._meta.managed:
            continue
        if _has_school(model):
            yield VersionedTable(table)
        elif model._meta.auto_created:
            for field in model._meta.concrete_fields:
                target = getattr(field, "related_model", None)
                if target is not None and _has_school(target):
                    yield VersionedTable(table, via=field.column, parent=target._meta.db_table)
                    break


def _has_school(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("school")
    except Exception:
        return False
    return getattr(field, "column", None) == "school_id"


def versions_of(school_ids: Iterable[int]) -> dict[int, int]:
    """The current version of each school (0 for one never written since versions began), read
    where stored figures are read (a replica, if the router says so)."""
    ids = sorted(set(school_ids))
    if not ids:
        return {}
    with connections[router.db_for_read(SchoolVersion)].cursor() as cursor:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT school_id, version FROM {VERSION_TABLE} WHERE school_id IN ({marks})", ids
        )
        found = dict(cursor.fetchall())
    return {pk: int(found.get(pk, 0)) for pk in ids}


def install_triggers(using: str = "default") -> int:
    """Create (or re-create) the triggers of every versioned table; the number of tables."""
    database = connections[using]
    tables = list(versioned_tables())
    statements = _postgresql(tables) if database.vendor == "postgresql" else _sqlite(tables)
    with database.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return len(tables)


def _school_of(item: VersionedTable, row: str) -> str:
    if item.via is None:
        return f"{row}.{item.school_column}"
    return f"(SELECT school_id FROM {item.parent} WHERE id = {row}.{item.via})"


def _name(item: VersionedTable) -> str:
    name = f"qs_version_{item.table}"
    if len(name) > 48:  # PostgreSQL keeps 63 characters of a name; suffixes follow
        name = f"qs_version_{hashlib.sha1(item.table.encode()).hexdigest()[:16]}"
    return name


def _sqlite(tables: list[VersionedTable]) -> Iterator[str]:
    bump = (
        f"INSERT INTO {VERSION_TABLE} (school_id, version) SELECT {{school}}, 1 "
        f"WHERE {{school}} IS NOT NULL "
        f"ON CONFLICT(school_id) DO UPDATE SET version = version + 1;"
    )
    for item in tables:
        name = _name(item)
        new, old = _school_of(item, "NEW"), _school_of(item, "OLD")
        yield f"DROP TRIGGER IF EXISTS {name}_insert"
        yield f"DROP TRIGGER IF EXISTS {name}_update"
        yield f"DROP TRIGGER IF EXISTS {name}_delete"
        yield (
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {item.table} "
            f"BEGIN {bump.format(school=new)} END"
        )
        yield (
            f"CREATE TRIGGER {name}_update AFTER UPDATE ON {item.table} BEGIN "
            f"{bump.format(school=new)} "
            f"{bump.format(school=old).replace('WHERE ', f'WHERE {old} IS NOT {new} AND ', 1)} END"
        )
        yield (
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {item.table} "
            f"BEGIN {bump.format(school=old)} END"
        )


def _postgresql(tables: list[VersionedTable]) -> Iterator[str]:
    # Statement triggers with transition tables: one version update per statement and school,
    # however many rows a bulk write touches.
    for item in tables:
        name = _name(item)
        function = f"{name}_bump"
        if item.via is None:
            schools = "SELECT {rows}.school_id FROM {rows}"
        else:
            schools = (
                f"SELECT parent.school_id FROM {{rows}} "
                f"JOIN {item.parent} parent ON parent.id = {{rows}}.{item.via}"
            )
        union = " UNION ".join(schools.format(rows=rows) for rows in ("changed_new", "changed_old"))
        yield f"""
            CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO {VERSION_TABLE} (school_id, version)
                  SELECT DISTINCT school_id, 1 FROM ({schools.format(rows="changed_new")}) s
                  WHERE school_id IS NOT NULL
                ON CONFLICT (school_id) DO UPDATE SET version = {VERSION_TABLE}.version + 1;
              ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO {VERSION_TABLE} (school_id, version)
                  SELECT DISTINCT school_id, 1 FROM ({schools.format(rows="changed_old")}) s
                  WHERE school_id IS NOT NULL
                ON CONFLICT (school_id) DO UPDATE SET version = {VERSION_TABLE}.version + 1;
              ELSE
                INSERT INTO {VERSION_TABLE} (school_id, version)
                  SELECT DISTINCT school_id, 1 FROM ({union}) s
                  WHERE school_id IS NOT NULL
                ON CONFLICT (school_id) DO UPDATE SET version = {VERSION_TABLE}.version + 1;
              END IF;
              RETURN NULL;
            END $$ LANGUAGE plpgsql"""
        for operation, referencing in (
            ("INSERT", "REFERENCING NEW TABLE AS changed_new"),
            ("UPDATE", "REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new"),
            ("DELETE", "REFERENCING OLD TABLE AS changed_old"),
        ):
            trigger = f"{name}_{operation.lower()}"
            yield f"DROP TRIGGER IF EXISTS {trigger} ON {item.table}"
            yield (
                f"CREATE TRIGGER {trigger} AFTER {operation} ON {item.table} {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )
