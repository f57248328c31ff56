"""Two schools: no document of one is reachable from the other, by page, search, API or export."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.documents import services
from qingshan.documents.enums import DocumentStatus
from qingshan.documents.models import Document
from tests.factories import DepartmentFactory

MARK = "泄漏LEAK"
BASE = "/api/v1/documents/documents/"


def _issue(school: Any, title: str, **extra: Any) -> Document:
    return services.issue_document(
        school=school,
        values={
            "issuer": "school",
            "prefix": "通职中发",
            "title": title,
            "kind": "notice",
            "issued_on": dt.date(2013, 3, 1),
            "for_staff": True,
            "for_students": True,
            "body": f"{title}的正文",
            **extra,
        },
    )


@pytest.fixture
def foreign(other_school: Any) -> dict[str, Any]:
    document = _issue(other_school, f"{MARK}文件")
    attachment = services.attach_file(
        document=document, title=f"{MARK}附件", file=SimpleUploadedFile("a.txt", b"secret")
    )
    return {
        "document": document,
        "attachment": attachment,
        "department": DepartmentFactory(school=other_school, name=f"{MARK}部门"),
    }


@pytest.fixture
def admin(school: Any, user_with_role: Any) -> Any:
    _issue(school, "本校文件")
    return user_with_role(Role.SCHOOL_ADMIN, school)


def test_pages_search_and_export_show_nothing_of_another_school(
    foreign: dict[str, Any], admin: Any
) -> None:
    client = Client()
    client.force_login(admin)
    pk = foreign["document"].pk

    listing = client.get(reverse("documents:document_list"), {"archive": "all"}).content.decode()
    search = client.get(reverse("documents:document_list"), {"q": "泄漏"}).content.decode()
    export = client.get(reverse("documents:document_export"), {"archive": "all"})
    form = client.get(reverse("documents:document_create")).content.decode()
    statuses = [
        client.get(reverse("documents:document_detail", args=[pk])).status_code,
        client.get(reverse("documents:document_edit", args=[pk])).status_code,
        client.get(reverse("documents:document_revise", args=[pk])).status_code,
        client.post(
            reverse("documents:document_repeal", args=[pk]),
            {"reason": "x", "repealed_on": "2013-05-01"},
        ).status_code,
        client.post(reverse("documents:document_archive", args=[pk])).status_code,
        client.get(
            reverse("documents:attachment_file", args=[pk, foreign["attachment"].pk])
        ).status_code,
        client.post(
            reverse("documents:attachment_remove", args=[pk, foreign["attachment"].pk])
        ).status_code,
        client.post(
            reverse("documents:attachment_add", args=[pk]),
            {"title": "x", "file": SimpleUploadedFile("b.txt", b"x")},
        ).status_code,
    ]

    assert "本校文件" in listing
    assert MARK not in listing and MARK not in search and MARK not in form
    cells = [
        str(cell.value)
        for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows()
        for cell in row
    ]
    assert "本校文件" in cells and not [cell for cell in cells if MARK in cell]
    assert statuses == [404] * 8
    foreign["document"].refresh_from_db()
    assert (foreign["document"].status, foreign["document"].archived_at) == (
        DocumentStatus.IN_FORCE,
        None,
    )


def test_the_api_shows_nothing_of_another_school(
    other_school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    _token, raw = create_api_token(user=admin, name="isolation")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    pk = foreign["document"].pk

    listing = api.get(BASE, {"archived": "false"}).content.decode()
    search = api.get(BASE, {"q": "泄漏"}).content.decode()
    statuses = [
        api.get(BASE, {"school": other_school.slug}).status_code,
        api.get(f"{BASE}{pk}/").status_code,
        api.patch(f"{BASE}{pk}/", {"title": "x"}, content_type="application/json").status_code,
        api.post(
            f"{BASE}{pk}/revise/",
            {"title": "x", "kind": "notice", "issued_on": "2013-05-01", "audience": ["staff"]},
            content_type="application/json",
        ).status_code,
        api.post(
            f"{BASE}{pk}/repeal/",
            {"reason": "x", "repealed_on": "2013-05-01"},
            content_type="application/json",
        ).status_code,
        api.post(f"{BASE}{pk}/archive/").status_code,
        api.get(
            "/api/v1/documents/next-number/",
            {"issuer": "department", "department": foreign["department"].pk, "year": 2013},
        ).status_code,
    ]

    assert MARK not in listing and MARK not in search
    assert statuses == [403, 404, 404, 404, 404, 404, 404]


def test_references_to_another_schools_records_are_refused(
    school: Any, foreign: dict[str, Any], admin: Any
) -> None:
    client = Client()
    client.force_login(admin)
    _token, raw = create_api_token(user=admin, name="isolation")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    own = Document.objects.for_school(school).get()

    page = client.post(
        reverse("documents:document_create"),
        {
            "issuer": "department",
            "department": foreign["department"].pk,
            "title": "部门文件",
            "kind": "notice",
            "issued_on": "2013-05-01",
            "audience": ["staff"],
        },
    )
    by_api = api.post(
        BASE,
        {
            "issuer": "department",
            "department": foreign["department"].pk,
            "title": "部门文件",
            "kind": "notice",
            "issued_on": "2013-05-01",
            "audience": ["staff"],
        },
        content_type="application/json",
    )
    repeal = client.post(
        reverse("documents:document_repeal", args=[own.pk]),
        {"repealed_by": foreign["document"].pk},
    )
    api_repeal = api.post(
        f"{BASE}{own.pk}/repeal/",
        {"repealed_by": foreign["document"].pk},
        content_type="application/json",
    )

    assert (page.status_code, by_api.status_code) == (422, 422)
    assert "department" in by_api.json()["error"]["fields"]
    assert (repeal.status_code, api_repeal.status_code) == (422, 404)
    own.refresh_from_db()
    assert own.status == DocumentStatus.IN_FORCE
    assert Document.objects.for_school(school).count() == 1
