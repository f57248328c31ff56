"""Statements built once: a row with the rows its foreign keys lead to, as the ORM reads them."""

from __future__ import annotations

from typing import Any

import pytest

from qingshan.core.models import School
from qingshan.core.statements import RowWithRelated


def test_a_row_comes_with_its_related_rows_as_the_orm_reads_them(
    school: Any, django_assert_num_queries: Any
) -> None:
    statement: RowWithRelated[School] = RowWithRelated(School, ("authority",))
    expected = School.objects.select_related("authority").get(pk=school.pk)

    with django_assert_num_queries(1):
        found = statement.first(f"{statement.column('slug')} = %s", [school.slug])
        assert found is not None
        authority = found.authority

    assert found == expected and authority == expected.authority
    for field in School._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(expected, field.attname), field.name
    assert statement.first(f"{statement.column('slug')} = %s", ["no-such-school"]) is None
    assert statement.column("name", part=1).startswith("t1.")  # the authority's name


def test_only_foreign_keys_make_a_chain() -> None:
    with pytest.raises(TypeError, match="not a foreign key"):
        RowWithRelated(School, ("name",))
