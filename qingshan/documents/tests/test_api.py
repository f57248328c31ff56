"""/api/v1/documents/: reading with audience, search with highlight, writes by the keeper only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qingshan.accounts.enums import Role
from qingshan.documents.enums import Audience, DocumentStatus
from qingshan.documents.models import Attachment, Document

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]
BASE = "/api/v1/documents/documents/"


def _payload(**overrides: Any) -> dict[str, Any]:
    data = {
        "issuer": "school",
        "prefix": "通职中发",
        "title": "实训室安全管理规定",
        "kind": "regulation",
        "issued_on": "2013-05-02",
        "audience": ["staff", "students"],
        "body": "第一条 实训前检查设备。",
    }
    data.update(overrides)
    return data


def test_list_filters_and_searches_with_a_safe_highlight(issue: Issue, api_as: Any) -> None:
    issue(title="考勤办法", body="请假<script>须</script>提前办理。")
    issue(title="学习制度", body="每周学习。", kind="regulation")
    api = api_as(Role.TEACHER)

    everything = api.get(BASE).json()
    regulations = api.get(BASE, {"kind": "regulation"}).json()
    found = api.get(BASE, {"q": "请假"}).json()
    bad = api.get(BASE, {"kind": "poem"})

    assert everything["count"] == 2
    assert [row["title"] for row in regulations["items"]] == ["学习制度"]
    assert (
        found["items"][0]["highlight"]
        == "<mark>请假</mark>&lt;script&gt;须&lt;/script&gt;提前办理。"
    )
    assert everything["items"][0]["highlight"] is None
    assert bad.status_code == 422


def test_read_a_document_with_its_attachments(issue: Issue, api_as: Any) -> None:
    document = issue()
    Attachment.objects.create(
        school=document.school, document=document, title="表", file="documents/x.txt"
    )

    body = api_as(Role.TEACHER).get(f"{BASE}{document.pk}/").json()

    assert body["number"] == "通职中发〔2013〕1号"
    assert body["audience"] == ["staff"]
    assert body["attachments"][0]["url"].endswith(
        f"/documents/{document.pk}/attachments/{body['attachments'][0]['id']}/"
    )


def test_the_admin_creates_and_corrects_through_the_api(api_as: Any) -> None:
    api = api_as(Role.SCHOOL_ADMIN)

    created = api.post(BASE, _payload(), content_type="application/json")
    duplicate = api.post(BASE, _payload(sequence=1), content_type="application/json")
    patched = api.patch(
        f"{BASE}{created.json()['id']}/", {"title": "改过的标题"}, content_type="application/json"
    )

    assert created.status_code == 201 and created.json()["number"] == "通职中发〔2013〕1号"
    assert duplicate.status_code == 422
    assert "sequence" in duplicate.json()["error"]["fields"]
    assert patched.status_code == 200 and patched.json()["title"] == "改过的标题"
    assert patched.json()["audience"] == ["staff", "students"]


def test_bad_bodies_get_field_errors(api_as: Any) -> None:
    api = api_as(Role.SCHOOL_ADMIN)

    response = api.post(
        BASE, _payload(audience=[], kind="poem", issuer="school"), content_type="application/json"
    )

    assert response.status_code == 422
    assert {"audience", "kind"} <= set(response.json()["error"]["fields"])
    assert Document.objects.count() == 0


def test_writes_need_the_keeper_of_the_issuer(issue: Issue, api_as: Any) -> None:
    document = issue()

    by_secretary = api_as(Role.SECRETARY).post(BASE, _payload(), content_type="application/json")
    patch_by_secretary = api_as(Role.SECRETARY).patch(
        f"{BASE}{document.pk}/", {"title": "x"}, content_type="application/json"
    )
    by_teacher = api_as(Role.TEACHER).post(BASE, _payload(), content_type="application/json")
    by_viewer = api_as(Role.AUTHORITY_VIEWER).post(
        BASE, _payload(), content_type="application/json"
    )
    branch = api_as(Role.SECRETARY).post(
        BASE, _payload(issuer="branch"), content_type="application/json"
    )

    assert [
        by_secretary.status_code,
        patch_by_secretary.status_code,
        by_teacher.status_code,
        by_viewer.status_code,
        branch.status_code,
    ] == [403, 403, 403, 403, 201]


def test_revise_repeal_archive_and_restore(issue: Issue, api_as: Any) -> None:
    api = api_as(Role.SCHOOL_ADMIN)
    original = issue(issued_on=dt.date(2012, 3, 1))
    other = issue(issued_on=dt.date(2012, 4, 1), title="另一份")

    revision = api.post(
        f"{BASE}{original.pk}/revise/",
        {"title": "修订版", "kind": "measures", "issued_on": "2013-03-01", "audience": ["staff"]},
        content_type="application/json",
    )
    again = api.post(
        f"{BASE}{original.pk}/revise/",
        {"title": "再修订", "kind": "measures", "issued_on": "2013-04-01", "audience": ["staff"]},
        content_type="application/json",
    )
    repealed = api.post(
        f"{BASE}{other.pk}/repeal/",
        {"repealed_by": revision.json()["id"]},
        content_type="application/json",
    )
    archived = api.post(f"{BASE}{other.pk}/archive/")
    restored = api.post(f"{BASE}{other.pk}/restore/")

    original.refresh_from_db()
    assert revision.status_code == 201 and revision.json()["revises_id"] == original.pk
    assert original.status == DocumentStatus.REVISED
    assert again.status_code == 422
    assert repealed.status_code == 200 and repealed.json()["status"] == "repealed"
    assert archived.json()["archived_at"] is not None and restored.json()["archived_at"] is None


def test_attachments_and_next_number(school: Any, issue: Issue, api_as: Any) -> None:
    api = api_as(Role.SCHOOL_ADMIN)
    document = issue(sequence=6)

    added = api.post(
        f"{BASE}{document.pk}/attachments/",
        {"title": "样表", "file": SimpleUploadedFile("t.txt", b"ok")},
    )
    refused = api.post(
        f"{BASE}{document.pk}/attachments/", {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    number = api.get("/api/v1/documents/next-number/", {"issuer": "school", "year": 2013})
    not_theirs = api_as(Role.SECRETARY).get(
        "/api/v1/documents/next-number/", {"issuer": "school", "year": 2013}
    )

    assert added.status_code == 201 and added.json()["title"] == "样表"
    assert refused.status_code == 422
    assert number.json() == {
        "issuer": "school",
        "department_id": None,
        "year": 2013,
        "sequence": 7,
        "number": "通职中发〔2013〕7号",
    }
    assert not_theirs.status_code == 403


def test_a_student_reads_only_student_documents(issue: Issue, api_as: Any) -> None:
    issue(title="教职工文件", audience=[Audience.STAFF])
    issue(title="学生文件", audience=[Audience.STUDENTS])

    body = api_as(Role.STUDENT).get(BASE).json()

    assert [row["title"] for row in body["items"]] == ["学生文件"]
