from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.organization.models import Department, SchoolClass, Staff
from tests import factories

FACTORIES = {
    "department": lambda school: factories.DepartmentFactory(
        school=school, head=factories.StaffFactory(school=school)
    ),
    "gradeteam": lambda school: factories.GradeTeamFactory(
        school=school, leader=factories.StaffFactory(school=school)
    ),
    "term": lambda school: factories.TermFactory(school=school),
    "major": lambda school: factories.MajorFactory(school=school),
    "schoolclass": lambda school: factories.SchoolClassFactory(
        school=school, head_teacher=factories.StaffFactory(school=school)
    ),
    "teachingassignment": lambda school: factories.TeachingAssignmentFactory(school=school),
    "staff": lambda school: factories.StaffFactory(
        school=school, department=factories.DepartmentFactory(school=school)
    ),
    "student": lambda school: factories.StudentFactory(school=school),
    "guardian": lambda school: factories.GuardianLinkFactory(school=school).guardian,
}


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", FACTORIES)
def test_list_page_query_count_does_not_grow_with_rows(
    key: str, school: Any, admin_client_for_school: Client
) -> None:
    url = reverse(f"organization:{key}_list")
    FACTORIES[key](school)
    _queries(admin_client_for_school, url)  # warm caches (content types, sessions)
    one_row = _queries(admin_client_for_school, url)

    FACTORIES[key](school)
    FACTORIES[key](school)
    three_rows = _queries(admin_client_for_school, url)

    assert one_row == three_rows


@pytest.mark.parametrize("key", FACTORIES)
def test_detail_page_shows_the_record(
    key: str, school: Any, admin_client_for_school: Client
) -> None:
    record = FACTORIES[key](school)

    response = admin_client_for_school.get(reverse(f"organization:{key}_detail", args=[record.pk]))

    assert response.status_code == 200
    assert str(record) in response.content.decode()


def test_list_filters_by_search_text(school: Any, admin_client_for_school: Client) -> None:
    factories.StaffFactory(school=school, name="张三丰")
    factories.StaffFactory(school=school, name="李四")

    response = admin_client_for_school.get(reverse("organization:staff_list"), {"q": "张三"})

    assert [record.name for record in response.context["page"]] == ["张三丰"]


def test_htmx_filter_request_gets_only_the_results_partial(
    school: Any, admin_client_for_school: Client
) -> None:
    factories.StaffFactory(school=school, name="张三丰")

    response = admin_client_for_school.get(
        reverse("organization:staff_list"), {"q": "张"}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert 'id="results"' in body
    assert "<html" not in body


def test_archived_records_are_hidden_until_asked_for(
    school: Any, admin_client_for_school: Client
) -> None:
    factories.DepartmentFactory(school=school, name="在用")
    archived = factories.DepartmentFactory(school=school, name="撤销")
    admin_client_for_school.post(reverse("organization:department_archive", args=[archived.pk]))

    current = admin_client_for_school.get(reverse("organization:department_list"))
    shown = admin_client_for_school.get(
        reverse("organization:department_list"), {"archive": "archived"}
    )

    assert [d.name for d in current.context["page"]] == ["在用"]
    assert [d.name for d in shown.context["page"]] == ["撤销"]


def test_admin_creates_a_department_through_the_form(
    school: Any, admin_client_for_school: Client
) -> None:
    response = admin_client_for_school.post(
        reverse("organization:department_create"), {"name": "教务处", "sort_order": 1}
    )

    department = Department.objects.get(school=school)
    assert response.status_code == 302
    assert response["Location"] == reverse("organization:department_detail", args=[department.pk])
    assert department.name == "教务处"


def test_form_with_bad_input_shows_errors_and_saves_nothing(
    school: Any, admin_client_for_school: Client
) -> None:
    grade_team = factories.GradeTeamFactory(school=school)

    response = admin_client_for_school.post(
        reverse("organization:schoolclass_create"),
        {
            "name": "1班",
            "grade_team": grade_team.pk,
            "entry_year": 2013,
            "track": "vocational",
            "length_years": 3,
        },
    )

    assert response.status_code == 422
    assert (
        "A vocational class needs a major; a general class has none." in response.content.decode()
    )
    assert SchoolClass.objects.count() == 0


def test_edit_changes_the_record(school: Any, admin_client_for_school: Client) -> None:
    staff = factories.StaffFactory(school=school, name="旧名")
    data = {
        "staff_no": staff.staff_no,
        "name": "新名",
        "gender": "female",
        "id_number": staff.id_number,
        "ethnicity": "汉族",
        "political_status": "masses",
        "title": "none",
        "hired_on": "2005-09-01",
    }

    response = admin_client_for_school.post(
        reverse("organization:staff_edit", args=[staff.pk]), data
    )

    staff.refresh_from_db()
    assert (response.status_code, staff.name) == (302, "新名")


def test_teacher_cannot_change_records(school: Any, client_for: Any) -> None:
    department = factories.DepartmentFactory(school=school)
    client = client_for(Role.TEACHER, school)

    create = client.post(reverse("organization:department_create"), {"name": "新部门"})
    archive = client.post(reverse("organization:department_archive", args=[department.pk]))

    assert (create.status_code, archive.status_code) == (403, 403)
    assert Department.objects.filter(school=school).count() == 1


def test_authority_viewer_reads_but_cannot_change(school: Any, client_for: Any) -> None:
    department = factories.DepartmentFactory(school=school, name="可读")
    client = client_for(Role.AUTHORITY_VIEWER, school)

    listing = client.get(reverse("organization:department_list"))
    archive = client.post(reverse("organization:department_archive", args=[department.pk]))

    assert "可读" in listing.content.decode()
    assert archive.status_code == 403


def test_teacher_sees_resident_id_numbers_masked(school: Any, client_for: Any) -> None:
    staff = factories.StaffFactory(school=school)
    teacher_page = (
        client_for(Role.TEACHER, school)
        .get(reverse("organization:staff_detail", args=[staff.pk]))
        .content.decode()
    )
    admin_page = (
        client_for(Role.SCHOOL_ADMIN, school)
        .get(reverse("organization:staff_detail", args=[staff.pk]))
        .content.decode()
    )

    assert staff.id_number not in teacher_page
    assert staff.id_number[:4] + "*" * 12 + staff.id_number[-2:] in teacher_page
    assert staff.id_number in admin_page


def test_export_neutralises_formulas(school: Any, admin_client_for_school: Client) -> None:
    factories.DepartmentFactory(
        school=school, name='=HYPERLINK("http://x")', description="@SUM(A1)"
    )

    response = admin_client_for_school.get(
        reverse("organization:department_export"), {"format": "csv"}
    )

    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'@SUM(A1)" in text


def test_guardian_is_linked_to_a_student_by_number(
    school: Any, admin_client_for_school: Client
) -> None:
    guardian = factories.GuardianFactory(school=school)
    student = factories.StudentFactory(school=school, student_no="2013001")

    admin_client_for_school.post(
        reverse("organization:guardian_link", args=[guardian.pk]),
        {"student_no": "2013001", "relation": "mother"},
    )

    assert list(guardian.students.all()) == [student]


def test_staff_record_links_back_to_its_department(
    school: Any, admin_client_for_school: Client
) -> None:
    department = factories.DepartmentFactory(school=school)
    factories.StaffFactory(school=school, department=department, name="在部门")

    page = admin_client_for_school.get(
        reverse("organization:department_detail", args=[department.pk])
    ).content.decode()

    assert "在部门" in page
    assert Staff.objects.filter(department=department).count() == 1
