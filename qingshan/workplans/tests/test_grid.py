"""The responsibility grid's checks, term copy, changes, import and roster."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from qingshan.workplans.enums import GapKind
from qingshan.workplans.importers import GridImporter
from qingshan.workplans.models import GridCell, GridException, Leave, Place, TimeSlot, WorkLine
from qingshan.workplans.selectors.grid import check_grid, grid_table, term_changes
from qingshan.workplans.services import grid as services
from tests.factories import StaffFactory, TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grid(school: Any) -> dict[str, Any]:
    term = TermFactory(school=school, school_year=2013)
    safety = WorkLine.objects.create(school=school, name="安全")
    building = Place.objects.create(school=school, name="教学楼", kind="building")
    monday = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    tuesday = TimeSlot.objects.create(
        school=school, term=term, weekday=1, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    people = [StaffFactory(school=school) for _ in range(3)]
    for slot, person in ((monday, people[0]), (tuesday, people[1])):
        GridCell.objects.create(
            school=school, term=term, line=safety, place=building, slot=slot, person=person
        )
    return {
        "term": term,
        "line": safety,
        "place": building,
        "slots": (monday, tuesday),
        "people": people,
    }


def kinds(term: Any) -> list[str]:
    return sorted(gap.kind for gap in check_grid(term).gaps)


def test_a_full_grid_has_no_gaps_and_full_coverage(grid: dict[str, Any]) -> None:
    check = check_grid(grid["term"])
    assert (check.gaps, check.required, check.covered, check.coverage) == ([], 2, 2, 1.0)


def test_a_cell_without_a_person_is_a_blank(grid: dict[str, Any]) -> None:
    GridCell.objects.filter(slot=grid["slots"][1]).update(person=None)
    check = check_grid(grid["term"])
    assert (kinds(grid["term"]), check.covered, check.required) == ([GapKind.BLANK], 1, 2)


def test_a_slot_the_post_leaves_out_is_a_time_gap(grid: dict[str, Any], school: Any) -> None:
    TimeSlot.objects.create(
        school=school, term=grid["term"], weekday=2, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    assert kinds(grid["term"]) == [GapKind.TIME_GAP]


def test_a_slot_for_other_lines_only_is_no_time_gap(grid: dict[str, Any], school: Any) -> None:
    canteen = WorkLine.objects.create(school=school, name="食堂")
    slot = TimeSlot.objects.create(
        school=school, term=grid["term"], weekday=2, starts_at=dt.time(12), ends_at=dt.time(13)
    )
    slot.lines.set([canteen])
    assert kinds(grid["term"]) == []


def test_a_place_a_line_covering_every_place_misses_is_a_blind_zone(
    grid: dict[str, Any], school: Any
) -> None:
    WorkLine.objects.filter(pk=grid["line"].pk).update(covers_every_place=True)
    Place.objects.create(school=school, name="苗圃", kind="farm")
    check = check_grid(grid["term"])
    assert (kinds(grid["term"]), check.required) == ([GapKind.BLIND_ZONE], 4)


def test_one_person_in_two_overlapping_cells_is_double_booked(
    grid: dict[str, Any], school: Any
) -> None:
    other_place = Place.objects.create(school=school, name="宿舍", kind="building")
    overlapping = TimeSlot.objects.create(
        school=school, term=grid["term"], weekday=0, starts_at=dt.time(7, 30), ends_at=dt.time(9)
    )
    dorm = WorkLine.objects.create(school=school, name="宿舍")
    GridCell.objects.create(
        school=school,
        term=grid["term"],
        line=dorm,
        place=other_place,
        slot=overlapping,
        person=grid["people"][0],
    )
    overlapping.lines.set([dorm])
    grid["slots"][0].lines.set([grid["line"]])
    grid["slots"][1].lines.set([grid["line"]])
    assert kinds(grid["term"]) == [GapKind.DOUBLE_BOOKED]


def test_back_to_back_slots_are_not_double_booked(grid: dict[str, Any], school: Any) -> None:
    dorm = WorkLine.objects.create(school=school, name="宿舍")
    after = TimeSlot.objects.create(
        school=school, term=grid["term"], weekday=0, starts_at=dt.time(8), ends_at=dt.time(9)
    )
    after.lines.set([dorm])
    grid["slots"][0].lines.set([grid["line"]])
    grid["slots"][1].lines.set([grid["line"]])
    GridCell.objects.create(
        school=school,
        term=grid["term"],
        line=dorm,
        place=grid["place"],
        slot=after,
        person=grid["people"][0],
    )
    assert kinds(grid["term"]) == []


def test_on_post_while_on_leave_unless_a_holiday_or_a_substitute(
    grid: dict[str, Any], school: Any
) -> None:
    person = grid["people"][0]  # on post on Mondays
    Leave.objects.create(
        school=school, person=person, starts_on=dt.date(2013, 9, 30), ends_on=dt.date(2013, 10, 7)
    )
    found = [gap for gap in check_grid(grid["term"]).gaps if gap.kind == GapKind.ON_LEAVE]
    GridException.objects.create(school=school, term=grid["term"], date=dt.date(2013, 9, 30))
    cell = GridCell.objects.get(slot=grid["slots"][0])
    services.record_exception(
        school=school,
        values={
            "term": grid["term"],
            "date": dt.date(2013, 10, 7),
            "cell": cell,
            "substitute": grid["people"][2],
            "note": "",
        },
    )
    assert ([gap.detail for gap in found], kinds(grid["term"])) == (["09-30, 10-07"], [])


def test_a_leave_outside_the_term_does_not_count(grid: dict[str, Any], school: Any) -> None:
    Leave.objects.create(
        school=school,
        person=grid["people"][0],
        starts_on=dt.date(2013, 8, 1),
        ends_on=dt.date(2013, 8, 31),
    )
    assert kinds(grid["term"]) == []


def test_a_substitution_on_the_wrong_weekday_is_refused(grid: dict[str, Any], school: Any) -> None:
    cell = GridCell.objects.get(slot=grid["slots"][0])
    with pytest.raises(ValidationError):
        services.record_exception(
            school=school,
            values={
                "term": grid["term"],
                "date": dt.date(2013, 10, 8),
                "cell": cell,
                "substitute": grid["people"][2],
                "note": "",
            },
        )
    assert GridException.objects.count() == 0


def test_copying_a_term_carries_cells_and_blanks_people_who_left(
    grid: dict[str, Any], school: Any
) -> None:
    target = TermFactory(school=school, school_year=2014)
    gone = grid["people"][1]
    gone.left_on = dt.date(2014, 7, 1)
    gone.save()
    copied = services.copy_grid(source=grid["term"], target=target)
    people = sorted(
        str(cell.person) if cell.person else "" for cell in GridCell.objects.filter(term=target)
    )
    changes = term_changes(target, grid["term"])
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    logged = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(GridCell),
        object_id__in=GridCell.objects.filter(term=target).values("pk"),
    ).count()
    assert (copied, people, logged) == (2, ["", str(grid["people"][0])], 2)
    assert [(change.before, change.after) for change in changes] == [(str(gone), "")]


def test_copying_into_a_term_with_a_timetable_is_refused(grid: dict[str, Any], school: Any) -> None:
    with pytest.raises(ValidationError):
        services.copy_grid(source=grid["term"], target=grid["term"])
    target = TermFactory(school=school, school_year=2014)
    services.copy_grid(source=grid["term"], target=target)
    with pytest.raises(ValidationError):
        services.copy_grid(source=grid["term"], target=target)
    assert GridCell.objects.filter(term=target).count() == 2


def test_the_table_filters_by_weekday(grid: dict[str, Any], school: Any) -> None:
    table = grid_table(school, grid["term"], weekday=1)
    assert [str(slot) for slot in table.columns] == [str(grid["slots"][1])]
    assert [[str(cell.person) for cell in cells] for _l, _p, cells in table.rows] == [
        [str(grid["people"][1])]
    ]


def _sheet(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["学年", "学期", "工作线", "地点", "星期", "开始时间", "结束时间", "工号", "备注"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_grid_import_dry_run_then_write(grid: dict[str, Any], school: Any) -> None:
    person = grid["people"][2]
    data = _sheet(
        [
            [2013, "1", "安全", "教学楼", "星期三", "07:00", "08:00", person.staff_no, ""],
            [2013, "1", "安全", "教学楼", "星期四", "07:00", "08:00", "", "待定"],
        ]
    )
    dry = GridImporter(school).run(data, "grid.xlsx", dry_run=True)
    counts_after_dry = GridCell.objects.count()
    report = GridImporter(school).run(data, "grid.xlsx", dry_run=False)
    assert (dry.errors, dry.created, counts_after_dry) == ([], 2, 2)
    assert (report.written, GridCell.objects.count(), TimeSlot.objects.count()) == (True, 4, 4)
    assert kinds(grid["term"]) == [GapKind.BLANK]


def test_grid_import_with_one_bad_row_writes_nothing(grid: dict[str, Any], school: Any) -> None:
    data = _sheet(
        [
            [2013, "1", "安全", "教学楼", "星期三", "07:00", "08:00", "", ""],
            [2013, "1", "巡逻", "教学楼", "星期三", "09:00", "08:00", "NOBODY", ""],
            [2013, "1", "安全", "教学楼", "星期三", "07:00", "08:00", "", ""],
        ]
    )
    report = GridImporter(school).run(data, "grid.xlsx", dry_run=False)
    categories = sorted((error.row, error.category) for error in report.errors)
    assert (report.written, GridCell.objects.count(), TimeSlot.objects.count()) == (False, 2, 2)
    assert categories == [
        (3, "invalid"),
        (3, "reference"),
        (3, "reference"),
        (4, "duplicate"),
    ]


def test_roster_excel_has_a_row_per_post(grid: dict[str, Any], school: Any) -> None:
    from qingshan.workplans.exporters import roster_xlsx

    content = roster_xlsx(grid_table(school, grid["term"]), title="=cmd")
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "'=cmd"
    assert rows[2] == ["安全", "教学楼", str(grid["people"][0]), str(grid["people"][1])]
