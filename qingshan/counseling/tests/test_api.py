"""/api/v1/counseling/: counselors only — every operation refused to every other role; a case
reached only by the counselors it names (404 for anyone else, in the school or not), its read
logged before its notes are shown, its list without notes; campaigns created, opened and closed,
alerts followed up once, bad input refused with nothing written; no sealed field in any schema;
the lists' queries the same for one row as for three."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.core.models import School
from qingshan.counseling.enums import CampaignState
from qingshan.counseling.models import Alert, Campaign, Case, CaseRead, Session
from qingshan.counseling.services import cases as case_services
from qingshan.counseling.services import screening
from qingshan.counseling.tests.factories import CALM, RED, Clinic, clinic, user_for
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/counseling"
NOTE = "凌晨失眠，提到不想活了"
SESSION_NOTE = "第二次谈话：家里父母离异"


def api(user: Any) -> Client:
    _token, raw = create_api_token(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def _fields(response: Any) -> dict[str, list[str]]:
    return dict(response.json()["error"]["fields"])


@pytest.fixture
def place(school: School) -> Clinic:
    return clinic(school)


def _red_alert(place: Clinic) -> Alert:
    sheet: Any = place.hand_in(place.student(), RED)
    return Alert.objects.get(sheet=sheet)


def _campaign_body(place: Clinic, **overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    body = {
        "name": "春季复查",
        "scale_id": place.scale.pk,
        "opens_on": str(today),
        "closes_on": str(today + dt.timedelta(days=7)),
        "class_ids": [place.school_class.pk],
    }
    return body | overrides


def _session_body(**overrides: Any) -> dict[str, Any]:
    starts = timezone.localtime() - dt.timedelta(minutes=1)
    body = {
        "kind": "session",
        "starts_at": starts.replace(tzinfo=None).isoformat(timespec="minutes"),
        "minutes": 45,
        "notes": SESSION_NOTE,
    }
    return body | overrides


# --- Who may call ------------------------------------------------------------------------------


def _operations(place: Clinic) -> list[tuple[str, str, dict[str, Any] | None]]:
    """Every operation of the counseling API, each with a body it would accept."""
    alert = _red_alert(place)
    case = place.case(concern=NOTE)
    draft = screening.create_campaign(
        school=place.school,
        values={
            "name": "草稿",
            "scale": place.scale,
            "opens_on": timezone.localdate(),
            "closes_on": timezone.localdate(),
            "counselor": place.counselor,
        },
    )
    today = str(timezone.localdate())
    return [
        ("get", reverse("api-v1:counseling_scale_list"), None),
        ("get", reverse("api-v1:counseling_scale_detail", args=[place.scale.pk]), None),
        ("get", reverse("api-v1:counseling_campaign_list"), None),
        ("get", reverse("api-v1:counseling_campaign_detail", args=[place.campaign.pk]), None),
        ("post", reverse("api-v1:counseling_campaign_create"), _campaign_body(place)),
        ("post", reverse("api-v1:counseling_campaign_open", args=[draft.pk]), None),
        ("post", reverse("api-v1:counseling_campaign_close", args=[place.campaign.pk]), None),
        ("get", reverse("api-v1:counseling_alert_list"), None),
        ("get", reverse("api-v1:counseling_alert_detail", args=[alert.pk]), None),
        (
            "post",
            reverse("api-v1:counseling_alert_follow_up", args=[alert.pk]),
            {"outcome": "watch", "interviewed_on": today},
        ),
        ("get", reverse("api-v1:counseling_case_list"), None),
        ("get", reverse("api-v1:counseling_case_detail", args=[case.pk]), None),
        ("post", reverse("api-v1:counseling_session_create", args=[case.pk]), _session_body()),
    ]


def _call(client: Client, method: str, url: str, body: dict[str, Any] | None) -> Any:
    return _post(client, url, body) if method == "post" else client.get(url)


def _state(place: Clinic) -> tuple[Any, ...]:
    return (
        Campaign.objects.count(),
        sorted(Campaign.objects.values_list("state", flat=True)),
        Alert.objects.filter(interviewed_on__isnull=True).count(),
        CaseRead.objects.count(),
        Session.objects.count(),
    )


NOT_COUNSELORS = [
    Role.SCHOOL_ADMIN,
    Role.SECRETARY,
    Role.DEPARTMENT_HEAD,
    Role.TEACHER,
    Role.STUDENT,
    Role.AUTHORITY_VIEWER,
]


@pytest.mark.parametrize("role", NOT_COUNSELORS)
def test_every_operation_is_refused_to_every_role_but_the_counselor(
    place: Clinic, user_with_role: Callable[..., Any], role: str
) -> None:
    operations = _operations(place)
    client = api(user_with_role(role, place.school))
    before = _state(place)

    statuses = {
        url: _call(client, method, url, body).status_code for method, url, body in operations
    }

    assert set(statuses.values()) == {403}, statuses
    assert _state(place) == before


def test_a_head_teacher_with_a_staff_record_is_refused_too(place: Clinic) -> None:
    operations = _operations(place)
    client = api(place.head_teacher_user)
    statuses = {_call(client, method, url, body).status_code for method, url, body in operations}
    assert statuses == {403}


def test_a_call_without_a_token_is_unauthenticated(place: Clinic) -> None:
    for method, url, body in _operations(place):
        assert _call(Client(), method, url, body).status_code == 401


def test_the_counselor_reaches_every_operation(place: Clinic) -> None:
    client = api(place.counselor_user)
    statuses = [
        _call(client, method, url, body).status_code for method, url, body in _operations(place)
    ]
    assert statuses == [200, 200, 200, 200, 201, 200, 200, 200, 200, 200, 200, 200, 201]


# --- Cases: only the counselors a case names ---------------------------------------------------


def test_another_counselor_of_the_school_finds_none_of_the_cases_not_theirs(
    place: Clinic,
) -> None:
    case = place.case(concern=NOTE)
    colleague = user_for(place.school, Role.COUNSELOR)
    StaffFactory(school=place.school, user=colleague)
    client = api(colleague)

    listed = client.get(f"{API}/cases/")
    read = client.get(f"{API}/cases/{case.pk}/")
    session = _post(client, f"{API}/cases/{case.pk}/sessions/", _session_body())

    assert (listed.status_code, listed.json()["count"]) == (200, 0)
    assert (read.status_code, session.status_code) == (404, 404)
    assert NOTE not in read.content.decode()
    assert not CaseRead.objects.exists() and not Session.objects.exists()


def test_a_counselor_added_to_a_case_reads_it(place: Clinic) -> None:
    case = place.case(concern=NOTE)
    colleague = user_for(place.school, Role.COUNSELOR)
    case_services.add_counselor(case=case, staff=StaffFactory(school=place.school, user=colleague))

    read = api(colleague).get(f"{API}/cases/{case.pk}/")

    assert (read.status_code, read.json()["concern"]) == (200, NOTE)


def test_a_counselor_without_a_staff_record_reaches_no_case(place: Clinic) -> None:
    case = place.case(concern=NOTE)
    client = api(user_for(place.school, Role.COUNSELOR))
    assert client.get(f"{API}/cases/").json()["count"] == 0
    assert client.get(f"{API}/cases/{case.pk}/").status_code == 404


def test_another_schools_counselor_reaches_nothing_of_this_school(
    place: Clinic, other_school: School
) -> None:
    case = place.case(concern=NOTE)
    alert = _red_alert(place)
    there = clinic(other_school, mark="外校")
    client = api(there.counselor_user)

    for url in (
        f"{API}/cases/{case.pk}/",
        f"{API}/alerts/{alert.pk}/",
        f"{API}/scales/{place.scale.pk}/",
        f"{API}/campaigns/{place.campaign.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert _post(client, f"{API}/cases/{case.pk}/sessions/", _session_body()).status_code == 404
    assert _post(client, f"{API}/campaigns/{place.campaign.pk}/close/").status_code == 404
    # naming this school outright is refused: the caller holds no role there
    assert client.get(f"{API}/cases/", {"school": place.school.slug}).status_code == 403
    assert client.get(f"{API}/cases/").json()["count"] == 0
    assert not CaseRead.objects.exists()
    assert Campaign.objects.get(pk=place.campaign.pk).state == CampaignState.OPEN


def test_reading_a_case_logs_one_read_and_shows_its_notes(place: Clinic) -> None:
    case = place.case(concern=NOTE)
    client = api(place.counselor_user)
    recorded = _post(client, f"{API}/cases/{case.pk}/sessions/", _session_body())
    assert not CaseRead.objects.exists()

    read = client.get(f"{API}/cases/{case.pk}/")

    assert read.status_code == 200, read.content
    body = read.json()
    assert (body["number"], body["concern"], body["state"]) == (case.number, NOTE, "open")
    assert [session["notes"] for session in body["sessions"]] == [SESSION_NOTE]
    assert body["sessions"][0]["id"] == recorded.json()["id"]
    assert body["counselors"] == [{"id": place.counselor.pk, "name": place.counselor.name}]
    log = CaseRead.objects.get()
    assert (log.case, log.reader, log.reason, log.break_glass) == (
        case,
        place.counselor_user,
        "counseling",
        False,
    )


def test_the_case_list_holds_no_note_and_logs_no_read(place: Clinic) -> None:
    case = place.case(concern=NOTE)
    client = api(place.counselor_user)
    _post(client, f"{API}/cases/{case.pk}/sessions/", _session_body())

    listed = client.get(f"{API}/cases/")

    assert listed.status_code == 200
    assert NOTE not in listed.content.decode() and SESSION_NOTE not in listed.content.decode()
    [row] = listed.json()["items"]
    assert row == {
        "id": case.pk,
        "number": case.number,
        "student_name": case.student.name,
        "state": "open",
        "opened_on": str(case.opened_on),
        "closed_on": None,
        "at_risk": False,
    }
    assert not CaseRead.objects.exists()


def test_a_session_is_recorded_on_the_school_clock_and_returned_without_its_notes(
    place: Clinic,
) -> None:
    case = place.case()
    body = _session_body()

    recorded = _post(api(place.counselor_user), f"{API}/cases/{case.pk}/sessions/", body)

    assert recorded.status_code == 201, recorded.content
    assert "notes" not in recorded.json() and SESSION_NOTE not in recorded.content.decode()
    session = Session.objects.get()
    local = timezone.localtime(session.starts_at).replace(tzinfo=None)
    assert local.isoformat(timespec="minutes") == body["starts_at"]
    assert (session.counselor, session.minutes, session.attended) == (place.counselor, 45, True)
    assert SESSION_NOTE.encode() not in bytes(session.notes_sealed)


@pytest.mark.parametrize(
    "overrides",
    [
        {"minutes": 1},
        {"kind": "party"},
        {"starts_at": (timezone.now() + dt.timedelta(days=2)).isoformat()},
        {"starts_at": "2001-01-01T10:00"},  # before the case opened
        {"starts_at": "yesterday"},
    ],
)
def test_a_bad_session_is_refused_and_nothing_is_written(
    place: Clinic, overrides: dict[str, Any]
) -> None:
    case = place.case()
    refused = _post(
        api(place.counselor_user), f"{API}/cases/{case.pk}/sessions/", _session_body(**overrides)
    )
    assert refused.status_code == 422, refused.content
    assert refused.json()["error"]["fields"]
    assert not Session.objects.exists()


def test_a_closed_case_takes_no_session(place: Clinic) -> None:
    case = place.case()
    case_services.close_case(case=case, closed_on=timezone.localdate(), summary="好转，结案")
    refused = _post(api(place.counselor_user), f"{API}/cases/{case.pk}/sessions/", _session_body())
    assert refused.status_code == 422
    assert _fields(refused) == {"__all__": ["This case is closed."]}
    assert not Session.objects.exists()


# --- Scales and campaigns ----------------------------------------------------------------------


def test_a_scale_is_read_with_its_factors_items_and_thresholds(place: Clinic) -> None:
    client = api(place.counselor_user)
    listed = client.get(f"{API}/scales/").json()
    read = client.get(f"{API}/scales/{place.scale.pk}/").json()

    assert [row["code"] for row in listed["items"]] == ["QS-MOOD"]
    assert [factor["code"] for factor in read["factors"]] == ["mood", "stress", "relations"]
    assert [item["number"] for item in read["items"]] == list(range(1, 15))
    validity = {item["number"]: item["valid_answers"] for item in read["items"] if item["validity"]}
    assert validity == {5: [1], 12: [4]}
    assert [item["number"] for item in read["items"] if item["reverse"]] == [7, 10, 11]
    assert {"factor": None, "grade": 3, "at_least": "42.00"} in read["thresholds"]
    assert read["labels"] == ["从不", "有时", "经常", "总是"]


def test_a_campaign_is_created_opened_and_closed(place: Clinic) -> None:
    client = api(place.counselor_user)

    created = _post(client, f"{API}/campaigns/", _campaign_body(place))
    assert created.status_code == 201, created.content
    body = created.json()
    pk = body["id"]
    assert (body["state"], body["class_ids"], body["counselor_id"]) == (
        "draft",
        [place.school_class.pk],
        place.counselor.pk,
    )
    assert (body["red_interview_days"], body["orange_interview_days"]) == (3, 14)

    opened = _post(client, f"{API}/campaigns/{pk}/open/")
    again = _post(client, f"{API}/campaigns/{pk}/open/")
    closed = _post(client, f"{API}/campaigns/{pk}/close/")
    closed_again = _post(client, f"{API}/campaigns/{pk}/close/")

    assert (opened.status_code, opened.json()["state"]) == (200, "open")
    assert again.status_code == 422
    assert (closed.status_code, closed.json()["state"]) == (200, "closed")
    assert _fields(closed_again) == {"__all__": ["Only an open campaign is closed."]}
    assert Campaign.objects.get(pk=pk).state == CampaignState.CLOSED


def test_a_campaign_is_read_with_its_coverage_per_class(place: Clinic) -> None:
    first, _second, _third = place.student(), place.student(), place.student()
    place.hand_in(first, CALM)

    read = api(place.counselor_user).get(f"{API}/campaigns/{place.campaign.pk}/")

    assert read.status_code == 200
    body = read.json()
    assert body["coverage"] == [
        {
            "class_id": place.school_class.pk,
            "class_name": place.school_class.name,
            "students": 3,
            "screened": 1,
            "missing": 2,
        }
    ]
    assert (body["students"], body["screened"], body["missing"]) == (3, 1, 2)


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        ({"closes_on": "2000-01-01"}, 422),  # closes before it opens
        ({"name": ""}, 422),
        ({"red_interview_days": -1}, 422),
        ({"opens_on": "not a day"}, 422),
        ({"scale_id": 999_999}, 404),
        ({"class_ids": [999_999]}, 404),
        ({"counselor_id": 999_999}, 404),
    ],
)
def test_a_bad_campaign_is_refused_and_nothing_is_written(
    place: Clinic, overrides: dict[str, Any], status: int
) -> None:
    before = Campaign.objects.count()
    refused = _post(
        api(place.counselor_user), f"{API}/campaigns/", _campaign_body(place, **overrides)
    )
    assert refused.status_code == status, refused.content
    assert Campaign.objects.count() == before


def test_a_campaign_names_no_class_of_another_school(place: Clinic, other_school: School) -> None:
    there = clinic(other_school, mark="外校")
    body = _campaign_body(place, class_ids=[there.school_class.pk])
    assert _post(api(place.counselor_user), f"{API}/campaigns/", body).status_code == 404
    assert Campaign.objects.filter(school=place.school).count() == 1


# --- Alerts ------------------------------------------------------------------------------------


def test_an_alert_is_followed_up_once(place: Clinic) -> None:
    alert = _red_alert(place)
    client = api(place.counselor_user)
    url = f"{API}/alerts/{alert.pk}/follow-up/"

    done = _post(client, url, {"outcome": "watch"})
    again = _post(client, url, {"outcome": "no_concern"})

    assert done.status_code == 200, done.content
    assert (done.json()["is_open"], done.json()["outcome"]) == (False, "watch")
    assert done.json()["interviewed_on"] == str(timezone.localdate())
    assert again.status_code == 422
    assert _fields(again) == {"__all__": ["This alert is followed up already."]}
    alert.refresh_from_db()
    assert (alert.outcome, alert.followed_up_by) == ("watch", place.counselor)


@pytest.mark.parametrize(
    "body",
    [
        {"outcome": "case"},  # a case was opened: which one?
        {"outcome": "shrug"},
        {"outcome": "watch", "interviewed_on": "2000-01-01"},  # before the alert
        {},
    ],
)
def test_a_bad_follow_up_is_refused_and_the_alert_stays_open(
    place: Clinic, body: dict[str, Any]
) -> None:
    alert = _red_alert(place)
    refused = _post(api(place.counselor_user), f"{API}/alerts/{alert.pk}/follow-up/", body)
    assert refused.status_code == 422, refused.content
    alert.refresh_from_db()
    assert alert.is_open


def test_a_follow_up_names_a_case_of_the_callers_own(place: Clinic) -> None:
    alert = _red_alert(place)
    case = case_services.open_case(
        school=place.school,
        student=alert.student,
        counselor=place.counselor,
        source="screening",
        concern=NOTE,
        alert=alert,
    )
    colleague = user_for(place.school, Role.COUNSELOR)
    StaffFactory(school=place.school, user=colleague)
    url = f"{API}/alerts/{alert.pk}/follow-up/"
    body = {"outcome": "case", "case_id": case.pk}

    assert _post(api(colleague), url, body).status_code == 404
    done = _post(api(place.counselor_user), url, body)

    assert (done.status_code, done.json()["outcome"]) == (200, "case")


def test_alerts_are_listed_all_or_open_only_and_read_with_scores(place: Clinic) -> None:
    followed, waiting = _red_alert(place), _red_alert(place)
    screening.follow_up(
        alert=followed, staff=place.counselor, outcome="watch", on=timezone.localdate()
    )
    client = api(place.counselor_user)

    every = client.get(f"{API}/alerts/").json()
    still_open = client.get(f"{API}/alerts/", {"open": "true"}).json()
    read = client.get(f"{API}/alerts/{waiting.pk}/")

    assert {row["id"] for row in every["items"]} == {followed.pk, waiting.pk}
    assert [row["id"] for row in still_open["items"]] == [waiting.pk]
    assert read.status_code == 200
    assert (read.json()["grade"], read.json()["scores"]["mood"]) == (3, "4.00")
    assert read.json()["student_name"] == waiting.student.name
    assert "answers" not in read.json()


# --- Schemas -----------------------------------------------------------------------------------


def test_no_schema_holds_a_sealed_value_a_key_or_an_answer(place: Clinic) -> None:
    schema = Client().get(reverse("api-v1:openapi-json")).json()
    counseling = {
        name: component
        for name, component in schema["components"]["schemas"].items()
        if name.startswith("Counseling")
    }
    assert "CounselingCaseDetailOut" in counseling
    properties = {
        prop for component in counseling.values() for prop in component.get("properties", {})
    }
    assert not {prop for prop in properties if "sealed" in prop or "key" in prop}
    assert "answers" not in properties and "link_expires_at" not in properties
    assert set(schema["components"]["schemas"]["CounselingCaseOut"]["properties"]) == {
        "id",
        "number",
        "student_name",
        "state",
        "opened_on",
        "closed_on",
        "at_risk",
    }


# --- Queries -----------------------------------------------------------------------------------


def _add_case(place: Clinic) -> None:
    case = place.case(concern=NOTE)
    case_services.record_session(
        case=case,
        counselor=place.counselor,
        kind="session",
        starts_at=timezone.localtime() - dt.timedelta(minutes=1),
        notes=SESSION_NOTE,
    )


def _add_alert(place: Clinic) -> None:
    _red_alert(place)


@pytest.mark.parametrize(
    ("plural", "add"), [("cases", _add_case), ("alerts", _add_alert)], ids=["cases", "alerts"]
)
def test_a_list_takes_as_many_queries_for_three_rows_as_for_one(
    place: Clinic, plural: str, add: Callable[[Clinic], None]
) -> None:
    client = api(place.counselor_user)
    url = f"{API}/{plural}/"
    add(place)
    assert client.get(url).status_code == 200  # the token's first use is recorded once

    def queries(rows: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.content
        assert response.json()["count"] == rows
        return len(captured)

    one = queries(1)
    add(place)
    add(place)
    assert queries(3) == one
    assert not CaseRead.objects.exists()
    assert Case.objects.count() == (3 if plural == "cases" else 0)


# --- The school's clock ------------------------------------------------------------------------


def _case_opened(place: Clinic, days_ago: int) -> Case:
    return case_services.open_case(
        school=place.school,
        student=place.student(),
        counselor=place.counselor,
        source="self",
        concern=NOTE,
        opened_on=timezone.localdate() - dt.timedelta(days=days_ago),
    )


def test_a_session_sent_in_utc_counts_on_the_schools_day(place: Clinic) -> None:
    case = _case_opened(place, 5)
    # 07:00 in Shanghai on the day the case opened is 23:00 UTC the day before
    early = dt.datetime.combine(case.opened_on, dt.time(7), tzinfo=timezone.get_current_timezone())
    body = _session_body(starts_at=early.astimezone(dt.UTC).isoformat())

    recorded = _post(api(place.counselor_user), f"{API}/cases/{case.pk}/sessions/", body)

    assert recorded.status_code == 201, recorded.content
    assert timezone.localtime(Session.objects.get().starts_at) == early


def test_the_session_service_reads_an_aware_time_on_the_schools_day(place: Clinic) -> None:
    case = _case_opened(place, 5)
    early = dt.datetime.combine(case.opened_on, dt.time(7), tzinfo=timezone.get_current_timezone())
    session = case_services.record_session(
        case=case, counselor=place.counselor, kind="session", starts_at=early.astimezone(dt.UTC)
    )
    assert session.starts_at == early


def test_a_follow_up_refuses_a_case_of_another_student(place: Clinic) -> None:
    alert = _red_alert(place)
    other = place.case(concern=NOTE)  # a case of another student
    with pytest.raises(ValidationError):
        screening.follow_up(
            alert=alert, staff=place.counselor, outcome="case", on=timezone.localdate(), case=other
        )
