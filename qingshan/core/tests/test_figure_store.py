"""Stored figure values are never stale: after any sequence of writes, by any path (services,
bulk writes, raw updates, many-to-many links, deletions), the store serves what computing the
figures now gives."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingshan.core import figure_store
from qingshan.core.figures import FigureResult, Period, Scope, as_json_value, registry
from qingshan.core.models import StoredFigure
from qingshan.core.versions import versions_of
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Department, SchoolClass, Student
from qingshan.organization.services import create_record, update_record
from qingshan.workplans.models import TimeSlot, WorkLine
from qingshan.workplans.tests.factories import grid_records
from tests import factories

YEAR = Period.year(2013)


def _fresh(scope: Scope) -> dict[str, Any]:
    with figure_store.evaluating():
        results: dict[str, FigureResult] = {
            item.key: item.evaluate(scope, YEAR) for item in registry
        }
    return {
        key: (
            as_json_value(result.value),
            {name: as_json_value(value) for name, value in result.breakdown.items()},
        )
        for key, result in results.items()
    }


def _served(scope: Scope) -> dict[str, Any]:
    found = figure_store.values(scope, [YEAR])
    return {
        item.key: (found[(item.key, YEAR)].value, found[(item.key, YEAR)].breakdown)
        for item in registry
    }


@pytest.fixture
def school_with_records(school: Any) -> Any:
    factories.one_of_each(school)
    records = grid_records(school)
    records["term"].start_date, records["term"].end_date = dt.date(2013, 9, 1), dt.date(2014, 1, 20)
    records["term"].save()
    WorkLine.objects.create(school=school, name="巡查")
    return school


Write = Callable[[Any, int], None]
NAMES = itertools.count()  # names no example has used


def _add_department(school: Any, n: int) -> None:
    create_record(school=school, model=Department, values={"name": f"处室{n}"})


def _rename_departments(school: Any, n: int) -> None:
    Department.objects.filter(school=school).update(sort_order=n)  # a raw update, no signals


def _add_students(school: Any, n: int) -> None:
    school_class = SchoolClass.objects.filter(school=school).first()
    factories.StudentFactory.create_batch(
        2, school=school, school_class=school_class, enrolled_on=dt.date(2013, 9, 1)
    )


def _graduate_a_student(school: Any, n: int) -> None:
    """Always a write: an earlier example may have graduated every student, so one is enrolled
    first when none is left to graduate."""
    student = Student.objects.filter(school=school, status=StudentStatus.STUDYING).first()
    if student is None:
        _add_students(school, n)
        student = Student.objects.filter(school=school, status=StudentStatus.STUDYING).first()
    update_record(
        record=student,
        values={"status": StudentStatus.GRADUATED, "left_on": dt.date(2013, 12, 31)},
    )


def _link_or_unlink_guardians(school: Any, n: int) -> None:
    linked = Student.objects.filter(school=school, guardian_links__isnull=False).first()
    if linked is not None:
        linked.guardian_links.all().delete()
    else:
        factories.GuardianLinkFactory(
            school=school, student=Student.objects.filter(school=school).first()
        )


def _toggle_a_slots_line(school: Any, n: int) -> None:
    """Link or unlink a line and a slot: a many-to-many row, which has no school of its own."""
    slot = TimeSlot.objects.filter(school=school).first()
    other = WorkLine.objects.filter(school=school).exclude(pk__in=slot.lines.all()).first()
    if other is None:
        slot.lines.clear()
    else:
        slot.lines.add(other)


WRITES: list[Write] = [
    _add_department,
    _rename_departments,
    _add_students,
    _graduate_a_student,
    _link_or_unlink_guardians,
    _toggle_a_slots_line,
]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(sequence=st.lists(st.sampled_from(range(len(WRITES))), min_size=1, max_size=3))
def test_after_any_writes_the_store_serves_what_computing_gives(
    sequence: list[int], school_with_records: Any
) -> None:
    scope = Scope.of_school(school_with_records)
    _served(scope)  # every value stored at the records as they are
    before = versions_of([school_with_records.pk])[school_with_records.pk]

    for index in sequence:
        WRITES[index](school_with_records, next(NAMES))

    assert versions_of([school_with_records.pk])[school_with_records.pk] > before
    assert _served(scope) == _fresh(scope)


def test_a_stored_value_is_served_until_the_records_change(school_with_records: Any) -> None:
    scope = Scope.of_school(school_with_records)
    first = figure_store.value(scope, YEAR, "organization.students")
    StoredFigure.objects.filter(key="organization.students").update(value=-1)  # mark it

    served = figure_store.value(scope, YEAR, "organization.students")
    _add_students(school_with_records, 0)
    recomputed = figure_store.value(scope, YEAR, "organization.students")

    assert served.value == -1  # read, not computed
    assert recomputed.value == first.value + 2


def test_every_figure_is_stored_once_per_scope_and_period(school_with_records: Any) -> None:
    figure_store.values(Scope.of_school(school_with_records), [YEAR])
    figure_store.values(Scope.of_school(school_with_records), [YEAR])

    assert StoredFigure.objects.count() == len(registry)


def test_the_verify_command_finds_no_difference_and_names_a_forged_one(
    school_with_records: Any, capsys: Any
) -> None:
    figure_store.values(Scope.of_school(school_with_records), [YEAR])
    call_command("verify_figures")
    clean = capsys.readouterr().out
    StoredFigure.objects.filter(key="organization.staff").update(value=12345)

    with pytest.raises(Exception, match="differ"):
        call_command("verify_figures")

    assert " 0 differences" in clean
    assert "organization.staff" in capsys.readouterr().err
