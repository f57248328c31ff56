"""Training pages: allowed and refused, a cohort's party group, the rates page, the import
page (dry run, then all or nothing), exports and the API masking personal data, query counts."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.trainings.models import Course, Enrolment, Trainee
from qingshan.trainings.resources import RESOURCES
from qingshan.trainings.tests import factories as f
from qingshan.trainings.tests.test_importers import ROSTER, ident, roster_row, workbook
from tests.party_factories import BranchFactory, MemberFactory

pytestmark = pytest.mark.django_db

COURSE = {
    "name": "电工培训",
    "trade": "电工",
    "hours": "160",
    "days": "20",
    "start_on": "2013-03-01",
    "end_on": "2013-03-20",
    "subsidy_per_head": "800",
}


def test_the_administrator_adds_a_course_and_a_teacher_only_reads(
    school: Any, client_for: Any
) -> None:
    admin, teacher = client_for(Role.SCHOOL_ADMIN, school), client_for(Role.TEACHER, school)

    refused = teacher.post(reverse("trainings:course_create"), COURSE)
    bad = admin.post(reverse("trainings:course_create"), {**COURSE, "end_on": "2013-02-01"})
    made = admin.post(reverse("trainings:course_create"), COURSE)
    course = Course.objects.get()
    page = teacher.get(reverse("trainings:course_detail", args=[course.pk]))

    assert (refused.status_code, bad.status_code, made.status_code) == (403, 422, 302)
    assert "end before it starts" in bad.content.decode()
    assert page.status_code == 200 and "电工培训" in page.content.decode()


def test_a_cohort_page_forms_its_party_group(school: Any, client_for: Any) -> None:
    BranchFactory(school=school)
    leader = MemberFactory(school=school, name="组长甲")
    cohort = f.cohort(school)
    f.enrolment(school, cohort, f.trainee(school, name="党员学员"), is_party_member=True)
    admin = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse("trainings:cohort_group", args=[cohort.pk])

    refused = client_for(Role.SECRETARY, school).post(url, {"leader": leader.pk})
    formed = admin.post(url, {"leader": leader.pk})
    again = admin.post(url, {"leader": leader.pk}, follow=True)
    page = admin.get(reverse("trainings:cohort_detail", args=[cohort.pk])).content.decode()

    assert (refused.status_code, formed.status_code) == (403, 302)
    assert "has a party group already" in again.content.decode()
    cohort.refresh_from_db()
    assert cohort.party_group.leader == leader
    assert "组长甲" in page and "党员学员" in page


def test_the_rates_page_groups_by_township_and_year(school: Any, client_for: Any) -> None:
    place = f.enrolment(school, trainee_record=f.trainee(school, township="沙溪镇"))
    f.certificate(school, place)
    f.follow_up(school, place)
    client = client_for(Role.DEPARTMENT_HEAD, school)

    page = client.get(reverse("trainings:rates"), {"by": "township", "year": "2013"})
    empty = client.get(reverse("trainings:rates"), {"by": "course", "year": "2012"})
    refused = client_for(Role.STUDENT, school).get(reverse("trainings:rates"))

    assert (page.status_code, refused.status_code) == (200, 403)
    assert "沙溪镇" in page.content.decode() and "100.0%" in page.content.decode()
    assert "No trainees yet." in empty.content.decode()


def test_the_import_page_checks_then_imports_all_or_nothing(school: Any, client_for: Any) -> None:
    f.cohort(school, name="一班")
    admin = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse("trainings:import_start")
    good = workbook(ROSTER, [roster_row("一班", 1), roster_row("一班", 2)])
    bad = workbook(ROSTER, [roster_row("一班", 1), roster_row("一班", 1)])

    refused = client_for(Role.TEACHER, school).get(url)
    template = admin.get(reverse("trainings:import_template", args=["trainee_roster"]))
    checked_bad = admin.post(
        url, {"sheet": "trainee_roster", "file": _upload("bad.xlsx", bad), "action": "check"}
    )
    checked = admin.post(
        url, {"sheet": "trainee_roster", "file": _upload("good.xlsx", good), "action": "check"}
    )
    assert Trainee.objects.count() == 0
    imported = admin.post(url, {"action": "import"})

    assert (refused.status_code, template.status_code, checked_bad.status_code) == (403, 200, 422)
    assert (checked.status_code, imported.status_code) == (200, 302)
    assert Enrolment.objects.count() == 2


def _upload(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _cells(response: Any) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]


def test_exports_mask_personal_data_without_rights(school: Any, client_for: Any) -> None:
    number = ident(7)
    f.trainee(school, id_number=number, phone="13912345678")
    url = reverse("trainings:trainee_export")

    full = _cells(client_for(Role.SCHOOL_ADMIN, school).get(url, {"format": "xlsx"}))
    masked = _cells(client_for(Role.TEACHER, school).get(url, {"format": "xlsx"}))
    page = client_for(Role.TEACHER, school).get(reverse("trainings:trainee_list")).content.decode()

    assert number in full and "13912345678" in full
    assert number not in masked and "13912345678" not in masked
    assert number[:4] + "*" * 12 + number[-2:] in masked
    assert number not in page


def test_the_trainee_page_masks_the_contact_without_rights(school: Any, client_for: Any) -> None:
    person = f.trainee(school, phone="13912345678")
    url = reverse("trainings:trainee_detail", args=[person.pk])

    teacher = client_for(Role.TEACHER, school).get(url).content.decode()
    admin = client_for(Role.SCHOOL_ADMIN, school).get(url).content.decode()

    assert "13912345678" not in teacher and "1391*****78" in teacher
    assert "13912345678" in admin and person.id_number in admin


def test_the_api_serves_trainees_only_with_personal_data_rights(
    school: Any, user_with_role: Any
) -> None:
    f.trainee(school)
    cohort = f.cohort(school)
    _t, admin = create_api_token(user=user_with_role(Role.SCHOOL_ADMIN, school), name="t")
    _t, teacher = create_api_token(user=user_with_role(Role.TEACHER, school), name="t")
    client = Client()

    def get(path: str, token: str, **query: Any) -> Any:
        return client.get(path, query, headers={"Authorization": f"Bearer {token}"})

    body = {"cohort": cohort.pk, "trainee": f.trainee(school).pk, "days_attended": 99}
    bad = client.post(
        "/api/v1/trainings/enrolment/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {admin}"},
    )
    made = client.post(
        "/api/v1/trainings/enrolment/",
        {**body, "days_attended": 10},
        content_type="application/json",
        headers={"Authorization": f"Bearer {admin}"},
    )

    assert get("/api/v1/trainings/trainee/", admin).json()["count"] == 2
    assert get("/api/v1/trainings/trainee/", teacher).status_code == 403
    assert get("/api/v1/trainings/course/", teacher).json()["count"] == 1
    assert (bad.status_code, made.status_code) == (422, 201)
    rates = get("/api/v1/trainings/rates/", teacher, by="course").json()
    assert rates[0]["enrolments"] == 1 and rates[0]["completion_share"] == 0.0


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", [resource.key for resource in RESOURCES])
def test_list_pages_take_as_many_queries_for_one_row_as_for_three(
    key: str, school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    f.training_records(school)
    _count(client, reverse(f"trainings:{key}_list"))
    one = _count(client, reverse(f"trainings:{key}_list"))
    f.training_records(school)
    f.training_records(school)

    assert _count(client, reverse(f"trainings:{key}_list")) == one


def test_the_rates_page_takes_as_many_queries_for_many_cohorts(
    school: Any, client_for: Any
) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    f.training_records(school)
    _count(client, reverse("trainings:rates"))
    one = _count(client, reverse("trainings:rates"))
    for _ in range(3):
        f.training_records(school)

    assert _count(client, reverse("trainings:rates")) == one
