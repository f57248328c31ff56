"""``__in`` on integer columns and on foreign keys that ignores numbers no row can hold.

Django already treats ``pk=10**30`` as "no row" (its ``IntegerFieldOverflow`` lookups), but
``pk__in=[10**30]`` reaches the database driver, where SQLite raises ``OverflowError`` and
PostgreSQL a data error: a 500 from any form, filter or API call that takes a list of ids. With
these lookups registered, such numbers match nothing, so every id input refuses them the way it
refuses an unknown id.
"""

from __future__ import annotations

from typing import Any

from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


def _in_range(lookup: Any, connection: Any) -> list[Any]:
    field = lookup.lhs.output_field
    while getattr(field, "target_field", None) is not None:
        field = field.target_field
    try:
        low, high = connection.ops.integer_field_range(field.get_internal_type())
    except KeyError:  # not an integer column: nothing to drop
        return list(lookup.rhs)
    return [
        value
        for value in lookup.rhs
        if not isinstance(value, int)
        or ((low is None or value >= low) and (high is None or value <= high))
    ]


class IntegerFieldIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            self.rhs = _in_range(self, connection)
        return super().process_rhs(compiler, connection)


class ForeignKeyIn(RelatedIn):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            self.rhs = _in_range(self, connection)
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignKey.register_lookup(ForeignKeyIn)
