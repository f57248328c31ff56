"""Internships' pages as their users meet them: the lists read one row or three alike; pay and
the unit supervisor's phone are masked for readers without the right; a student sees their own
placement only; only the school supervisor reviews a journal; the unit supervisor's link is
shown once and never stored, and a used link is refused; the compliance board and its export
name the rule's article; the placement form and the import refuse what the rules refuse."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.internships.importers.sheets import PLACEMENT_SHEET
from qingshan.internships.models import Finding, Placement, Unit, Week
from qingshan.internships.rulesets import ruleset_of
from qingshan.internships.services import placements as placement_services
from qingshan.internships.services import timesheets, units
from qingshan.internships.tests.factories import END, SIXTEENTH_BIRTHDAY, START, Site, site
from qingshan.organization.models import Student
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PAY = Decimal("2731.45")
PHONE = "13912345678"


@pytest.fixture
def place(school: Any) -> Site:
    return site(school)


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _linked(user_with_role: Any, role: str, record: Any) -> Client:
    """A client signed in as a new user of ``role``, linked to the staff or student record."""
    user = user_with_role(role, record.school)
    record.user = user
    record.save(update_fields=["user"])
    return _signed_in(user)


def _text(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def _cells(response: Any) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]


def _queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _day(placement: Placement, day: dt.date = START) -> Week:
    values = {"day": day, "starts_at": dt.time(8), "ends_at": dt.time(17), "break_minutes": 60}
    return timesheets.log_day(placement=placement, values=values).week


def _handed_in(placement: Placement, day: dt.date = START) -> Week:
    return timesheets.hand_in_week(week=_day(placement, day), journal="剪枝、施肥，学会了嫁接。")


def _fill(place: Site, count: int) -> None:
    """``count`` units, each with production, works, and a placement without its agreement (a
    finding on the board) that has a visit and a week handed in."""
    for _ in range(count):
        unit = place.unit(f"实习基地{Unit.objects.count()}")
        units.record_production(
            school=place.school,
            values={
                "unit": unit,
                "period_start": dt.date(2024, 1, 1),
                "period_end": dt.date(2024, 3, 31),
                "output": "苹果",
                "quantity": Decimal(1000),
                "quantity_unit": "公斤",
                "revenue": Decimal(3000),
                "cost": Decimal(1000),
            },
        )
        units.record_works(
            school=place.school,
            values={
                "unit": unit,
                "title": f"道路{unit.pk}",
                "kind": "road",
                "started_on": START,
                "classes": [place.second_years],
            },
        )
        placement = place.place(unit=unit, agreement_signed_on=None)
        placement_services.record_visit(
            placement=placement,
            values={"visited_on": START + dt.timedelta(days=10), "visitor": place.teacher},
        )
        _handed_in(placement)


LISTS = (
    *(f"internships:{key}_list" for key in ("unit", "production", "works", "placement")),
    "internships:visit_list",
    "internships:compliance",
    "internships:week_list",
)


@pytest.mark.parametrize("name", LISTS)
def test_a_list_reads_one_row_or_three_alike(name: str, place: Site, user_with_role: Any) -> None:
    # the head supervises the placements: the week list's "mine" has rows too
    head = _linked(user_with_role, Role.DEPARTMENT_HEAD, place.teacher)
    _fill(place, 1)
    one = _queries(head, reverse(name))
    _fill(place, 2)
    three = _queries(head, reverse(name))
    assert len(head.get(reverse("internships:week_list")).context["mine"]) == 3
    assert three == one


# --- what each reader sees ------------------------------------------------------------------


def _keeper_and_teacher(place: Site, client_for: Any) -> tuple[Client, Client]:
    return client_for(Role.DEPARTMENT_HEAD, place.school), client_for(Role.TEACHER, place.school)


def test_a_teacher_sees_the_pay_and_the_unit_supervisors_phone_masked_and_a_keeper_in_full(
    place: Site, client_for: Any
) -> None:
    placement = place.place(
        monthly_pay=PAY, reference_wage=Decimal("3100.00"), unit_supervisor_phone=PHONE
    )
    keeper, teacher = _keeper_and_teacher(place, client_for)
    kept = _text(keeper.get(placement.get_absolute_url()))
    read = _text(teacher.get(placement.get_absolute_url()))
    assert PHONE in kept and str(PAY) in kept and "3100" in kept
    assert PHONE not in read
    assert "2731" not in read and "3100" not in read  # not even the yuan amount


def test_the_placement_export_masks_pay_and_phone_for_a_teacher(
    place: Site, client_for: Any
) -> None:
    place.place(monthly_pay=PAY, unit_supervisor_phone=PHONE)
    keeper, teacher = _keeper_and_teacher(place, client_for)
    url = reverse("internships:placement_export")
    kept = _text(keeper.get(url, {"format": "csv"}))
    read = _text(teacher.get(url, {"format": "csv"}))
    assert PHONE in kept and "2731" in kept
    assert PHONE not in read and "2731" not in read


def test_a_student_sees_only_their_own_placement_and_not_anothers_week(
    place: Site, user_with_role: Any
) -> None:
    mine = place.place()
    orchard = place.unit("邻村苗圃")
    theirs = place.place(unit=orchard, post="育苗")
    their_week = _handed_in(theirs)
    student = _linked(user_with_role, Role.STUDENT, mine.student)

    page = _text(student.get(reverse("internships:my")))
    assert place.farm.name in page and "果树管理" in page
    assert orchard.name not in page and "育苗" not in page
    assert reverse("internships:my_week", args=[their_week.pk]) not in page

    peeked = student.get(reverse("internships:my_week", args=[their_week.pk]))
    changed = student.post(
        reverse("internships:my_week", args=[their_week.pk]), {"journal": "改掉"}
    )
    logged = student.post(
        reverse("internships:my_day", args=[theirs.pk]),
        {"day": "2024-03-04", "starts_at": "08:00", "ends_at": "12:00", "break_minutes": "0"},
    )
    assert peeked.status_code in (403, 404) and changed.status_code in (403, 404)
    assert "剪枝" not in _text(peeked)
    assert logged.status_code == 403
    their_week.refresh_from_db()
    assert their_week.journal == "剪枝、施肥，学会了嫁接。"
    assert theirs.weeks.count() == 1


def test_another_students_week_is_forbidden_like_their_placement(
    place: Site, user_with_role: Any
) -> None:
    student = _linked(user_with_role, Role.STUDENT, place.place().student)
    their_week = _handed_in(place.place())
    assert student.get(reverse("internships:my_week", args=[their_week.pk])).status_code == 403


def test_the_school_supervisor_marks_a_journal_reviewed_and_another_teacher_cannot(
    place: Site, user_with_role: Any
) -> None:
    week = _handed_in(place.place())
    url = reverse("internships:week_detail", args=[week.pk])
    other = _linked(user_with_role, Role.TEACHER, StaffFactory(school=place.school))
    supervisor = _linked(user_with_role, Role.TEACHER, place.teacher)

    assert "Mark the journal as reviewed" not in _text(other.get(url))
    assert other.post(url, {"comment": "已阅"}).status_code == 403
    week.refresh_from_db()
    assert week.reviewed_on is None

    assert "Mark the journal as reviewed" in _text(supervisor.get(url))
    assert supervisor.post(url, {"comment": "很好"}).status_code == 302
    week.refresh_from_db()
    assert (week.reviewed_by, week.review_comment) == (place.teacher, "很好")
    assert 'id="reviewed"' in _text(supervisor.get(url))


# --- the unit supervisor's link ---------------------------------------------------------------


def _sheet_key(client: Client, week: Week) -> tuple[Any, str]:
    sheet = client.post(reverse("internships:week_sheet", args=[week.pk]))
    match = re.search(r"/internships/c/#k=([A-Za-z0-9_-]+)", _text(sheet))
    assert match, _text(sheet)
    return sheet, match.group(1)


def test_the_sheet_shows_the_link_once_and_the_school_keeps_only_its_hash(
    place: Site, user_with_role: Any
) -> None:
    week = _handed_in(place.place())
    supervisor = _linked(user_with_role, Role.TEACHER, place.teacher)
    assert "Print the sheet" in _text(supervisor.get(week.get_absolute_url()))
    sheet, key = _sheet_key(supervisor, week)
    assert sheet.status_code == 200 and sheet["Cache-Control"] == "no-store"
    assert "#k=" in _text(sheet) and "data:image/svg+xml" in _text(sheet)
    week.refresh_from_db()
    assert week.key_hash and week.key_hash != key and key not in week.key_hash
    assert week.link_expires_at is not None
    assert key not in _text(supervisor.get(week.get_absolute_url()))


def test_another_teacher_cannot_make_a_link_that_would_confirm_the_week(
    place: Site, user_with_role: Any
) -> None:
    week = _handed_in(place.place())
    other = _linked(user_with_role, Role.TEACHER, StaffFactory(school=place.school))
    assert "Print the sheet" not in _text(other.get(week.get_absolute_url()))
    assert other.post(reverse("internships:week_sheet", args=[week.pk])).status_code == 403
    week.refresh_from_db()
    assert week.key_hash == "" and week.link_expires_at is None


def _confirmation(week: Week, name: str = "王师傅") -> dict[str, Any]:
    return {
        "week": week.pk,
        f"w{week.pk}-confirmed_by": name,
        f"w{week.pk}-attendance": "5",
        f"w{week.pk}-skill": "4",
        f"w{week.pk}-comment": "踏实肯干",
    }


def test_the_confirm_pages_send_no_referrer_and_a_used_link_is_refused(
    place: Site, user_with_role: Any
) -> None:
    week = _handed_in(place.place())
    _sheet, key = _sheet_key(_linked(user_with_role, Role.TEACHER, place.teacher), week)
    phone = Client()
    exchanged = phone.post(reverse("internships:confirm_exchange"), {"key": key})
    home = phone.get(reverse("internships:confirm_home"))
    confirmed = phone.post(reverse("internships:confirm"), _confirmation(week))
    again = phone.post(reverse("internships:confirm"), _confirmation(week, "李师傅"))
    for response in (exchanged, home, confirmed, again):
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cache-Control"] == "no-store"
    assert (exchanged.status_code, home.status_code, confirmed.status_code) == (302, 200, 200)
    assert f'id="week-{week.pk}"' in _text(home)
    assert again.status_code == 409
    assert 'id="link-refusal"' in _text(again) and "confirmed already" in _text(again)
    week.refresh_from_db()
    assert (week.confirmed_by, week.attendance, week.skill) == ("王师傅", 5, 4)
    # the link opened again shows the refusal in place of the form
    reopened = Client()
    reopened.post(reverse("internships:confirm_exchange"), {"key": key})
    page = _text(reopened.get(reverse("internships:confirm_home")))
    assert "confirmed already" in page and "Confirm the week</button>" not in page


def test_an_unknown_key_is_not_found(client: Client) -> None:
    response = client.post(reverse("internships:confirm_exchange"), {"key": "x" * 22})
    assert response.status_code == 404
    assert response["Referrer-Policy"] == "same-origin"
    assert 'id="link-refusal"' in _text(response)
    assert "qs_supervisor" not in response.cookies


# --- the compliance board -------------------------------------------------------------------


def test_the_board_shows_a_placement_in_breach_and_its_export_names_the_rules_article(
    place: Site, client_for: Any
) -> None:
    breaching = place.place(agreement_signed_on=None)
    place.place()  # fully compliant
    article = str(ruleset_of(breaching).rules["agreement"].article)
    reader = client_for(Role.TEACHER, place.school)

    board = reader.get(reverse("internships:compliance"))
    text = _text(board)
    assert board.context["board"].placements == 2 and board.context["board"].compliant == 1
    assert article in text  # the open findings by rule
    assert breaching.get_absolute_url() in text  # missing papers
    export = reader.get(reverse("internships:compliance_export"))
    assert export.status_code == 200
    assert "spreadsheetml" in export["Content-Type"]
    rows = _cells(export)
    assert article in rows and breaching.student.name in rows


# --- the placement form and the import --------------------------------------------------------


def _form_data(place: Site, student: Student) -> dict[str, Any]:
    return {
        "student": student.pk,
        "unit": place.farm.pk,
        "kind": "post",
        "starts_on": START.isoformat(),
        "ends_on": END.isoformat(),
        "post": "果树管理",
        "matches_major": "on",
        "school_supervisor": place.teacher.pk,
        "unit_supervisor": "王师傅",
        "agreement_signed_on": "2024-02-20",
        "consent_signed_on": "2024-02-20",
        "insurer": "人保财险",
        "policy_no": "PICC-2024-009",
        "insured_from": START.isoformat(),
        "insured_until": END.isoformat(),
        "premium_payer": "school",
        "monthly_pay": "2000",
        "pay_basis": "same_post",
        "reference_wage": "2400",
        "pay_interval_days": "30",
        "paid_directly": "on",
        "fees_charged": "0",
        "post_staff": "1000",
    }


def test_the_placement_form_refuses_a_post_internship_of_a_fifteen_year_old(
    place: Site, client_for: Any
) -> None:
    fifteen = place.student(born=SIXTEENTH_BIRTHDAY + dt.timedelta(days=1))
    sixteen = place.student(born=SIXTEENTH_BIRTHDAY)
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    url = reverse("internships:placement_create")

    refused = head.post(url, _form_data(place, fifteen))
    assert refused.status_code == 422
    assert "article 16 (2)" in _text(refused)
    assert not Placement.objects.exists() and not Finding.objects.exists()

    added = head.post(url, _form_data(place, sixteen))
    assert added.status_code == 302, _text(added)
    assert Placement.objects.get().student == sixteen


def _workbook(place: Site, *students: Student) -> bytes:
    keys = (
        "student",
        "unit",
        "kind",
        "starts_on",
        "ends_on",
        "post",
        "school_supervisor",
        "unit_supervisor",
    )
    book = openpyxl.Workbook()
    book.active.append([PLACEMENT_SHEET.column(key).header_zh for key in keys])
    for student in students:
        book.active.append(
            [
                student.student_no,
                place.farm.name,
                "post",
                START.isoformat(),
                END.isoformat(),
                "果树管理",
                place.teacher.staff_no,
                "王师傅",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check(client: Client, data: bytes) -> Any:
    upload = SimpleUploadedFile("placements.xlsx", data)
    return client.post(
        reverse("internships:import_start"),
        {"action": "check", "sheet": PLACEMENT_SHEET.key, "file": upload},
    )


def test_the_import_page_dry_runs_a_placements_file_and_writes_on_confirmation(
    place: Site, client_for: Any
) -> None:
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    fifteen = place.student(born=SIXTEENTH_BIRTHDAY + dt.timedelta(days=1))

    bad = _check(head, _workbook(place, place.student(), fifteen))
    assert bad.status_code == 422 and "article 16 (2)" in _text(bad)
    checked = _check(head, _workbook(place, place.student()))
    assert checked.status_code == 200 and 'id="import-ready"' in _text(checked)
    assert not Placement.objects.exists()

    imported = head.post(reverse("internships:import_start"), {"action": "import"})
    assert imported.status_code == 302
    assert Placement.objects.count() == 1
