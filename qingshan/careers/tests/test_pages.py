"""Careers' pages as their users meet them: list pages read one row or three alike; the opt-out
of an alumnus holds in every list, search and export; pay and phones are masked for readers
without the right; the employment page gives the rates with their definitions."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.careers.models import Alumnus, FollowUpPoint
from qingshan.careers.services import alumni, enterprises, followups
from qingshan.careers.tests.factories import GRADUATION, Careers, careers

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(school: Any) -> Careers:
    return careers(school)


def _queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def _fill(place: Careers, count: int) -> None:
    """``count`` graduates, each with a destination, a follow-up, an order class, a branch
    member and an alumni entry; and as many enterprises and agreements."""
    FollowUpPoint.objects.get_or_create(school=place.school, months=6)
    graduates = place.graduate(count)
    for number, graduate in enumerate(graduates):
        company = place.enterprise(
            f"企业{len(place.graduates)}-{number}", serial=len(place.graduates) * 10 + number
        )
        agreement = enterprises.create_agreement(
            school=place.school,
            values={
                "enterprise": company,
                "title": "长期合作协议",
                "signed_on": dt.date(2015, 1, 1),
                "starts_on": dt.date(2015, 1, 1),
                "ends_on": dt.date(2018, 1, 1),
                "majors": [place.fruit.major],
            },
        )
        enterprises.create_order_class(
            school=place.school,
            values={
                "enterprise": company,
                "agreement": agreement,
                "name": f"订单班{number}",
                "starts_on": dt.date(2014, 9, 1),
                "ends_on": GRADUATION,
                "students": [graduate],
            },
        )
        place.employ(graduate, enterprise=company, employer="", salary=2600)
        alumni.give_consent(student=graduate, on=GRADUATION, values={"phone": "13900001234"})
        branch = alumni.create_branch(
            school=place.school,
            values={
                "name": f"深圳团支部{len(place.graduates)}-{number}",
                "region": "深圳",
                "founded_on": GRADUATION,
                "secretary": graduate,
            },
        )
        alumni.add_member(
            school=place.school,
            values={"branch": branch, "student": graduate, "joined_on": GRADUATION},
        )
    followups.schedule_follow_ups(school=place.school)


LISTS = (
    "careers:enterprise_list",
    "careers:agreement_list",
    "careers:orderclass_list",
    "careers:destination_list",
    "careers:alumnus_list",
    "careers:leaguebranch_list",
    "careers:branchmember_list",
    "careers:conversion",
    "careers:employment",
    "careers:employment_report",
    *(
        f"careers:{key}_export"
        for key in ("enterprise", "agreement", "orderclass", "destination", "alumnus")
    ),
    *(f"careers:{key}_export" for key in ("leaguebranch", "branchmember", "branchfeedback")),
)


def test_every_list_reads_one_row_or_three_alike(place: Careers, client_for: Any) -> None:
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    _fill(place, 1)
    one = {name: _queries(head, reverse(name)) for name in LISTS}
    one["followups"] = _queries(head, reverse("careers:followup_list") + "?show=all")
    _fill(place, 2)
    three = {name: _queries(head, reverse(name)) for name in LISTS}
    three["followups"] = _queries(head, reverse("careers:followup_list") + "?show=all")
    assert three == one


def test_an_alumnus_who_withdrew_appears_in_no_list_search_or_export(
    place: Careers, client_for: Any
) -> None:
    shown, withdrawn = place.graduate(2)
    Alumnus.objects.create(school=place.school, student=shown, consented_on=GRADUATION)
    entry = alumni.give_consent(student=withdrawn, on=GRADUATION)
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    withdrawing = head.post(reverse("careers:alumnus_withdraw", args=[entry.pk]), follow=True)
    assert "no longer appears in any list" in withdrawing.content.decode()

    listed = head.get(reverse("careers:alumnus_list"))
    exported = head.get(reverse("careers:alumnus_export") + "?format=csv")
    searched = head.get(reverse("search"), {"q": withdrawn.name})
    filtered = head.get(reverse("careers:alumnus_list"), {"q": withdrawn.name})
    assert withdrawn.name not in _body(listed) and withdrawn.name not in _body(exported)
    assert shown.name in _body(listed) and shown.name in _body(exported)
    groups = {str(group.kind): group.hits for group in searched.context["groups"]}
    assert "Alumni" not in groups  # the school's rolls still find the student; the alumni do not
    assert [
        hit.title
        for hit in head.get(reverse("search"), {"q": shown.name}).context["groups"][-1].hits
    ] == [shown.name]
    assert list(filtered.context["page"]) == []
    assert head.get(reverse("careers:alumnus_detail", args=[entry.pk])).status_code == 404
    # consent given again lists the graduate again
    alumni.give_consent(student=withdrawn, on=dt.date(2017, 1, 1))
    assert withdrawn.name in _body(head.get(reverse("careers:alumnus_list")))


def test_pay_and_phones_are_masked_for_readers_without_the_right(
    place: Careers, client_for: Any
) -> None:
    (graduate,) = place.graduate(1)
    destination = place.employ(graduate, starting_salary=2731)
    entry = alumni.give_consent(student=graduate, on=GRADUATION, values={"phone": "13912345678"})
    teacher, head = (
        client_for(Role.TEACHER, place.school),
        client_for(Role.DEPARTMENT_HEAD, place.school),
    )
    for client, shown in ((teacher, False), (head, True)):
        pages = [
            client.get(reverse("careers:destination_detail", args=[destination.pk])),
            client.get(reverse("careers:destination_export") + "?format=csv"),
            client.get(reverse("careers:alumnus_detail", args=[entry.pk])),
            client.get(reverse("careers:alumnus_export") + "?format=csv"),
        ]
        text = "".join(_body(page) for page in pages)
        assert ("2731" in text) is shown
        assert ("13912345678" in text) is shown


def test_the_employment_page_gives_the_rates_and_their_definitions(
    place: Careers, client_for: Any
) -> None:
    employed, _not_recorded = place.graduate(2)
    place.employ(employed)
    page = client_for(Role.TEACHER, place.school).get(reverse("careers:employment"))
    text = page.content.decode()
    assert page.context["year"] == GRADUATION.year
    assert 'id="employment-rate">50.0%' in text
    assert "counts as not employed" in text


def test_a_keeper_makes_a_link_shown_once_with_its_qr_code(place: Careers, client_for: Any) -> None:
    FollowUpPoint.objects.create(school=place.school, months=6, link_days=14)
    (graduate,) = place.graduate(1)
    place.employ(graduate)
    followups.schedule_follow_ups(school=place.school)
    follow_up = graduate.destinations.get().follow_ups.get()
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    page = head.post(reverse("careers:followup_link", args=[follow_up.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert "/careers/f/" in text and "data:image/svg+xml" in text
    follow_up.refresh_from_db()
    assert follow_up.link_expires_at is not None
    assert (follow_up.link_expires_at - timezone.now()).days == 13  # 14 days less a moment
    assert "/careers/f/" not in head.get(follow_up.get_absolute_url()).content.decode()


def test_a_phone_answer_is_recorded_on_the_follow_up_page(place: Careers, client_for: Any) -> None:
    FollowUpPoint.objects.create(school=place.school, months=6)
    (graduate,) = place.graduate(1)
    place.employ(graduate)
    followups.schedule_follow_ups(school=place.school)
    follow_up = graduate.destinations.get().follow_ups.get()
    head = client_for(Role.DEPARTMENT_HEAD, place.school)
    url = reverse("careers:followup_detail", args=[follow_up.pk])
    refused = head.post(
        url, {"kind": "unemployed", "employer": "仍在富士康", "answered_on": "2017-01-03"}
    )
    assert refused.status_code == 422
    done = head.post(
        url,
        {
            "kind": "enterprise",
            "employer": "深圳富士康",
            "still_with_employer": "true",
            "answered_on": "2017-01-03",
        },
    )
    assert done.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.answered_on, follow_up.still_with_employer) == (dt.date(2017, 1, 3), True)
    assert client_for(Role.TEACHER, place.school).post(url, {}).status_code == 405


def test_the_employment_report_gives_each_major_in_the_national_fields(
    place: Careers, client_for: Any
) -> None:
    working, studying, _not_recorded = place.graduate(3)
    place.employ(working, labour_contract=True, starting_salary=2600)
    place.employ(
        studying,
        kind="further_study",
        employer="某职业技术学院",
        starting_salary=None,
        channel="",
    )
    response = client_for(Role.TEACHER, place.school).get(
        reverse("careers:employment_report"), {"year": GRADUATION.year}
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row and "Graduates" in [str(cell) for cell in row])
    body = {
        row[0]: dict(zip(header, row, strict=False))
        for row in rows[rows.index(header) + 1 :]
        if row[0]
    }
    fruit = body["果树栽培"]
    assert (fruit["Graduates"], fruit["Employed"], fruit["Further study"]) == (3, 2, 1)
    assert (fruit["Destination not recorded"], fruit["Labour contract"]) == (1, 1)
    assert fruit["Mean starting salary (yuan a month)"] == 2600
    assert body["Total"]["Employment rate (%)"] == pytest.approx(66.67)


def test_an_alumnus_page_links_their_path_for_those_who_read_paths(
    place: Careers, client_for: Any
) -> None:
    (graduate,) = place.graduate(1)
    entry = alumni.give_consent(student=graduate, on=GRADUATION)
    url = reverse("careers:alumnus_detail", args=[entry.pk])
    path = reverse("students:path", args=[graduate.pk])
    assert path in client_for(Role.DEPARTMENT_HEAD, place.school).get(url).content.decode()
    assert path not in client_for(Role.TEACHER, place.school).get(url).content.decode()
