"""Two schools: nothing of one school's internship units, production, works, placements, visits,
weeks or findings is reachable from the other, by page, export, action or search; and a unit
supervisor's link opens its own week only."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.internships.models import Placement, Week
from qingshan.internships.services import placements, timesheets
from qingshan.internships.tests.access_records import START, access_records
from qingshan.internships.views.confirm import COOKIE, COOKIE_SALT
from qingshan.organization.models import Staff
from tests.access.internships import RECORD_KEYS, RESOURCE_KEYS
from tests.isolation import assert_record_pages_hide

MARK = "泄漏LEAK"
OWN = "本校OWN"


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    """The administrator of the school, who is also its placement's school supervisor."""
    return user_with_role(Role.SCHOOL_ADMIN, school)


def _records(school: Any, mark: str) -> dict[str, Any]:
    """A school's records, with the week handed in and the placement missing its agreement:
    every internships page has a row of them to show."""
    found = access_records(school, mark)
    timesheets.hand_in_week(week=found["internships_week"], journal=f"{mark}周志")
    placements.update_placement(record=found["placement"], values={"agreement_signed_on": None})
    return found


@pytest.fixture
def foreign(other_school: Any) -> dict[str, Any]:
    return _records(other_school, MARK)


@pytest.fixture
def own(school: Any, admin: Any) -> dict[str, Any]:
    found = _records(school, OWN)
    Staff.objects.filter(school=school, name=f"{OWN}指导教师").update(user=admin)
    return found


@pytest.fixture
def reader(admin: Any) -> Client:
    client = Client()
    client.force_login(admin)
    return client


def _text(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def _cells(response: Any) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]


KEYS = list(RESOURCE_KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_record_pages_and_exports_show_nothing_of_another_school(
    key: str, foreign: dict[str, Any], own: dict[str, Any], reader: Client
) -> None:
    assert_record_pages_hide(reader, "internships", key, foreign[RECORD_KEYS.get(key, key)], MARK)


def test_another_schools_placement_is_not_listed_found_edited_or_archived(
    foreign: dict[str, Any], own: dict[str, Any], reader: Client
) -> None:
    """The placement's pages, one by one."""
    placement = foreign["placement"]
    listing = reader.get(reverse("internships:placement_list"), {"archive": "all"})
    statuses = [
        reader.get(reverse("internships:placement_detail", args=[placement.pk])).status_code,
        reader.get(reverse("internships:placement_edit", args=[placement.pk])).status_code,
        reader.post(reverse("internships:placement_archive", args=[placement.pk])).status_code,
    ]
    assert (listing.status_code, statuses) == (200, [404, 404, 404])
    assert MARK not in _text(listing) and f"{OWN}实习生" in _text(listing)
    placement.refresh_from_db()
    assert placement.archived_at is None


def test_the_board_weeks_and_search_show_only_the_schools_own(
    foreign: dict[str, Any], own: dict[str, Any], reader: Client
) -> None:
    pages = {
        "compliance": reader.get(reverse("internships:compliance")),
        "week_list": reader.get(reverse("internships:week_list")),
        "own_week": reader.get(
            reverse("internships:week_detail", args=[own["internships_week"].pk])
        ),
        "own_placement": reader.get(own["placement"].get_absolute_url()),
        "own_unit": reader.get(own["unit"].get_absolute_url()),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        assert MARK not in _text(page), name
    # the pages do show this school's own rows: the test would pass on empty pages otherwise
    assert f"{OWN}学校农场" in _text(pages["compliance"])
    assert f"{OWN}实习生" in _text(pages["week_list"])
    search = _text(reader.get(reverse("search"), {"q": MARK}))  # the query itself is echoed
    assert foreign["placement"].get_absolute_url() not in search
    assert foreign["unit"].get_absolute_url() not in search
    found = _text(reader.get(reverse("search"), {"q": "学校农场"}))
    assert own["unit"].get_absolute_url() in found
    assert foreign["unit"].get_absolute_url() not in found

    export = reader.get(reverse("internships:compliance_export"))
    cells = _cells(export)
    assert export.status_code == 200
    assert f"{OWN}实习生" in cells
    assert not [cell for cell in cells if MARK in cell]


def test_another_schools_week_placement_and_unit_are_not_found(
    foreign: dict[str, Any], own: dict[str, Any], reader: Client
) -> None:
    week, placement = foreign["internships_week"], foreign["placement"]
    responses = {
        "week": reader.get(reverse("internships:week_detail", args=[week.pk])),
        "review": reader.post(
            reverse("internships:week_detail", args=[week.pk]), {"comment": "看过"}
        ),
        "sheet": reader.post(reverse("internships:week_sheet", args=[week.pk])),
        "board of its unit": reader.get(
            reverse("internships:compliance"), {"unit": foreign["unit"].pk}
        ),
        "end": reader.post(
            reverse("internships:placement_end", args=[placement.pk]),
            {"ended_on": "2013-05-01", "note": "x"},
        ),
        "visit": reader.post(
            reverse("internships:placement_visit", args=[placement.pk]),
            {"visited_on": "2013-05-01"},
        ),
        "exception": reader.post(
            reverse("internships:placement_exception", args=[placement.pk]),
            {"rule": "agreement", "reason": "x"},
        ),
    }
    assert {name: response.status_code for name, response in responses.items()} == dict.fromkeys(
        responses, 404
    )
    week.refresh_from_db()
    assert (week.reviewed_on, week.key_hash) == (None, "")
    placement = Placement.objects.get(pk=placement.pk)
    assert placement.ended_on is None
    assert placement.visits.count() == 1 and not placement.exceptions.exists()


def _confirmation(week: Week) -> dict[str, Any]:
    return {"week": week.pk, f"w{week.pk}-confirmed_by": "王师傅", f"w{week.pk}-skill": "4"}


def test_a_unit_supervisors_link_reaches_its_own_week_only(
    foreign: dict[str, Any], own: dict[str, Any]
) -> None:
    mine = own["internships_week"]
    # another week of the same placement, and the other school's week, each with a live link
    later = timesheets.log_day(
        placement=own["placement"],
        values={
            "day": START + dt.timedelta(days=7),
            "starts_at": dt.time(8),
            "ends_at": dt.time(17),
            "break_minutes": 60,
        },
    ).week
    timesheets.issue_link(week=later)
    timesheets.issue_link(week=foreign["internships_week"])
    key = timesheets.issue_link(week=mine)
    supervisor = Client()
    assert supervisor.post(reverse("internships:confirm_exchange"), {"key": key}).status_code == 302

    home = _text(supervisor.get(reverse("internships:confirm_home")))
    assert f"{OWN}实习生" in home and MARK not in home
    assert f'id="week-{later.pk}"' not in home
    for other in (foreign["internships_week"], later):
        refused = supervisor.post(reverse("internships:confirm"), _confirmation(other))
        assert refused.status_code == 404
        other.refresh_from_db()
        assert other.confirmed_at is None
    done = supervisor.post(reverse("internships:confirm"), _confirmation(mine))
    assert done.status_code == 200 and 'id="confirmed"' in _text(done)


def test_a_cookie_naming_another_schools_week_with_this_weeks_hash_opens_nothing(
    foreign: dict[str, Any], own: dict[str, Any]
) -> None:
    timesheets.issue_link(week=own["internships_week"])
    theirs = foreign["internships_week"]
    timesheets.issue_link(week=theirs)
    mine = Week.objects.get(pk=own["internships_week"].pk)
    forger = Client()
    forger.cookies[COOKIE] = signing.dumps([[theirs.pk, mine.key_hash]], salt=COOKIE_SALT)
    home = _text(forger.get(reverse("internships:confirm_home")))
    assert MARK not in home and OWN not in home
    assert forger.post(reverse("internships:confirm"), _confirmation(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.confirmed_at is None
