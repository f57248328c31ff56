"""Two schools: nothing of the teacher-development team's records of one is reachable from the
other, by page, by API, by export, by action or by file."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.teaching.models import LessonEvent, TrainingRecord
from qingshan.teaching.tests import factories as f
from qingshan.teaching.tests.factories import team_records
from tests.isolation import assert_record_pages_hide

MARK = "泄漏LEAK"
KEYS = ("group", "profile", "lesson", "training", "mentorship", "meeting")
API_KEYS = {
    "researchgroup": "group",
    "profile": "profile",
    "lesson": "lesson",
    "training": "training",
    "mentorship": "mentorship",
}


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    return user_with_role(Role.SCHOOL_ADMIN, school)


@pytest.mark.parametrize("key", KEYS)
def test_pages_and_exports_show_nothing_of_another_school(
    key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = team_records(other_school, MARK)[key]
    team_records(school)
    client = Client()
    client.force_login(admin)

    assert_record_pages_hide(client, "teaching", key, foreign, MARK)


@pytest.mark.parametrize("api_key", API_KEYS)
def test_api_shows_nothing_of_another_school(
    api_key: str, school: Any, other_school: Any, admin: Any
) -> None:
    foreign = team_records(other_school, MARK)[API_KEYS[api_key]]
    _token, raw = create_api_token(user=admin, name="isolation")
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    listing = client.get(f"/api/v1/teaching/{api_key}/")
    named = client.get(f"/api/v1/teaching/{api_key}/", {"school": other_school.slug})
    detail = client.get(f"/api/v1/teaching/{api_key}/{foreign.pk}/")
    patch = client.patch(
        f"/api/v1/teaching/{api_key}/{foreign.pk}/", {}, content_type="application/json"
    )

    assert (listing.status_code, named.status_code, detail.status_code, patch.status_code) == (
        200,
        403,
        404,
        404,
    )
    assert MARK not in listing.content.decode()


def test_actions_files_and_the_ledger_touch_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    foreign = team_records(other_school, MARK)
    f.profile(other_school, professional=True, staff=f.staff(other_school, name=MARK))
    client = Client()
    client.force_login(admin)
    lesson, training = foreign["lesson"], foreign["training"]

    actions = [
        client.post(reverse("teaching:lesson_file", args=[lesson.pk])),
        client.post(reverse("teaching:training_approve", args=[training.pk])),
        client.post(reverse("teaching:training_refuse", args=[training.pk]), {"reason": "x"}),
        client.post(reverse("teaching:training_done", args=[training.pk]), {"hours": "1"}),
        client.get(reverse("teaching:training_evidence", args=[training.pk])),
    ]
    ledger = client.get(reverse("teaching:practice"))

    assert [response.status_code for response in actions] == [404, 404, 404, 404, 404]
    assert ledger.status_code == 200 and MARK not in ledger.content.decode()
    assert LessonEvent.objects.get(pk=lesson.pk).commendation_id is None
    assert TrainingRecord.objects.get(pk=training.pk).status == "requested"


def test_the_observation_loop_shows_nothing_of_another_school(
    school: Any, other_school: Any, admin: Any
) -> None:
    """An observation, its deliberation, rubric, quota and teacher's portfolio of another school
    are not found by a leader of this one, by page, action, export, search or API."""
    import datetime as dt

    from qingshan.teaching.enums import QuotaGroup
    from qingshan.teaching.models import Deliberation, Observation, ObservationQuota
    from qingshan.teaching.tests.observation_factories import observation

    foreign = observation(other_school, topic=MARK)
    deliberation = Deliberation.objects.create(
        school=other_school,
        teacher=foreign.teacher,
        held_on=dt.date(2013, 10, 1),
        topic=MARK,
        conclusion=MARK,
    )
    quota = ObservationQuota.objects.create(
        school=other_school, term=foreign.term, group=QuotaGroup.TEACHER, periods=12
    )
    observation(school)
    client = Client()
    client.force_login(admin)

    pages = {
        "observation": reverse("teaching:observation_detail", args=[foreign.pk]),
        "score": reverse("teaching:observation_score", args=[foreign.pk]),
        "deliberation": reverse("teaching:deliberation_detail", args=[deliberation.pk]),
        "rubric": reverse("teaching:rubric_detail", args=[foreign.rubric.pk]),
        "quota": reverse("teaching:quota_detail", args=[quota.pk]),
        "portfolio": reverse("teaching:portfolio", args=[foreign.teacher.pk]),
        "portfolio_pdf": reverse("teaching:portfolio_pdf", args=[foreign.teacher.pk]),
    }
    assert {name: client.get(url).status_code for name, url in pages.items()} == dict.fromkeys(
        pages, 404
    )
    actions = {
        "review": client.post(
            reverse("teaching:observation_review", args=[foreign.pk]), {"review_level": "good"}
        ),
        "publish": client.post(reverse("teaching:rubric_publish", args=[foreign.rubric.pk])),
    }
    assert {name: response.status_code for name, response in actions.items()} == {
        "review": 404,
        "publish": 404,
    }
    for url in (
        reverse("teaching:observation_list"),
        reverse("teaching:observation_export") + "?format=csv",
        reverse("teaching:board") + f"?term={foreign.term.pk}",
    ):
        assert MARK not in client.get(url).content.decode("utf-8-sig")
    found = client.get(reverse("search"), {"q": MARK}).content.decode()
    assert foreign.get_absolute_url() not in found  # the query itself is echoed in the box
    _token, raw = create_api_token(user=admin, name="isolation")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    assert MARK not in api.get("/api/v1/teaching/observations/").content.decode()
    assert api.get(f"/api/v1/teaching/observations/{foreign.pk}/").status_code == 404
    assert api.get(f"/api/v1/teaching/board/?term={foreign.term.pk}").status_code == 404
    foreign.refresh_from_db()
    assert foreign.review_level == "" and Observation.objects.filter(school=school).count() == 1
