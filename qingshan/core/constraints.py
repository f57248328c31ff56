"""Model constraints checked for many rows at once (imports), without a query per row.

Unique constraints are checked against one lookup of the existing rows per constraint; check
constraints made of simple comparisons are evaluated in Python. Anything else falls back to
Django's own ``constraint.validate`` for that row, so the result is always the same as
``Model.validate_constraints``.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

_COMPARE = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class _Unsupported(Exception):
    pass


def _value(instance: models.Model, value: Any) -> Any:
    if isinstance(value, F):
        return _attribute(instance, value.name)  # type: ignore[attr-defined]  # the stubs omit F.name
    if hasattr(value, "resolve_expression"):
        raise _Unsupported
    return value


def _attribute(instance: models.Model, name: str) -> Any:
    field = instance._meta.get_field(name)
    return getattr(instance, getattr(field, "attname", name))


def evaluate(condition: Q, instance: models.Model) -> bool:
    """Evaluate a Q of ``field__lookup=value`` terms (exact, isnull, gt, gte, lt, lte) on an instance."""
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(evaluate(child, instance))
            continue
        lookup, expected = child  # type: ignore[misc]  # a Q's leaves are (lookup, value) pairs
        name, _, kind = lookup.partition("__")
        kind = kind or "exact"
        actual = _attribute(instance, name)
        if kind == "isnull":
            results.append((actual is None) == bool(expected))
        elif kind in _COMPARE:
            other = _value(instance, expected)
            if actual is None or other is None:
                results.append(False)  # SQL: a comparison with NULL is not true
            else:
                results.append(_COMPARE[kind](actual, other))
        else:
            raise _Unsupported
    combined = all(results) if condition.connector == Q.AND else any(results)
    return not combined if condition.negated else combined


class ConstraintChecker:
    """Checks one model's constraints for many unsaved or changed instances of one school."""

    def __init__(self, model: type[models.Model], existing: Iterable[models.Model]) -> None:
        self.model = model
        self.unique = [
            c
            for c in model._meta.constraints
            if isinstance(c, models.UniqueConstraint) and c.fields
        ]
        self.checks = [c for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]
        rows = list(existing)
        self.taken: list[dict[tuple[Any, ...], Any]] = [
            {self._key(row, constraint): row.pk for row in rows if self._applies(row, constraint)}
            for constraint in self.unique
        ]

    def _key(self, instance: models.Model, constraint: models.UniqueConstraint) -> tuple[Any, ...]:
        return tuple(_attribute(instance, name) for name in constraint.fields)

    def _applies(self, instance: models.Model, constraint: models.UniqueConstraint) -> bool:
        return constraint.condition is None or evaluate(constraint.condition, instance)

    def errors(self, instance: models.Model) -> list[ValidationError]:
        found = []
        for constraint, taken in zip(self.unique, self.taken, strict=True):
            if not self._applies(instance, constraint):
                continue
            holder = taken.get(self._key(instance, constraint))
            if holder is not None and holder != instance.pk:
                found.append(
                    ValidationError(constraint.get_violation_error_message(), code="unique")
                )
        for check in self.checks:
            try:
                condition = check.condition
                if not isinstance(condition, Q):
                    raise _Unsupported
                passed = evaluate(condition, instance)
            except _Unsupported:
                try:
                    check.validate(self.model, instance)
                    passed = True
                except ValidationError:
                    passed = False
            if not passed:
                found.append(ValidationError(check.get_violation_error_message(), code="check"))
        return found
