"""The dashboard, the figures page and the county roll-up: who sees them, for which year, and what
each role is shown as its own."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from qingshan.accounts.enums import Role
from qingshan.core.figures import registry
from qingshan.core.notices import NoticeKind
from tests.factories import (
    DepartmentFactory,
    SchoolFactory,
    StaffFactory,
    StudentFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- the dashboard ----------------------------------------------------------------------------


def test_a_student_sees_their_class_on_the_dashboard(school: Any, user_with_role: Any) -> None:
    user = user_with_role(Role.STUDENT, school)
    student = StudentFactory(school=school, user=user)
    client = Client()
    client.force_login(user)

    response = client.get(reverse("reports:dashboard"))

    assert (response.status_code, response.context["my_class"]) == (200, student.school_class)
    assert (response.context["my_assignments"], response.context["notices"]) == ([], [])


def test_a_teacher_sees_their_classes_on_the_dashboard(school: Any, user_with_role: Any) -> None:
    user = user_with_role(Role.TEACHER, school)
    assignment = TeachingAssignmentFactory(
        school=school, teacher=StaffFactory(school=school, user=user)
    )
    client = Client()
    client.force_login(user)

    response = client.get(reverse("reports:dashboard"))

    assert response.context["my_assignments"] == [assignment]
    assert response.context["my_class"] is None


@pytest.mark.usefixtures("school_in_session")
def test_the_secretary_is_shown_the_branchs_late_filings_only(school: Any, client_for: Any) -> None:
    DepartmentFactory(school=school)

    response = client_for(Role.SECRETARY, school).get(reverse("reports:dashboard"))

    late = [n.key for n in response.context["notices"] if n.kind == NoticeKind.FILING_OVERDUE]
    assert late and {key.split(":")[1] for key in late} == {"0"}  # 0: the branch


@pytest.mark.usefixtures("school_in_session")
def test_a_head_is_shown_their_own_departments_late_filings_only(
    school: Any, user_with_role: Any
) -> None:
    user = user_with_role(Role.DEPARTMENT_HEAD, school)
    own = DepartmentFactory(school=school, head=StaffFactory(school=school, user=user))
    DepartmentFactory(school=school)
    client = Client()
    client.force_login(user)

    response = client.get(reverse("reports:dashboard"))

    late = [n.key for n in response.context["notices"] if n.kind == NoticeKind.FILING_OVERDUE]
    assert late and {key.split(":")[1] for key in late} == {str(own.pk)}


def test_an_implausible_year_shows_the_latest_school_year(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:dashboard"), {"year": 1800}
    )

    assert response.context["year"] == timezone.localdate().year


def test_a_login_without_a_school_is_told_so(db: None) -> None:
    client = Client()
    client.force_login(UserFactory())

    response = client.get(reverse("reports:dashboard"))

    assert response.status_code == 403
    assert "reports/no_school.html" in [template.name for template in response.templates]


def test_a_stranger_is_sent_to_sign_in(school: Any) -> None:
    response = Client().get(reverse("reports:dashboard"))

    assert response.url.startswith(reverse("accounts:login"))


# --- the figures page -------------------------------------------------------------------------


def test_the_figures_page_has_a_row_per_figure_of_the_year_asked(
    school: Any, client_for: Any
) -> None:
    response = client_for(Role.SECRETARY, school).get(reverse("reports:figures"), {"year": 2013})

    assert (response.context["year"], len(response.context["rows"])) == (2013, len(registry.keys()))
    assert list(response.context["years"]) == list(range(2007, 2014))


def test_the_figures_page_shows_values_as_readers_write_them_and_no_codes(
    school: Any, client_for: Any
) -> None:
    StudentFactory(school=school)
    response = client_for(Role.SECRETARY, school).get(reverse("reports:figures"), {"year": 2013})
    page = response.content.decode()
    values = re.findall(r'<td class="num"><a href="[^"]*">([^<]*)</a>', page)
    shown = dict(zip([row["figure"].key for row in response.context["rows"]], values, strict=True))

    assert all(re.fullmatch(r"—|\d{1,3}(,\d{3})*(\.\d{1,2})?|\d+\.\d%", v) for v in values)
    assert shown["organization.students"] == "1"
    assert not any(f">{figure.key}<" in page for figure in registry)


@pytest.mark.parametrize("role", [Role.TEACHER, Role.DEPARTMENT_HEAD, Role.STUDENT])
def test_staff_without_the_figures_right_are_refused(
    school: Any, client_for: Any, role: str
) -> None:
    assert client_for(role, school).get(reverse("reports:figures")).status_code == 403


# --- the county -------------------------------------------------------------------------------


@pytest.fixture
def neighbour(school: Any) -> Any:
    """A second school of the same county."""
    return SchoolFactory(authority=school.authority, name="=HYPERLINK(1)", slug="neighbour")


def test_the_county_sees_its_own_schools_side_by_side(
    school: Any, other_school: Any, neighbour: Any, client_for: Any
) -> None:
    StudentFactory.create_batch(2, school=school)
    StudentFactory(school=neighbour)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("reports:county"), {"year": timezone.localdate().year}
    )

    students = next(row for row in response.context["rows"] if row.key == "organization.students")
    assert sorted(s.pk for s in response.context["schools"]) == sorted([school.pk, neighbour.pk])
    assert (students.total, sorted(students.by_school)) == (3, [1, 2])


def test_the_county_shows_last_year_unless_asked(school: Any, client_for: Any) -> None:
    response = client_for(Role.AUTHORITY_VIEWER, school).get(reverse("reports:county"))

    assert response.context["year"] == timezone.localdate().year - 1


def test_the_county_export_names_every_school_and_defuses_formulas(
    school: Any, neighbour: Any, client_for: Any
) -> None:
    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("reports:county_export"), {"year": 2013}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert (sheet.title, response["Content-Disposition"]) == (
        "2013",
        'attachment; filename="county-2013.xlsx"',
    )
    assert sorted(header[3:]) == sorted([school.name, "'=HYPERLINK(1)"])
    assert sheet.max_row == len(registry.keys()) + 1
    labels = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    students = labels[str(registry.get("organization.students").label)]
    assert students[1].value == "people" and students[2].number_format == "#,##0"


@pytest.mark.parametrize("name", ["reports:county", "reports:county_export"])
def test_a_schools_administrator_does_not_see_the_county(
    school: Any, client_for: Any, name: str
) -> None:
    assert client_for(Role.SCHOOL_ADMIN, school).get(reverse(name)).status_code == 403
