"""The pages of the yearly pack, the guardian's export and the incident register: who opens
them, bad input, and that every download is logged."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from qingshan.accounts.enums import Role
from qingshan.core.models import School
from qingshan.counseling.models import Incident
from qingshan.organization.models import Student
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

ClientFor = Callable[[str | None, School], Client]
PAGES = ("counseling:compliance", "counseling:guardian_export", "counseling:incident_list")
ALLOWED = (Role.SCHOOL_ADMIN, Role.COUNSELOR)
REFUSED = (
    Role.SECRETARY,
    Role.DEPARTMENT_HEAD,
    Role.TEACHER,
    Role.STUDENT,
    Role.AUTHORITY_VIEWER,
)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ALLOWED)
def test_keepers_open_the_pages(
    name: str, role: str, school: School, client_for: ClientFor
) -> None:
    assert client_for(role, school).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", REFUSED)
def test_others_are_refused(name: str, role: str, school: School, client_for: ClientFor) -> None:
    assert client_for(role, school).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", (*PAGES, "counseling:compliance_pack"))
def test_anonymous_is_sent_to_sign_in(name: str, school: School, client_for: ClientFor) -> None:
    assert client_for(None, school).get(reverse(name)).status_code == 302


@pytest.mark.parametrize("role", REFUSED)
def test_others_download_nothing(role: str, school: School, client_for: ClientFor) -> None:
    client = client_for(role, school)
    assert client.post(reverse("counseling:compliance_pack")).status_code == 403
    student = StudentFactory(school=school)
    url = reverse("counseling:guardian_export")
    assert client.post(url, {"student": student.pk}).status_code == 403


def test_the_page_shows_the_years_counts(school: School, client_for: ClientFor) -> None:
    year = timezone.localdate().year
    Incident.objects.create(
        school=school,
        kind="leak",
        occurred_on=timezone.localdate(),
        found_on=timezone.localdate(),
        description="名单外泄",
        people_affected=12,
        minors_affected=9,
    )
    response = client_for(Role.COUNSELOR, school).get(
        reverse("counseling:compliance"), {"year": year}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Personal-information incidents in the year" in page and 'id="download-pack"' in page
    assert '<td data-label="Count">9</td>' in page


@pytest.mark.parametrize("year", ("abc", "3000", "1800", "20 24"))
def test_a_bad_year_is_a_clear_error(year: str, school: School, client_for: ClientFor) -> None:
    client = client_for(Role.SCHOOL_ADMIN, school)
    response = client.get(reverse("counseling:compliance"), {"year": year})
    assert response.status_code == 400
    assert "The year must be a number from 1990 to 2100." in response.content.decode()
    download = client.post(f"{reverse('counseling:compliance_pack')}?year={year}")
    assert download.status_code == 400


def test_the_pack_downloads_and_is_logged(school: School, client_for: ClientFor) -> None:
    year = timezone.localdate().year
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        f"{reverse('counseling:compliance_pack')}?year={year}"
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames[0] == "Summary"
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(School), object_pk=str(school.pk)
    )
    logged = [entry for entry in entries if "compliance pack downloaded" in str(entry.changes)]
    assert len(logged) == 1
    assert logged[0].additional_data == {"school_id": school.pk}


def test_a_get_of_a_download_writes_nothing(school: School, client_for: ClientFor) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(reverse("counseling:compliance_pack"))
    assert response.status_code == 405
    assert not LogEntry.objects.filter(action=LogEntry.Action.UPDATE).exists()


def _export_log(student: Student) -> list[LogEntry]:
    """The log's entries of guardian exports of ``student``."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Student), object_pk=str(student.pk)
    )
    return [entry for entry in entries if "guardian export downloaded" in str(entry.changes)]


@pytest.mark.parametrize("by", ("student_no", "student"))
def test_the_guardian_export_downloads_and_is_logged(
    by: str, school: School, client_for: ClientFor
) -> None:
    student = StudentFactory(school=school, student_no="G-7001", name="盛夏QG")
    value = student.student_no if by == "student_no" else student.pk
    response = client_for(Role.COUNSELOR, school).post(
        reverse("counseling:guardian_export"), {by: value}
    )
    assert response.status_code == 200
    assert "G-7001" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames[0] == "About this export"
    assert len(_export_log(student)) == 1


@pytest.mark.parametrize(
    "data",
    ({"student_no": "NO-SUCH-1"}, {}, {"student": "999999"}, {"student": "abc"}),
)
def test_an_unknown_student_is_a_clear_error(
    data: dict[str, str], school: School, client_for: ClientFor
) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("counseling:guardian_export"), data
    )
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()


def test_another_schools_student_is_not_exported(
    school: School, other_school: School, client_for: ClientFor
) -> None:
    theirs = StudentFactory(school=other_school, student_no="OTHER-1")
    client = client_for(Role.SCHOOL_ADMIN, school)
    url = reverse("counseling:guardian_export")
    by_number = client.post(url, {"student_no": "OTHER-1"})
    assert by_number.status_code == 400
    assert "The school has no student with the number OTHER-1." in by_number.content.decode()
    assert client.post(url, {"student": theirs.pk}).status_code == 400
    assert _export_log(theirs) == []


def test_the_incident_register_keeps_incidents(school: School, client_for: ClientFor) -> None:
    client = client_for(Role.COUNSELOR, school)
    today = timezone.localdate().isoformat()
    values = {
        "kind": "loss",
        "occurred_on": today,
        "found_on": today,
        "description": "纸质名单遗失",
        "people_affected": "40",
        "minors_affected": "35",
        "measures": "",
        "reported_on": "",
    }
    response = client.post(reverse("counseling:incident_create"), values)
    assert response.status_code == 302
    incident = Incident.objects.get(school=school)
    assert client.get(reverse("counseling:incident_detail", args=[incident.pk])).status_code == 200
    assert client.get(reverse("counseling:incident_export")).status_code == 200
    wrong = client.post(reverse("counseling:incident_create"), values | {"minors_affected": "50"})
    assert wrong.status_code == 422
    assert Incident.objects.filter(school=school).count() == 1


def test_the_incident_list_is_the_schools(
    school: School, other_school: School, client_for: ClientFor
) -> None:
    for place, text in ((school, "OURS-INCIDENT"), (other_school, "THEIRS-INCIDENT")):
        Incident.objects.create(
            school=place,
            kind="leak",
            occurred_on=timezone.localdate(),
            found_on=timezone.localdate(),
            description=text,
        )
    client = client_for(Role.SCHOOL_ADMIN, school)
    theirs = Incident.objects.get(school=other_school)
    assert client.get(reverse("counseling:incident_detail", args=[theirs.pk])).status_code == 404
    export = client.get(reverse("counseling:incident_export")).content
    sheet = load_workbook(io.BytesIO(export), read_only=True).worksheets[0]
    texts = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert "OURS-INCIDENT" in texts and "THEIRS-INCIDENT" not in texts


@pytest.mark.parametrize(
    ("role", "holds_cases"), ((Role.SCHOOL_ADMIN, False), (Role.COUNSELOR, True))
)
def test_only_a_counselors_export_holds_the_counseling_room(
    role: str, holds_cases: bool, school: School, client_for: ClientFor
) -> None:
    from qingshan.counseling.tests.factories import clinic

    site = clinic(school)
    student = site.student(student_no="G-7002")
    site.case(student)
    response = client_for(role, school).post(
        reverse("counseling:guardian_export"), {"student_no": "G-7002"}
    )
    names = " ".join(load_workbook(io.BytesIO(response.content), read_only=True).sheetnames)
    assert ("counseling cases" in names) is holds_cases
