from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from qingshan.core.figures import (
    Figure,
    FigureRegistry,
    FigureResult,
    Period,
    Scope,
    Unit,
    registry,
)
from tests import factories


def _noop(scope: Scope, period: Period) -> FigureResult:
    return FigureResult(value=0)


def test_registry_discovers_the_organisation_figures() -> None:
    assert {
        "organization.staff",
        "organization.students",
        "organization.classes",
        "organization.majors",
    } <= set(registry.keys())


@pytest.mark.parametrize("key", ["staff", "Organization.staff", "organization.", "a.b.c"])
def test_a_misdeclared_key_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="must look like"):
        FigureRegistry().register(
            Figure(key=key, label="x", unit=Unit.COUNT, definition="x", compute=_noop)
        )


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        FigureRegistry().register(
            Figure(key="a.b", label="x", unit="apples", definition="x", compute=_noop)
        )


def test_a_key_declared_twice_is_refused() -> None:
    figures = FigureRegistry()
    figures.register(Figure(key="a.b", label="x", unit=Unit.COUNT, definition="x", compute=_noop))

    with pytest.raises(ValueError, match="declared twice"):
        figures.register(
            Figure(
                key="a.b",
                label="x",
                unit=Unit.COUNT,
                definition="x",
                compute=lambda s, p: FigureResult(1),
            )
        )


def test_a_figure_returning_the_wrong_type_fails_loudly(school: Any) -> None:
    bad = Figure(key="a.b", label="x", unit=Unit.COUNT, definition="x", compute=lambda s, p: 3)  # type: ignore[arg-type,return-value]

    with pytest.raises(TypeError):
        bad.evaluate(Scope.of_school(school), Period.year(2013))


def test_every_registered_figure_evaluates_on_an_empty_school(school: Any) -> None:
    results = {
        item.key: item.evaluate(Scope.of_school(school), Period.year(2013)) for item in registry
    }

    assert all(isinstance(result, FigureResult) for result in results.values())
    assert all(str(item.label) and str(item.definition) for item in registry)


def test_head_counts_follow_the_last_day_of_the_period(school: Any) -> None:
    school_class = factories.SchoolClassFactory(school=school)
    factories.StudentFactory(
        school=school, school_class=school_class, enrolled_on=dt.date(2013, 9, 1)
    )
    factories.StudentFactory(
        school=school,
        school_class=school_class,
        enrolled_on=dt.date(2013, 9, 1),
        left_on=dt.date(2013, 12, 31),
    )
    factories.StudentFactory(
        school=school,
        school_class=school_class,
        enrolled_on=dt.date(2013, 9, 1),
        left_on=dt.date(2013, 12, 30),
    )
    factories.StudentFactory(
        school=school, school_class=school_class, enrolled_on=dt.date(2014, 1, 1)
    )
    factories.StaffFactory(school=school, hired_on=dt.date(2000, 1, 1))

    period = Period.year(2013)
    scope = Scope.of_school(school)
    students = registry.get("organization.students").evaluate(scope, period)

    assert students.value == 2
    assert students.records is not None
    assert sorted(students.records.values_list("pk", flat=True)) == sorted(
        s.pk
        for s in school_class.students.all()
        if s.enrolled_on <= period.end and (s.left_on is None or s.left_on >= period.end)
    )
    assert registry.get("organization.classes").evaluate(scope, period).value == 1
    assert registry.get("organization.majors").evaluate(scope, period).value == 1
    assert registry.get("organization.staff").evaluate(scope, period).value == 1


def test_figures_command_prints_json_for_a_school_and_sums_an_authority(school: Any) -> None:
    sibling = factories.SchoolFactory(authority=school.authority)
    factories.StaffFactory(school=school)
    factories.StaffFactory(school=sibling)
    factories.StaffFactory(school=sibling)

    one, county = StringIO(), StringIO()
    call_command("figures", "--school", school.slug, "--year", "2013", stdout=one)
    call_command("figures", "--authority", school.authority.slug, "--year", "2013", stdout=county)

    assert json.loads(one.getvalue())["organization.staff"] == 1
    assert json.loads(county.getvalue())["organization.staff"] == 3


def test_figures_command_names_an_unknown_school(db: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No school"):
        call_command("figures", "--school", "nowhere", "--year", "2013")


def test_the_term_breakdown_agrees_with_the_head_count_on_each_terms_last_day(school: Any) -> None:
    from qingshan.organization import selectors

    autumn = factories.TermFactory(
        school=school,
        school_year=2013,
        start_date=dt.date(2013, 9, 1),
        end_date=dt.date(2014, 1, 20),
    )
    school_class = factories.SchoolClassFactory(school=school)
    factories.StudentFactory(
        school=school,
        school_class=school_class,
        enrolled_on=dt.date(2013, 9, 1),
        left_on=dt.date(2013, 12, 1),
    )
    factories.StudentFactory(
        school=school, school_class=school_class, enrolled_on=dt.date(2013, 9, 1)
    )

    result = registry.get("organization.students").evaluate(
        Scope.of_school(school), Period.year(2013)
    )

    assert (
        result.breakdown
        == {str(autumn): selectors.students_on(schools=[school.pk], day=autumn.end_date).count()}
        == {str(autumn): 1}
    )
