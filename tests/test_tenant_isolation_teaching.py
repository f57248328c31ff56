"""Two schools: nothing of the teacher-development team's records of one is reachable from the
other, by page, by API, by export, by action or by file."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.teaching.models import LessonEvent, TrainingRecord
from qingshan.teaching.tests import factories as f
from qingshan.teaching.tests.factories import team_records

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

    listing = client.get(reverse(f"teaching:{key}_list"), {"archive": "all"})
    detail = client.get(reverse(f"teaching:{key}_detail", args=[foreign.pk]))
    edit = client.get(reverse(f"teaching:{key}_edit", args=[foreign.pk]))
    archive = client.post(reverse(f"teaching:{key}_archive", args=[foreign.pk]))
    export = client.get(reverse(f"teaching:{key}_export"), {"format": "xlsx"})
    csv_export = client.get(reverse(f"teaching:{key}_export"), {"format": "csv"})

    assert (listing.status_code, detail.status_code, edit.status_code, archive.status_code) == (
        200,
        404,
        404,
        404,
    )
    assert MARK not in listing.content.decode()
    book = openpyxl.load_workbook(io.BytesIO(export.content))
    cells = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]
    assert len(cells) > 1
    assert not [cell for cell in cells if MARK in cell]
    assert MARK not in csv_export.content.decode("utf-8-sig")
    foreign.refresh_from_db()
    assert foreign.archived_at is None


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
