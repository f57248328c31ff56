"""The document pages: allowed and refused, forms and their errors, query counts."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.documents import services
from qingshan.documents.enums import Audience, DocumentStatus, Issuer
from qingshan.documents.models import Attachment, Document
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "issuer": Issuer.SCHOOL,
        "prefix": "通职中发",
        "sequence": "",
        "title": "实训室安全管理规定",
        "kind": "regulation",
        "issued_on": "2013-05-02",
        "effective_on": "",
        "audience": [Audience.STAFF, Audience.STUDENTS],
        "body": "第一条 实训前检查设备。",
    }
    data.update(overrides)
    return data


def _queries(client: Client, url: str, params: dict[str, Any] | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


# --- the list --------------------------------------------------------------------------------
def test_the_list_filters_by_kind_issuer_status_and_year(
    school: Any, issue: Issue, admin: Client
) -> None:
    issue(title="甲规定", kind="regulation", issued_on=dt.date(2012, 4, 1))
    issue(title="乙通知", kind="notice", issuer=Issuer.BRANCH)
    repealed = issue(title="丙办法")
    services.repeal_document(document=repealed, repealed_on=dt.date(2013, 6, 1), reason="过时")
    url = reverse("documents:document_list")

    def titles(**params: Any) -> list[str]:
        page = admin.get(url, params).content.decode()
        return [title for title in ("甲规定", "乙通知", "丙办法") if title in page]

    assert titles() == ["甲规定", "乙通知", "丙办法"]
    assert titles(kind="notice") == ["乙通知"]
    assert titles(issuer="branch") == ["乙通知"]
    assert titles(status="repealed") == ["丙办法"]
    assert titles(year="2012") == ["甲规定"]


def test_the_list_searches_and_highlights_safely(issue: Issue, admin: Client) -> None:
    issue(title="<b>考勤</b>办法", body="请假须提前办理<script>x</script>手续。")

    page = admin.get(reverse("documents:document_list"), {"q": "请假"}).content.decode()
    none = admin.get(reverse("documents:document_list"), {"q": "没有的词"}).content.decode()

    assert "<mark>请假</mark>" in page
    assert "&lt;script&gt;" in page and "<script>x" not in page
    assert "&lt;b&gt;考勤&lt;/b&gt;" in page
    assert "No document matches your search" in none


def test_htmx_gets_only_the_results(issue: Issue, admin: Client) -> None:
    issue()

    response = admin.get(reverse("documents:document_list"), headers={"HX-Request": "true"})

    content = response.content.decode()
    assert content.lstrip().startswith('<div id="results">')
    assert "<html" not in content


@pytest.mark.parametrize("query", ["", "考勤"])
def test_list_query_count_is_the_same_for_1_and_3_rows(
    school: Any, issue: Issue, client_as: Any, query: str
) -> None:
    teacher = client_as(Role.TEACHER)
    url = reverse("documents:document_list")
    issue()
    _queries(teacher, url, {"q": query})
    one = _queries(teacher, url, {"q": query})

    issue()
    issue(issuer=Issuer.DEPARTMENT, department=DepartmentFactory(school=school))

    assert _queries(teacher, url, {"q": query}) == one


def test_detail_query_count_does_not_grow_with_versions_and_attachments(
    issue: Issue, admin: Client
) -> None:
    first = issue(issued_on=dt.date(2011, 3, 1))
    second = services.issue_revision(
        original=first,
        values={
            "title": "二版",
            "kind": "measures",
            "issued_on": dt.date(2012, 3, 1),
            "for_staff": True,
        },
    )
    url = reverse("documents:document_detail", args=[second.pk])
    _queries(admin, url)
    before = _queries(admin, url)

    services.issue_revision(
        original=second,
        values={
            "title": "三版",
            "kind": "measures",
            "issued_on": dt.date(2013, 3, 1),
            "for_staff": True,
        },
    )
    for name in ("a.txt", "b.txt"):
        services.attach_file(document=second, title=name, file=SimpleUploadedFile(name, b"x"))

    assert _queries(admin, url) == before


# --- the detail page -------------------------------------------------------------------------
def test_detail_shows_the_version_chain_and_attachments(issue: Issue, admin: Client) -> None:
    first = issue(issued_on=dt.date(2011, 3, 1), title="考勤办法")
    second = services.issue_revision(
        original=first,
        values={
            "title": "考勤办法（修订）",
            "kind": "measures",
            "issued_on": dt.date(2013, 3, 1),
            "for_staff": True,
        },
    )
    attachment = services.attach_file(
        document=second, title="请假单", file=SimpleUploadedFile("请假单.txt", b"form")
    )

    page = admin.get(reverse("documents:document_detail", args=[first.pk])).content.decode()
    file = admin.get(reverse("documents:attachment_file", args=[second.pk, attachment.pk]))

    assert 'id="versions"' in page and "考勤办法（修订）" in page
    assert 'id="revised-by"' in page
    assert "Issue a revision" not in page  # the first version is revised already
    assert file.content == b"form"
    assert "attachment" in file["Content-Disposition"]


def test_detail_offers_changes_only_to_the_keeper_of_the_issuer(
    issue: Issue, admin: Client, secretary: Client, client_as: Any
) -> None:
    school_document = issue()
    url = reverse("documents:document_detail", args=[school_document.pk])

    assert "Issue a revision" in admin.get(url).content.decode()
    assert "Issue a revision" not in secretary.get(url).content.decode()
    assert "Issue a revision" not in client_as(Role.AUTHORITY_VIEWER).get(url).content.decode()


# --- create, edit -------------------------------------------------------------------------------
def test_the_admin_issues_a_school_document_with_the_next_number(
    issue: Issue, admin: Client
) -> None:
    issue(sequence=4)

    response = admin.post(reverse("documents:document_create"), _form())

    created = Document.objects.get(title="实训室安全管理规定")
    assert response.status_code == 302
    assert created.number == "通职中发〔2013〕5号"
    assert created.audiences == [Audience.STAFF, Audience.STUDENTS]


def test_a_duplicate_number_is_refused_with_a_clear_message(issue: Issue, admin: Client) -> None:
    issue(sequence=4, title="已有的文件")

    response = admin.post(reverse("documents:document_create"), _form(sequence="4"))

    assert response.status_code == 422
    content = response.content.decode()
    assert "通职中发〔2013〕4号" in content and "已有的文件" in content
    assert "通职中发〔2013〕5号" in content
    assert Document.objects.count() == 1


def test_bad_input_is_refused_field_by_field(admin: Client) -> None:
    response = admin.post(
        reverse("documents:document_create"),
        _form(title="", audience=[], issued_on="2013-13-01", effective_on=""),
    )

    assert response.status_code == 422
    form = response.context["form"]
    assert {"title", "audience", "issued_on"} <= set(form.errors)
    assert Document.objects.count() == 0


def test_a_department_document_without_its_department_is_refused(admin: Client) -> None:
    response = admin.post(reverse("documents:document_create"), _form(issuer="department"))

    assert response.status_code == 422
    assert "department" in response.context["form"].errors


def test_the_secretary_issues_branch_documents_only(secretary: Client) -> None:
    refused = secretary.post(reverse("documents:document_create"), _form(issuer="school"))
    issued = secretary.post(
        reverse("documents:document_create"), _form(issuer="branch", prefix="通职中支发")
    )

    assert refused.status_code == 422  # not a choice offered to the secretary
    assert issued.status_code == 302
    assert Document.objects.get().issuer == Issuer.BRANCH


def test_forms_are_refused_to_readers(issue: Issue, client_as: Any) -> None:
    document = issue()
    for role in (Role.TEACHER, Role.STUDENT, Role.AUTHORITY_VIEWER):
        client = client_as(role)
        statuses = {
            client.get(reverse("documents:document_create")).status_code,
            client.post(reverse("documents:document_create"), _form()).status_code,
            client.get(reverse("documents:document_edit", args=[document.pk])).status_code,
            client.post(reverse("documents:document_archive", args=[document.pk])).status_code,
        }
        assert statuses == {403}, role
    assert Document.objects.count() == 1


def test_the_keeper_corrects_a_document_others_may_not(
    issue: Issue, admin: Client, secretary: Client
) -> None:
    document = issue(sequence=3)
    url = reverse("documents:document_edit", args=[document.pk])

    refused = secretary.post(url, _form(title="书记改的"))
    saved = admin.post(url, _form(title="改正后的标题", sequence="3"))

    document.refresh_from_db()
    assert (refused.status_code, saved.status_code) == (403, 302)
    assert (document.title, document.sequence) == ("改正后的标题", 3)


def test_the_next_number_fragment(
    school: Any, issue: Issue, admin: Client, secretary: Client
) -> None:
    issue(sequence=8)
    office = DepartmentFactory(school=school)
    url = reverse("documents:next_number")

    school_number = admin.get(url, {"issuer": "school", "issued_on": "2013-06-01"})
    next_year = admin.get(url, {"issuer": "school", "issued_on": "2014-01-02"})
    department = admin.get(url, {"issuer": "department", "department": office.pk})
    no_department = admin.get(url, {"issuer": "department"})
    not_theirs = secretary.get(url, {"issuer": "school"})

    assert "通职中发〔2013〕9号" in school_number.content.decode()
    assert "通职中发〔2014〕1号" in next_year.content.decode()
    assert "1号" in department.content.decode()
    assert "Choose the issuing department" in no_department.content.decode()
    assert not_theirs.status_code == 403


# --- revise, repeal, archive --------------------------------------------------------------------
def test_issuing_a_revision_marks_the_original_revised(issue: Issue, admin: Client) -> None:
    original = issue(issued_on=dt.date(2012, 3, 1))
    url = reverse("documents:document_revise", args=[original.pk])

    form = admin.get(url)
    response = admin.post(
        url,
        _form(title="修订后的办法", issued_on="2013-09-01", issuer="", prefix="通职中发"),
    )

    original.refresh_from_db()
    revision = Document.objects.get(title="修订后的办法")
    assert form.status_code == 200 and original.title in form.content.decode()
    assert response.status_code == 302
    assert original.status == DocumentStatus.REVISED and revision.revises == original


def test_a_refused_revision_shows_why(issue: Issue, admin: Client) -> None:
    original = issue(issued_on=dt.date(2013, 3, 1))

    response = admin.post(
        reverse("documents:document_revise", args=[original.pk]),
        _form(issued_on="2013-01-01"),
    )

    assert response.status_code == 422
    assert "issued on or after the version it revises" in response.content.decode()


def test_a_revised_document_cannot_be_revised_again(issue: Issue, admin: Client) -> None:
    original = issue(issued_on=dt.date(2012, 3, 1))
    admin.post(reverse("documents:document_revise", args=[original.pk]), _form(title="二版"))

    again = admin.post(
        reverse("documents:document_revise", args=[original.pk]), _form(title="三版")
    )

    assert again.status_code == 422
    assert "Only a document in force can be revised" in again.content.decode()
    assert not Document.objects.filter(title="三版").exists()


def test_repeal_with_a_reason_or_a_repealing_document(issue: Issue, admin: Client) -> None:
    old, newer = issue(issued_on=dt.date(2010, 3, 1)), issue(title="新办法")
    other = issue(title="另一个", issued_on=dt.date(2011, 3, 1))

    missing = admin.post(reverse("documents:document_repeal", args=[old.pk]), {})
    by = admin.post(reverse("documents:document_repeal", args=[old.pk]), {"repealed_by": newer.pk})
    reason = admin.post(
        reverse("documents:document_repeal", args=[other.pk]),
        {"repealed_on": "2013-07-01", "reason": "已不适用"},
    )

    old.refresh_from_db()
    other.refresh_from_db()
    assert missing.status_code == 422 and "Give the reason" in missing.content.decode()
    assert (by.status_code, reason.status_code) == (302, 302)
    assert (old.status, old.repealed_by, old.ended_on) == ("repealed", newer, newer.effective_on)
    assert (other.status, other.ended_on) == ("repealed", dt.date(2013, 7, 1))
    detail = admin.get(reverse("documents:document_detail", args=[old.pk])).content.decode()
    assert "新办法" in detail and "repealed by" in detail


def test_archive_and_restore_through_the_page(issue: Issue, admin: Client, client_as: Any) -> None:
    document = issue()
    url = reverse("documents:document_archive", args=[document.pk])
    teacher = client_as(Role.TEACHER)

    admin.post(url)
    hidden = teacher.get(reverse("documents:document_detail", args=[document.pk])).status_code
    admin.post(url)
    shown = teacher.get(reverse("documents:document_detail", args=[document.pk])).status_code

    assert (hidden, shown) == (404, 200)


def test_attachments_are_filed_checked_and_removed(issue: Issue, admin: Client) -> None:
    document = issue()
    add = reverse("documents:attachment_add", args=[document.pk])

    bad = admin.post(
        add, {"title": "程序", "file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True
    )
    good = admin.post(add, {"title": "表格", "file": SimpleUploadedFile("t.txt", b"ok")})
    attachment = Attachment.objects.get()
    removed = admin.post(reverse("documents:attachment_remove", args=[document.pk, attachment.pk]))

    assert "Upload a PDF, Word, Excel" in bad.content.decode()
    assert (good.status_code, removed.status_code) == (302, 302)
    assert Attachment.objects.count() == 0


# --- export ---------------------------------------------------------------------------------
def test_the_export_holds_what_the_reader_reads(issue: Issue, client_as: Any) -> None:
    issue(title="=HYPERLINK(1)", audience=[Audience.STAFF])
    issue(title="学生的文件", audience=[Audience.STUDENTS])

    response = client_as(Role.TEACHER).get(reverse("documents:document_export"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    assert "'=HYPERLINK(1)" in cells
    assert "学生的文件" not in cells
    assert client_as(Role.STUDENT).get(reverse("documents:document_export")).status_code == 403
