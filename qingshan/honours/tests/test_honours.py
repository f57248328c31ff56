"""Honours: who keeps which honours, commendations of one person, stories linked to the people
they tell of, the figures by level, files served through the permission check."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.core.figures import Period, Scope, registry
from qingshan.honours import services
from qingshan.honours.models import Commendation, Honour, Story
from qingshan.honours.resources import RESOURCES
from qingshan.honours.tests import factories as f
from tests.party_factories import MemberFactory

pytestmark = pytest.mark.django_db

YEAR = Period.year(2013)
HONOUR = {
    "title": "先进基层党组织",
    "level": "county",
    "issuer": "中共县委",
    "awarded_on": "2013-06-28",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def _figure(key: str, school: Any) -> Any:
    return registry.get(key).evaluate(Scope.of_school(school), YEAR)


def test_honours_by_level_and_the_branch_commended(school: Any, other_school: Any) -> None:
    f.honour(school, level="province")
    f.honour(school, level="city")
    f.honour(school, level="city", awarded_on=dt.date(2012, 9, 10))
    for year in (2009, 2011, 2013):
        f.honour(school, recipient="branch", level="county", awarded_on=dt.date(year, 6, 28))
    f.honour(other_school, level="nation")

    honours = _figure("honours.honours", school)
    branch = _figure("honours.branch_commended", school)

    assert honours.value == 3
    assert honours.breakdown == {"county": 1, "city": 1, "province": 1, "nation": 0}
    assert _figure("honours.city", school).value == 1
    assert _figure("honours.nation", school).value == 0
    assert (branch.value, branch.breakdown) == (1, {"to_date": 3})


def test_members_commended_are_counted_once(school: Any) -> None:
    one, two = MemberFactory(school=school), MemberFactory(school=school)
    f.commendation(school, member=one)
    f.commendation(school, member=one, title="优秀党务工作者")
    f.commendation(school, member=two, awarded_on=dt.date(2011, 6, 28))
    f.commendation(school, person_name="校友")

    result = _figure("honours.members_commended", school)

    assert (result.value, result.breakdown) == (1, {"to_date": 2})


def test_a_commendation_names_one_person(school: Any) -> None:
    member = MemberFactory(school=school)
    values = {
        "title": "优秀共产党员",
        "level": "county",
        "issuer": "县委",
        "awarded_on": dt.date(2013, 6, 28),
    }

    with pytest.raises(ValidationError, match="once"):
        services.commend(school=school, values={**values, "member": member, "person_name": "甲"})
    with pytest.raises(ValidationError, match="once"):
        services.commend(school=school, values=values)
    services.commend(school=school, values={**values, "member": member})

    assert Commendation.objects.count() == 1


def test_a_story_of_a_commendation_is_linked_to_its_member(school: Any) -> None:
    member, other = MemberFactory(school=school), MemberFactory(school=school)
    commendation = f.commendation(school, member=member)
    values = {"title": "故事", "person_name": "甲", "told_on": dt.date(2013, 7, 1), "body": "事迹"}

    story = services.tell_story(school=school, values={**values, "commendation": commendation})
    with pytest.raises(ValidationError, match="commendation linked"):
        services.tell_story(
            school=school, values={**values, "commendation": commendation, "member": other}
        )

    assert story.member == member
    assert Story.objects.count() == 1


def test_the_recipient_follows_the_page(school: Any) -> None:
    branch = services.create_branch_honour(school=school, values={**HONOUR, "recipient": "school"})
    own = services.create_school_honour(school=school, values={**HONOUR, "recipient": "branch"})

    assert (branch.recipient, own.recipient) == ("branch", "school")
    services.update_school_honour(record=own, values={"recipient": "branch", "note": "x"})
    own.refresh_from_db()
    assert own.recipient == "school"


def test_the_secretary_keeps_the_branchs_honours_not_the_schools(
    school: Any, client_for: Any
) -> None:
    secretary = client_for(Role.SECRETARY, school)

    branch = secretary.post(reverse("honours:branchhonour_create"), HONOUR)
    school_page = secretary.post(reverse("honours:honour_create"), HONOUR)
    teacher = client_for(Role.TEACHER, school).post(reverse("honours:branchhonour_create"), HONOUR)

    assert (branch.status_code, school_page.status_code, teacher.status_code) == (302, 403, 403)
    assert Honour.objects.get().recipient == "branch"


def test_a_scan_is_checked_on_upload_and_served_to_readers_only(
    school: Any, client_for: Any
) -> None:
    admin = client_for(Role.SCHOOL_ADMIN, school)
    fake = SimpleUploadedFile("scan.pdf", b"MZ not a pdf", content_type="application/pdf")
    real = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan", content_type="application/pdf")

    refused = admin.post(reverse("honours:honour_create"), {**HONOUR, "certificate_scan": fake})
    made = admin.post(reverse("honours:honour_create"), {**HONOUR, "certificate_scan": real})
    honour = Honour.objects.get()
    url = reverse("honours:honour_scan", args=[honour.pk])
    read = client_for(Role.TEACHER, school).get(url)
    student = client_for(Role.STUDENT, school).get(url)

    assert (refused.status_code, made.status_code) == (422, 302)
    assert (read.status_code, student.status_code) == (200, 403)
    content = read.content
    read.close()
    assert content.startswith(b"%PDF")


def test_a_story_photo_is_an_image(school: Any, client_for: Any) -> None:
    secretary = client_for(Role.SECRETARY, school)
    values = {"title": "扎根山区", "person_name": "甲", "told_on": "2013-07-01", "body": "事迹"}

    pdf = secretary.post(
        reverse("honours:story_create"),
        {
            **values,
            "photo": SimpleUploadedFile("a.pdf", b"%PDF-1.4", content_type="application/pdf"),
        },
    )
    png = secretary.post(
        reverse("honours:story_create"),
        {**values, "photo": SimpleUploadedFile("a.png", PNG, content_type="image/png")},
    )
    story = Story.objects.get()
    page = secretary.get(reverse("honours:story_detail", args=[story.pk]))
    photo = secretary.get(reverse("honours:story_photo", args=[story.pk]))
    photo.close()

    assert (pdf.status_code, png.status_code, photo.status_code) == (422, 302, 200)
    assert reverse("honours:story_photo", args=[story.pk]) in page.content.decode()


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", [resource.key for resource in RESOURCES])
def test_list_pages_take_as_many_queries_for_one_row_as_for_three(
    key: str, school: Any, client_for: Any
) -> None:
    client = client_for(Role.SECRETARY, school)
    member = MemberFactory(school=school)
    f.honours_records(school)
    f.commendation(school, member=member)
    _count(client, reverse(f"honours:{key}_list"))
    one = _count(client, reverse(f"honours:{key}_list"))
    f.honours_records(school)
    f.honours_records(school)
    f.commendation(school, member=MemberFactory(school=school))

    assert _count(client, reverse(f"honours:{key}_list")) == one


def test_the_api_lists_and_refuses_by_role(school: Any, user_with_role: Any) -> None:
    _t, secretary = create_api_token(user=user_with_role(Role.SECRETARY, school), name="t")
    _t, teacher = create_api_token(user=user_with_role(Role.TEACHER, school), name="t")
    client = Client()
    body = {**HONOUR}

    made = client.post(
        "/api/v1/honours/branchhonour/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {secretary}"},
    )
    refused = client.post(
        "/api/v1/honours/honour/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {secretary}"},
    )
    listing = client.get(
        "/api/v1/honours/branchhonour/", headers={"Authorization": f"Bearer {teacher}"}
    )

    assert (made.status_code, refused.status_code) == (201, 403)
    assert listing.json()["count"] == 1
