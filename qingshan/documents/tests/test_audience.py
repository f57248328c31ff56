"""Who reads which document: by role and party membership, on pages, in the API, in search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.documents import selectors, services
from qingshan.documents.enums import Audience
from qingshan.documents.models import Document
from tests.factories import StaffFactory, StudentFactory
from tests.party_factories import MemberFactory

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]


@pytest.fixture
def addressed(issue: Issue) -> dict[str, Document]:
    """One document per audience, each with the word 通知 in its title and text."""
    return {
        audience: issue(title=f"{audience}通知", body=f"{audience}的通知正文", audience=[audience])
        for audience in Audience.values
    }


def _readable(school: Any, user: Any) -> set[str]:
    return {
        document.title.removesuffix("通知")
        for document in selectors.readable_documents(school=school, user=user)
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.SCHOOL_ADMIN, set(Audience.values)),
        (Role.SECRETARY, set(Audience.values)),
        (Role.AUTHORITY_VIEWER, set(Audience.values)),
        (Role.DEPARTMENT_HEAD, {Audience.STAFF, Audience.CADRES}),
        (Role.TEACHER, {Audience.STAFF}),
        (Role.COUNSELOR, {Audience.STAFF}),
        (Role.STUDENT, {Audience.STUDENTS}),
    ],
)
def test_each_role_reads_the_documents_addressed_to_it(
    school: Any, addressed: Any, user_with_role: Any, role: str, expected: set[str]
) -> None:
    assert _readable(school, user_with_role(role, school)) == expected


def test_a_teacher_who_is_a_party_member_reads_party_documents(
    school: Any, addressed: Any, user_with_role: Any
) -> None:
    teacher = user_with_role(Role.TEACHER, school)
    MemberFactory(school=school, staff=StaffFactory(school=school, user=teacher))

    assert _readable(school, teacher) == {Audience.STAFF, Audience.PARTY_MEMBERS}


def test_a_student_party_member_reads_party_documents_but_not_staff_ones(
    school: Any, addressed: Any, user_with_role: Any
) -> None:
    student = user_with_role(Role.STUDENT, school)
    MemberFactory(school=school, student=StudentFactory(school=school, user=student))

    assert _readable(school, student) == {Audience.STUDENTS, Audience.PARTY_MEMBERS}


def test_a_former_party_member_no_longer_reads_party_documents(
    school: Any, addressed: Any, user_with_role: Any
) -> None:
    teacher = user_with_role(Role.TEACHER, school)
    MemberFactory(
        school=school, staff=StaffFactory(school=school, user=teacher), status="transferred_out"
    )

    assert _readable(school, teacher) == {Audience.STAFF}


def test_readers_do_not_see_archived_documents_managers_do(
    school: Any, issue: Issue, user_with_role: Any
) -> None:
    services.archive_document(document=issue(title="已归档", audience=[Audience.STAFF]))

    teacher = selectors.readable_documents(school=school, user=user_with_role(Role.TEACHER, school))
    admin = selectors.readable_documents(
        school=school, user=user_with_role(Role.SCHOOL_ADMIN, school)
    )

    assert (teacher.count(), admin.count()) == (0, 1)


def test_a_student_never_sees_a_staff_document_by_page_search_api_or_attachment(
    school: Any, addressed: Any, client_as: Any, api_as: Any
) -> None:
    staff_only = addressed[Audience.STAFF]
    attachment = services.attach_file(
        document=staff_only, title="附件", file=SimpleUploadedFile("a.txt", b"secret")
    )
    student, api = client_as(Role.STUDENT), api_as(Role.STUDENT)

    listing = student.get(reverse("documents:document_list")).content.decode()
    search = student.get(reverse("documents:document_list"), {"q": "通知"}).content.decode()
    detail = student.get(reverse("documents:document_detail", args=[staff_only.pk]))
    file = student.get(reverse("documents:attachment_file", args=[staff_only.pk, attachment.pk]))
    api_list = api.get("/api/v1/documents/documents/", {"q": "通知"}).json()
    api_detail = api.get(f"/api/v1/documents/documents/{staff_only.pk}/")

    mine = reverse("documents:document_detail", args=[addressed[Audience.STUDENTS].pk])
    theirs = reverse("documents:document_detail", args=[staff_only.pk])
    assert mine in listing and theirs not in listing
    assert mine in search and theirs not in search
    assert (detail.status_code, file.status_code, api_detail.status_code) == (404, 404, 404)
    assert [row["title"] for row in api_list["items"]] == ["students通知"]


def test_the_version_chain_shows_only_versions_the_reader_may_read(
    school: Any, issue: Issue, client_as: Any
) -> None:
    original = issue(title="旧版仅教职工", audience=[Audience.STAFF], issued_on=dt.date(2012, 3, 1))
    revision = services.issue_revision(
        original=original,
        values={
            "title": "新版面向学生",
            "kind": original.kind,
            "issued_on": dt.date(2013, 3, 1),
            "for_students": True,
        },
    )

    page = client_as(Role.STUDENT).get(reverse("documents:document_detail", args=[revision.pk]))

    assert page.status_code == 200
    assert "旧版仅教职工" not in page.content.decode()
