"""Every refusal of the grid's services: cells, exceptions and copying a term."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qingshan.workplans.models import GridCell, GridException, Place, TimeSlot, WorkLine
from qingshan.workplans.services import grid as services
from tests.factories import StaffFactory, TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grid(school: Any) -> dict[str, Any]:
    """One term (autumn 2013) with a Monday slot and one staffed cell, and the term after it."""
    term = TermFactory(school=school, school_year=2013)
    line = WorkLine.objects.create(school=school, name="安全")
    place = Place.objects.create(school=school, name="教学楼", kind="building")
    slot = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    slot.lines.set([line])
    person = StaffFactory(school=school)
    cell = GridCell.objects.create(
        school=school, term=term, line=line, place=place, slot=slot, person=person
    )
    following = TermFactory(school=school, school_year=2014)
    return {
        "term": term,
        "line": line,
        "place": place,
        "slot": slot,
        "cell": cell,
        "person": person,
        "following": following,
    }


def cell_values(grid: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    values = {
        "term": grid["term"],
        "line": grid["line"],
        "place": Place.objects.create(school=grid["term"].school, name="宿舍", kind="building"),
        "slot": grid["slot"],
        "person": None,
        "note": "",
    }
    return values | overrides


def codes(error: pytest.ExceptionInfo[ValidationError]) -> list[str | None]:
    return [item.code for item in error.value.error_list]


def test_a_cell_is_placed_in_its_terms_timetable(school: Any, grid: dict[str, Any]) -> None:
    cell = services.place_cell(school=school, values=cell_values(grid, person=grid["person"]))

    assert (cell.term, cell.slot, cell.person) == (grid["term"], grid["slot"], grid["person"])


def test_a_cell_in_another_terms_slot_is_refused(school: Any, grid: dict[str, Any]) -> None:
    other_slot = TimeSlot.objects.create(
        school=school, term=grid["following"], weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )

    with pytest.raises(ValidationError) as error:
        services.place_cell(school=school, values=cell_values(grid, slot=other_slot))

    assert list(error.value.message_dict) == ["slot"]
    assert GridCell.objects.count() == 1


@pytest.mark.parametrize(
    ("left_on", "refused"), [(dt.date(2013, 8, 31), True), (dt.date(2013, 9, 1), False)]
)
def test_someone_who_left_before_the_term_is_not_put_on_post(
    school: Any, grid: dict[str, Any], left_on: dt.date, refused: bool
) -> None:
    leaver = StaffFactory(school=school, left_on=left_on)

    if refused:
        with pytest.raises(ValidationError) as error:
            services.place_cell(school=school, values=cell_values(grid, person=leaver))
        assert list(error.value.message_dict) == ["person"]
    else:
        services.place_cell(school=school, values=cell_values(grid, person=leaver))

    assert GridCell.objects.filter(person=leaver).count() == (0 if refused else 1)


def test_a_cell_is_not_moved_into_another_terms_slot(school: Any, grid: dict[str, Any]) -> None:
    other_slot = TimeSlot.objects.create(
        school=school, term=grid["following"], weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )

    with pytest.raises(ValidationError):
        services.change_cell(cell=grid["cell"], values={"slot": other_slot})

    grid["cell"].refresh_from_db()
    assert grid["cell"].slot == grid["slot"]


def test_a_holiday_inside_the_term_is_recorded(school: Any, grid: dict[str, Any]) -> None:
    holiday = services.record_exception(
        school=school,
        values={"term": grid["term"], "date": dt.date(2013, 10, 1), "note": "国庆节"},
    )

    assert (holiday.is_holiday, holiday.date) == (True, dt.date(2013, 10, 1))


@pytest.mark.parametrize("day", [dt.date(2013, 8, 31), dt.date(2014, 1, 21)])
def test_an_exception_outside_the_term_is_refused(
    school: Any, grid: dict[str, Any], day: dt.date
) -> None:
    with pytest.raises(ValidationError) as error:
        services.record_exception(school=school, values={"term": grid["term"], "date": day})

    assert list(error.value.message_dict) == ["date"]
    assert GridException.objects.count() == 0


def test_a_substitution_for_a_cell_of_another_term_is_refused(
    school: Any, grid: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as error:
        services.record_exception(
            school=school,
            values={
                "term": grid["following"],
                "date": dt.date(2014, 9, 1),
                "cell": grid["cell"],
                "substitute": StaffFactory(school=school),
            },
        )

    assert list(error.value.message_dict) == ["cell"]
    assert GridException.objects.count() == 0


def test_a_substitution_moved_to_another_weekday_is_refused(
    school: Any, grid: dict[str, Any]
) -> None:
    substitution = services.record_exception(
        school=school,
        values={
            "term": grid["term"],
            "date": dt.date(2013, 9, 2),  # a Monday
            "cell": grid["cell"],
            "substitute": StaffFactory(school=school),
        },
    )

    with pytest.raises(ValidationError):
        services.change_exception(exception=substitution, values={"date": dt.date(2013, 9, 3)})

    substitution.refresh_from_db()
    assert substitution.date == dt.date(2013, 9, 2)


def test_a_term_is_not_copied_from_another_school(
    school: Any, other_school: Any, grid: dict[str, Any]
) -> None:
    elsewhere = TermFactory(school=other_school, school_year=2014)

    with pytest.raises(ValidationError) as error:
        services.copy_grid(source=grid["term"], target=elsewhere)

    assert codes(error) == ["other_school"]
    assert TimeSlot.objects.filter(term=elsewhere).count() == 0


def test_a_term_without_a_grid_is_not_copied(school: Any, grid: dict[str, Any]) -> None:
    empty = TermFactory(school=school, school_year=2012)

    with pytest.raises(ValidationError) as error:
        services.copy_grid(source=empty, target=grid["following"])

    assert codes(error) == ["source_empty"]


def test_a_copy_without_the_people_leaves_every_cell_blank_and_keeps_the_slots_lines(
    school: Any, grid: dict[str, Any]
) -> None:
    copied = services.copy_grid(source=grid["term"], target=grid["following"], keep_people=False)

    cell = GridCell.objects.get(term=grid["following"])
    assert (copied, cell.person, cell.line, cell.place) == (1, None, grid["line"], grid["place"])
    assert list(cell.slot.lines.all()) == [grid["line"]]


def test_an_archived_cell_is_not_copied(school: Any, grid: dict[str, Any]) -> None:
    GridCell.objects.filter(pk=grid["cell"].pk).update(archived_at=timezone.now())

    copied = services.copy_grid(source=grid["term"], target=grid["following"])

    assert (copied, GridCell.objects.filter(term=grid["following"]).count()) == (0, 0)
    assert TimeSlot.objects.filter(term=grid["following"]).count() == 1
