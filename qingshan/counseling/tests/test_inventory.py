"""The data inventory, the yearly pack and the guardian's export (selectors and exporters)."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from qingshan.core.models import School
from qingshan.counseling.enums import IncidentKind, ReadReason
from qingshan.counseling.exporters import guardian_xlsx, pack_xlsx, sealed_note
from qingshan.counseling.models import Case, Incident
from qingshan.counseling.selectors.inventory import (
    Subject,
    holdings,
    inventory,
)
from qingshan.counseling.selectors.pack import (
    pack,
)
from qingshan.counseling.services import cases, retention
from qingshan.counseling.tests.factories import CALM, RED, Clinic, clinic
from qingshan.organization.models import Guardian, GuardianLink, Student
from qingshan.workplans.models import WorkSettings
from tests.factories import GuardianLinkFactory, StudentFactory

pytestmark = pytest.mark.django_db

NAME_A, NAME_B = "甄晓岚QX", "贾明远QZ"
CONCERN_A, CONCERN_B = "MARKER-A-7781 考试焦虑", "MARKER-B-9924 家庭矛盾"
NOTE_MARK = "READNOTE-5531"


def by_key() -> dict[str, object]:
    return {holding.key: holding for holding in holdings()}


def all_text(content: bytes) -> str:
    """Every XML part of a workbook, inflated and unescaped: what a reader of the file finds."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = (archive.read(name).decode("utf-8") for name in archive.namelist())
        return html.unescape("".join(parts))


def cells(content: bytes) -> dict[str, list[list[object]]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return {
        ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
        for ws in workbook.worksheets
    }


# --- the inventory ----------------------------------------------------------------------------


def test_inventory_finds_people_and_what_points_to_them() -> None:
    found = {holding.key: holding for holding in holdings()}
    student = found["organization.student"]
    assert Subject.STUDENTS in student and student.minors
    assert "resident ID number" in student.field_labels()
    assert Subject.GUARDIANS in found["organization.guardian"]
    assert Subject.STAFF in found["organization.staff"]
    placement = found["internships.placement"]
    assert placement.minors and "student" in placement.student_lookups
    assert found["careers.destination"].minors
    # through a record about a student: a session of a case, a week of a placement
    assert found["counseling.session"].student_lookups == ("case__student",)
    assert "placement__student" in found["internships.week"].student_lookups


def test_a_case_is_in_the_inventory_with_its_notes_reported_as_sealed() -> None:
    case = by_key()["counseling.case"]
    labels = case.field_labels()  # type: ignore[attr-defined]
    sealed = [label for label in labels if "sealed (encrypted at rest)" in label]
    assert len(sealed) == 2 and any(label.startswith("concern") for label in sealed)
    assert case.minors  # type: ignore[attr-defined]


def test_the_tenant_and_settings_are_not_personal() -> None:
    found = by_key()
    assert "organization.school" not in found
    assert WorkSettings._meta.label_lower not in found


def test_counts_are_of_the_school_only(school: School, other_school: School) -> None:
    StudentFactory.create_batch(2, school=school)
    StudentFactory.create_batch(3, school=other_school)
    GuardianLinkFactory(school=school)  # a third student, with a guardian
    here = clinic(school, mark="A")
    here.case(here.student())
    there = clinic(other_school, mark="B")
    there.case(there.student())
    there.case(there.student())
    rows = {line.holding.key: line.rows for line in inventory(school)}
    assert rows["organization.student"] == Student.objects.filter(school=school).count() == 4
    assert rows["organization.guardian"] == 1
    assert rows["counseling.case"] == 1
    assert rows["accounts.user"] == 2  # the counselor's and the head teacher's logins


def test_every_sealed_field_has_a_verbose_name() -> None:
    field = Case._meta.get_field("concern_sealed")
    assert str(field.verbose_name) != "concern sealed"


# --- the yearly pack --------------------------------------------------------------------------


def _closed_and_purged(place: Clinic) -> str:
    case = place.case(place.student(), concern="MARKER-PURGE-1207")
    cases.close_case(case=case, closed_on=timezone.localdate(), summary="MARKER-CLOSE-88")
    Case.objects.filter(pk=case.pk).update(retain_until=timezone.localdate() - dt.timedelta(1))
    retention.purge_due(school=place.school)
    return case.number


def _pack_clinic(school: School) -> tuple[Clinic, Case]:
    place = clinic(school)
    student = place.student(name=NAME_A)
    case = place.case(student, concern=CONCERN_A)
    cases.log_read(
        case=case, user=place.counselor_user, reason=ReadReason.COUNSELING, note=NOTE_MARK
    )
    cases.log_read(
        case=case,
        user=place.counselor_user,
        reason=ReadReason.BREAK_GLASS,
        note=f"{NAME_A} {NOTE_MARK} crisis at night",
        break_glass=True,
    )
    place.hand_in(student, CALM)
    return place, case


def test_the_pack_holds_the_reads_without_a_name_or_a_note(school: School) -> None:
    place, case = _pack_clinic(school)
    purged = _closed_and_purged(place)
    Incident.objects.create(
        school=school,
        kind=IncidentKind.LOSS,
        occurred_on=timezone.localdate(),
        found_on=timezone.localdate(),
        description="U盘丢失 INCIDENT-MARK",
        people_affected=30,
        minors_affected=25,
    )
    year = timezone.localdate().year
    content = pack_xlsx(pack(school, year), language="en")
    text = all_text(content)
    for secret in (NAME_A, CONCERN_A, NOTE_MARK, "MARKER-PURGE-1207", "MARKER-CLOSE-88"):
        assert secret not in text
    sheets = cells(content)
    assert list(sheets) == [
        "Summary",
        "Inventory",
        "Confidential reads",
        "Consents",
        "Retention",
        "Purges",
        "Incidents",
    ]
    reads = sheets["Confidential reads"]
    assert [row[0] for row in reads[1:]] == [case.number, case.number]
    assert [row[4] for row in reads[1:]] == ["no", "yes"]
    assert any(row[0] == purged for row in sheets["Purges"][1:])
    assert any("INCIDENT-MARK" in str(row[3]) for row in sheets["Incidents"][1:])
    summary = {row[0]: row[1] for row in sheets["Summary"][1:]}
    assert summary["Reads of counseling cases in the year"] == 2
    assert summary["of which break-glass reads"] == 1
    assert summary["Cases purged in the year"] == 1
    assert summary["Minors affected"] == 25
    assert summary["Screening sheets handed in with consent in the year"] == 1
    inventory_rows = {row[1]: row for row in sheets["Inventory"][1:]}
    assert inventory_rows["counseling cases"][3] == "yes"


def test_the_pack_counts_only_its_year_and_school(school: School, other_school: School) -> None:
    _pack_clinic(school)
    _pack_clinic(other_school)
    last_year = pack(school, timezone.localdate().year - 1).summary
    assert last_year.reads == 0 and last_year.sheets_handed_in == 0
    this_year = pack(school, timezone.localdate().year).summary
    assert this_year.reads == 2 and this_year.sheets_handed_in == 1


# --- the guardian's export --------------------------------------------------------------------


def _two_students(school: School) -> tuple[Clinic, Student, Student]:
    place = clinic(school)
    a = place.student(name=NAME_A, student_no="A-0001")
    b = place.student(name=NAME_B, student_no="B-0002", home_address="LEAK-ADDRESS-B")
    for student, guardian in ((a, "家长甲QX"), (b, "家长乙QZ")):
        GuardianLink.objects.create(
            school=school,
            guardian=Guardian.objects.create(school=school, name=guardian, phone="13900000000"),
            student=student,
            relation="mother",
        )
    place.student_user(a)
    place.hand_in(a, CALM)
    place.hand_in(b, RED)
    for student, concern in ((a, CONCERN_A), (b, CONCERN_B)):
        case = place.case(student, concern=concern)
        cases.log_read(case=case, user=place.counselor_user, reason="counseling", note=NOTE_MARK)
    return place, a, b


def test_the_guardian_export_holds_the_student_and_no_other(school: School) -> None:
    _place, a, _b = _two_students(school)
    content = guardian_xlsx(a, language="en", counseling=True)
    text = all_text(content)
    assert NAME_A in text and "家长甲QX" in text and "A-0001" in text
    for leak in (NAME_B, "家长乙QZ", "B-0002", "LEAK-ADDRESS-B", CONCERN_A, CONCERN_B, NOTE_MARK):
        assert leak not in text
    assert "pbkdf2" not in text and "argon2" not in text  # the login's password hash
    sheets = cells(content)
    about = sheets["About this export"]
    assert any("anonymous" in str(row[1]) for row in about)
    assert sealed_note() in text
    titles = " ".join(sheets)
    assert "counseling cases" in titles and "answer sheets" in titles and "users" in titles
    assert "alerts" not in titles  # b's red sheet raised one; a's calm sheet none


def test_an_export_made_without_the_counseling_room_tells_nothing_of_it(school: School) -> None:
    """The administrator makes the export: it must not tell that the student has a case or a
    screening sheet."""
    _place, _a, b = _two_students(school)
    content = guardian_xlsx(b, language="en", counseling=False)
    titles = " ".join(cells(content))
    assert NAME_B in all_text(content)
    for word in ("counseling cases", "answer sheets", "alerts", "case reads"):
        assert word not in titles
    assert "counselor answers for them" in all_text(content)


def test_the_other_students_export_is_theirs(school: School) -> None:
    _place, a, b = _two_students(school)
    text = all_text(guardian_xlsx(b, language="en", counseling=True))
    assert NAME_B in text and "LEAK-ADDRESS-B" in text and "家长乙QZ" in text
    assert NAME_A not in text and "家长甲QX" not in text and "A-0001" not in text
    assert "alerts" in " ".join(cells(guardian_xlsx(b, language="en", counseling=True)))
    assert a.pk != b.pk
