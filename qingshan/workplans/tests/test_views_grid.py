"""Pages of the responsibility grid: the table, its check, the roster, copying a term, changes,
the import, and the grid's record forms with their own checks."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from qingshan.accounts.enums import Role
from qingshan.workplans.models import GridCell, GridException, Place, TimeSlot, WorkLine
from qingshan.workplans.services import grid as services
from qingshan.workplans.tests.support import CHINESE, messages_of
from tests.factories import StaffFactory, TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grid(school: Any) -> dict[str, Any]:
    """Autumn 2013 with two Monday posts of the safety line, one blank; autumn 2014 is empty."""
    term = TermFactory(school=school, school_year=2013)
    line = WorkLine.objects.create(school=school, name="安全")
    building = Place.objects.create(school=school, name="教学楼", kind="building")
    dorm = Place.objects.create(school=school, name="宿舍", kind="building")
    monday = TimeSlot.objects.create(
        school=school, term=term, weekday=0, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    tuesday = TimeSlot.objects.create(
        school=school, term=term, weekday=1, starts_at=dt.time(7), ends_at=dt.time(8)
    )
    person = StaffFactory(school=school, name="值班甲")
    cell = GridCell.objects.create(
        school=school, term=term, line=line, place=building, slot=monday, person=person
    )
    GridCell.objects.create(school=school, term=term, line=line, place=dorm, slot=monday)
    return {
        "term": term,
        "following": TermFactory(school=school, school_year=2014),
        "line": line,
        "place": building,
        "slots": (monday, tuesday),
        "cell": cell,
        "person": person,
    }


# --- the table and its check ------------------------------------------------------------------


def test_a_teacher_reads_the_terms_table(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid"), {"term": grid["term"].pk}
    )

    table = response.context["table"]
    assert (response.status_code, len(table.columns), len(table.rows)) == (200, 2, 2)
    assert response.context["can_manage"] is False


def test_the_table_shows_one_weekday_and_ignores_a_weekday_that_is_none(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    client = client_for(Role.TEACHER, school)

    tuesday = client.get(reverse("workplans:grid"), {"term": grid["term"].pk, "weekday": 1})
    nonsense = client.get(reverse("workplans:grid"), {"term": grid["term"].pk, "weekday": 9})

    assert [slot.weekday for slot in tuesday.context["table"].columns] == [1]
    assert [slot.weekday for slot in nonsense.context["table"].columns] == [0, 1]


def test_without_a_term_the_grid_says_so(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(reverse("workplans:grid"))

    assert (response.status_code, response.context["term"]) == (200, None)
    assert "table" not in response.context


def test_another_schools_term_is_not_found(school: Any, other_school: Any, client_for: Any) -> None:
    elsewhere = TermFactory(school=other_school)

    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid"), {"term": elsewhere.pk}
    )

    assert response.status_code == 404


def test_the_check_finds_the_blank_post(school: Any, grid: dict[str, Any], client_for: Any) -> None:
    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("workplans:grid_check"), {"term": grid["term"].pk}
    )

    check = response.context["check"]
    assert (check.required, check.covered) == (4, 1)
    assert check.counts["blank"] == 1


def test_the_check_without_a_term_has_nothing_to_check(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(reverse("workplans:grid_check"))

    assert (response.status_code, response.context["check"]) == (200, None)


@pytest.mark.parametrize("name", ["workplans:grid", "workplans:grid_check"])
def test_a_student_cannot_read_the_grid(school: Any, client_for: Any, name: str) -> None:
    assert client_for(Role.STUDENT, school).get(reverse(name)).status_code == 403


# --- the roster -------------------------------------------------------------------------------


def test_the_roster_downloads_as_excel(school: Any, grid: dict[str, Any], client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid_roster", args=["xlsx"]), {"term": grid["term"].pk}
    )

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert f"roster-{grid['term'].pk}.xlsx" in response["Content-Disposition"]
    assert [[str(value) for value in row[:3]] for row in rows[2:]] == [
        ["安全", "宿舍", "—"],
        ["安全", "教学楼", "值班甲"],
    ]


def test_without_a_term_the_roster_goes_back_to_the_grid(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid_roster", args=["xlsx"]), headers=CHINESE
    )

    assert response.url == reverse("workplans:grid")
    assert len(messages_of(response)) == 1


def test_a_student_cannot_download_the_roster(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.STUDENT, school).get(
        reverse("workplans:grid_roster", args=["xlsx"]), {"term": grid["term"].pk}
    )

    assert response.status_code == 403


# --- copying a term and its changes -----------------------------------------------------------


def test_the_administrator_copies_the_last_terms_grid(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse("workplans:grid_copy", args=[grid["following"].pk])

    page = client.get(url)
    response = client.post(url, {"source": grid["term"].pk, "keep_people": "on"})

    assert page.context["form"].initial["source"] == grid["term"]
    assert response.url == reverse("workplans:grid_changes", args=[grid["following"].pk])
    assert messages_of(response) == ["2 cells were copied; check what changed."]
    assert GridCell.objects.filter(term=grid["following"], person=grid["person"]).count() == 1


def test_copying_into_a_term_that_has_a_timetable_shows_the_refusal(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    services.copy_grid(source=grid["term"], target=grid["following"])

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:grid_copy", args=[grid["following"].pk]), {"source": grid["term"].pk}
    )

    assert response.status_code == 400
    assert len(response.context["form"].non_field_errors()) == 1
    assert GridCell.objects.filter(term=grid["following"]).count() == 2


def test_a_term_does_not_copy_from_itself(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:grid_copy", args=[grid["term"].pk]), {"source": grid["term"].pk}
    )

    assert (response.status_code, list(response.context["form"].errors)) == (400, ["source"])
    assert TimeSlot.objects.count() == 2


@pytest.mark.parametrize("role", [Role.DEPARTMENT_HEAD, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_copies_a_grid(
    school: Any, grid: dict[str, Any], client_for: Any, role: str
) -> None:
    response = client_for(role, school).post(
        reverse("workplans:grid_copy", args=[grid["following"].pk]), {"source": grid["term"].pk}
    )

    assert (response.status_code, GridCell.objects.filter(term=grid["following"]).count()) == (
        403,
        0,
    )


def test_the_changes_name_who_left_the_post(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    services.copy_grid(source=grid["term"], target=grid["following"])
    GridCell.objects.filter(term=grid["following"], person=grid["person"]).update(person=None)

    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid_changes", args=[grid["following"].pk])
    )

    assert response.context["previous"] == grid["term"]
    assert [(c.before, c.after) for c in response.context["changes"]] == [("值班甲", "")]


def test_the_first_term_has_no_changes(school: Any, grid: dict[str, Any], client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("workplans:grid_changes", args=[grid["term"].pk])
    )

    assert (response.context["previous"], response.context["changes"]) == (None, [])


# --- the import -------------------------------------------------------------------------------


def sheet(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    workbook.active.append(
        ["学年", "学期", "工作线", "地点", "星期", "开始时间", "结束时间", "工号", "备注"]
    )
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_administrator_checks_then_imports_a_grid(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    data = sheet([[2013, "1", "安全", "教学楼", "星期三", "07:00", "08:00", "", "待定"]])

    checked = client.post(
        reverse("workplans:import_start"),
        {"sheet": "grid", "file": SimpleUploadedFile("grid.xlsx", data)},
    )
    cells_after_check = GridCell.objects.count()
    imported = client.post(reverse("workplans:import_start"), {"action": "import"})

    assert (checked.status_code, checked.context["pending"], cells_after_check) == (200, True, 2)
    assert imported.url == reverse("workplans:import_start")
    assert GridCell.objects.count() == 3


def test_a_file_that_is_no_workbook_is_refused(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:import_start"),
        {"sheet": "grid", "file": SimpleUploadedFile("grid.txt", b"hello")},
    )

    assert list(response.context["form"].errors) == ["file"]
    assert GridCell.objects.count() == 0


def test_the_template_downloads_and_an_unknown_sheet_is_not_found(
    school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)

    template = client.get(reverse("workplans:import_template", args=["grid"]))
    unknown = client.get(reverse("workplans:import_template", args=["people"]))

    assert (template.status_code, template.content[:2], unknown.status_code) == (200, b"PK", 404)


@pytest.mark.parametrize("name", ["workplans:import_start", "workplans:import_template"])
def test_a_head_cannot_import_a_grid(school: Any, client_for: Any, name: str) -> None:
    args = ["grid"] if name.endswith("template") else []

    response = client_for(Role.DEPARTMENT_HEAD, school).get(reverse(name, args=args))

    assert response.status_code == 403


# --- the grid's records through their forms ---------------------------------------------------


def test_a_slot_made_on_its_page_keeps_its_lines(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:timeslot_create"),
        {
            "term": grid["term"].pk,
            "weekday": 2,
            "starts_at": "12:00",
            "ends_at": "13:00",
            "label": "午",
            "lines": [grid["line"].pk],
        },
    )

    slot = TimeSlot.objects.get(weekday=2)
    assert response.url == reverse("workplans:timeslot_detail", args=[slot.pk])
    assert list(slot.lines.all()) == [grid["line"]]


def test_a_slots_lines_are_changed_on_its_page(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    slot = grid["slots"][1]
    slot.lines.set([grid["line"]])

    client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:timeslot_edit", args=[slot.pk]),
        {"term": grid["term"].pk, "weekday": 1, "starts_at": "07:00", "ends_at": "09:00"},
    )

    slot.refresh_from_db()
    assert (slot.ends_at, list(slot.lines.all())) == (dt.time(9), [])


def test_a_cell_in_another_terms_slot_is_refused_on_its_page(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:gridcell_create"),
        {
            "term": grid["following"].pk,
            "line": grid["line"].pk,
            "place": grid["place"].pk,
            "slot": grid["slots"][1].pk,
        },
    )

    assert (response.status_code, list(response.context["form"].errors)) == (422, ["slot"])
    assert GridCell.objects.count() == 2


def test_a_substitution_on_the_wrong_weekday_is_refused_on_its_page(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:gridexception_create"),
        {
            "term": grid["term"].pk,
            "date": "2013-09-03",  # a Tuesday; the cell is held on Mondays
            "cell": grid["cell"].pk,
            "substitute": StaffFactory(school=school).pk,
        },
    )

    assert (response.status_code, list(response.context["form"].errors)) == (422, ["date"])
    assert GridException.objects.count() == 0


def test_the_administrator_changes_who_is_on_post(
    school: Any, grid: dict[str, Any], client_for: Any
) -> None:
    other = StaffFactory(school=school)
    cell = grid["cell"]

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("workplans:gridcell_edit", args=[cell.pk]),
        {
            "term": grid["term"].pk,
            "line": grid["line"].pk,
            "place": grid["place"].pk,
            "slot": grid["slots"][0].pk,
            "person": other.pk,
        },
    )

    cell.refresh_from_db()
    assert (response.status_code, cell.person) == (302, other)


def test_a_head_cannot_change_a_cell(school: Any, grid: dict[str, Any], client_for: Any) -> None:
    cell = grid["cell"]

    response = client_for(Role.DEPARTMENT_HEAD, school).post(
        reverse("workplans:gridcell_edit", args=[cell.pk]),
        {
            "term": grid["term"].pk,
            "line": grid["line"].pk,
            "place": grid["place"].pk,
            "slot": grid["slots"][0].pk,
            "person": "",
        },
    )

    cell.refresh_from_db()
    assert (response.status_code, cell.person) == (403, grid["person"])
