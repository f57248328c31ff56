"""Statements built once per process, for the few requests that come by the thousand a minute.

Building a query with the ORM (filters, joins, compiling) costs more than running it on a small
indexed table. ``RowWithRelated`` reads one model's rows together with the rows a chain of its
foreign keys leads to — what ``select_related`` would read — with SELECT and FROM text, the
columns and the database's converters prepared once; each call only adds its WHERE.

Invariants: the instances come out as the ORM makes them (``Model.from_db``, every concrete
field converted as a queryset converts it, related instances cached on their foreign keys); a
caller's WHERE names columns through ``column()`` so that every name is quoted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import ForeignKey, Model

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, BaseDatabaseWrapper], Any]


@dataclass(frozen=True)
class _Part:
    """One table of the chain: its model, its alias in the statement, and the foreign key of
    the part before it that leads here (empty for the first)."""

    model: type[Model]
    alias: str
    via: str


@dataclass(frozen=True)
class _Prepared:
    select: str
    columns: tuple[tuple[int, tuple[tuple[Converter, Any], ...]], ...]  # (position, converters)


def _column(model: type[Model], name: str) -> str:
    """The column of the model's field ``name`` (``"pk"``: its primary key)."""
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    column = getattr(field, "column", None)
    if not isinstance(column, str):
        raise TypeError(f"{model.__name__}.{name} has no column")
    return column


class RowWithRelated(Generic[M]):
    """Rows of ``model`` with the instances its foreign keys ``chain`` lead to, one after the
    other (``("target", "campaign")``: the row's target and the target's campaign)."""

    def __init__(self, model: type[M], chain: Sequence[str], *, using: str = "default") -> None:
        self.model = model
        self.using = using
        parts = [_Part(model, "t0", "")]
        for position, name in enumerate(chain, start=1):
            field = parts[-1].model._meta.get_field(name)
            if not isinstance(field, ForeignKey):
                raise TypeError(f"{name} is not a foreign key of {parts[-1].model.__name__}")
            parts.append(_Part(field.related_model, f"t{position}", name))
        self.parts = tuple(parts)
        self._prepared: WeakKeyDictionary[BaseDatabaseWrapper, _Prepared] = WeakKeyDictionary()

    def column(self, name: str, part: int = 0) -> str:
        """The quoted column of field ``name`` of the chain's ``part`` (0: ``model`` itself)."""
        quote = connections[self.using].ops.quote_name
        return f"{self.parts[part].alias}.{quote(_column(self.parts[part].model, name))}"

    def first(self, where: str, params: Sequence[Any]) -> M | None:
        """The first row matching ``where`` (columns from ``column()``, ``%s`` for each of
        ``params``), or ``None``."""
        connection = connections[self.using]
        prepared = self._prepared.get(connection)
        if prepared is None:
            prepared = self._prepared[connection] = self._prepare(connection)
        with connection.cursor() as cursor:
            cursor.execute(f"{prepared.select} WHERE {where}", list(params))
            row = cursor.fetchone()
        return None if row is None else self._instance(connection, prepared, row)

    def _prepare(self, connection: BaseDatabaseWrapper) -> _Prepared:
        """The SELECT and FROM text, and each column's converters (kept per connection: the
        backend's converters are methods of the connection's own operations)."""
        quote = connection.ops.quote_name
        names: list[str] = []
        columns: list[tuple[int, tuple[tuple[Converter, Any], ...]]] = []
        joins = [f"{quote(self.parts[0].model._meta.db_table)} t0"]
        for position, part in enumerate(self.parts):
            if position:
                before = self.parts[position - 1]
                via = _column(before.model, part.via)
                key = _column(part.model, "pk")
                joins.append(
                    f"INNER JOIN {quote(part.model._meta.db_table)} {part.alias} "
                    f"ON {part.alias}.{quote(key)} = {before.alias}.{quote(via)}"
                )
            for field in part.model._meta.concrete_fields:
                column = field.get_col(part.alias)
                converters = connection.ops.get_db_converters(column)
                converters += column.get_db_converters(connection)
                if converters:
                    columns.append((len(names), tuple((c, column) for c in converters)))
                names.append(f"{part.alias}.{quote(_column(part.model, field.name))}")
        select = f"SELECT {', '.join(names)} FROM {' '.join(joins)}"
        return _Prepared(select=select, columns=tuple(columns))

    def _instance(self, connection: BaseDatabaseWrapper, prepared: _Prepared, row: Any) -> M:
        values = list(row)
        for position, converters in prepared.columns:
            for converter, column in converters:
                values[position] = converter(values[position], column, connection)
        instances: list[Model] = []
        start = 0
        for part in self.parts:
            names = [field.attname for field in part.model._meta.concrete_fields]
            instance = part.model.from_db(self.using, names, values[start : start + len(names)])
            start += len(names)
            if instances:
                setattr(instances[-1], part.via, instance)
            instances.append(instance)
        return instances[0]  # type: ignore[return-value]
