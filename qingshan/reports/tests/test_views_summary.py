"""Pages of the annual summary: preview, download, editing blocks, issuing, issued versions and the
evidence of a figure — who may, who may not, and what bad input does."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport, TemplateBlock
from qingshan.reports.services import ensure_default_template, update_block
from qingshan.reports.tests.factories import issued_report
from qingshan.workplans.tests.support import CHINESE, messages_of
from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

FROZEN = {
    "organization.students": {
        "value": 5,
        "model": "organization.Student",
        "records": [],
        "breakdown": {},
    }
}


def block_of(school: Any, kind: str) -> TemplateBlock:
    return ensure_default_template(school=school).blocks.filter(kind=kind).first()


# --- the summary page and its downloads -------------------------------------------------------


def test_the_secretary_previews_the_year_and_language_asked(school: Any, client_for: Any) -> None:
    response = client_for(Role.SECRETARY, school).get(
        reverse("reports:summary"), {"year": 2013, "lang": "en"}
    )

    context = response.context
    assert (response.status_code, context["year"], context["language"]) == (200, 2013, "en")
    assert context["can_edit"] is True
    assert "Summary of the school" in context["body"]


def test_a_language_not_offered_falls_back_to_chinese(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:summary"), {"year": 2013, "lang": "fr"}
    )

    assert response.context["language"] == "zh-hans"


def test_the_county_reads_the_summary_without_editing_it(school: Any, client_for: Any) -> None:
    ensure_default_template(school=school)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("reports:summary"), {"year": 2013}
    )

    assert (response.status_code, response.context["can_edit"]) == (200, False)


@pytest.mark.parametrize(("role", "status"), [(Role.TEACHER, 403), (None, 302)])
def test_teachers_and_strangers_do_not_read_the_summary(
    school: Any, client_for: Any, role: Any, status: int
) -> None:
    assert client_for(role, school).get(reverse("reports:summary")).status_code == status


def test_the_summary_downloads_as_word(school: Any, client_for: Any) -> None:
    from docx import Document

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:summary_download", args=["docx"]), {"year": 2013, "lang": "zh-hans"}
    )

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert 'filename="summary-2013-zh-hans.docx"' in response["Content-Disposition"]
    assert "2013年学校党建工作总结" in text


def test_a_download_in_an_unknown_format_is_not_found(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:summary_download", args=["odt"])
    )

    assert response.status_code == 404


def test_a_teacher_cannot_download_the_summary(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("reports:summary_download", args=["docx"])
    )

    assert response.status_code == 403


# --- editing blocks ---------------------------------------------------------------------------


def test_the_secretary_rewrites_a_narrative(school: Any, client_for: Any) -> None:
    block = block_of(school, BlockKind.NARRATIVE)
    client = client_for(Role.SECRETARY, school)
    url = reverse("reports:block_edit", args=[block.pk])

    page = client.get(url)
    response = client.post(
        url,
        {"position": block.position, "text_zh": "党员{{ party.members }}名。", "text_en": "New."},
    )

    block.refresh_from_db()
    assert (page.status_code, response.url) == (200, reverse("reports:summary"))
    assert (block.text_zh, block.text_en) == ("党员{{ party.members }}名。", "New.")


def test_a_preview_renders_both_languages_and_saves_nothing(school: Any, client_for: Any) -> None:
    block = block_of(school, BlockKind.NARRATIVE)
    before = block.text_zh

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("reports:block_edit", args=[block.pk]),
        {
            "position": block.position,
            "text_zh": "在校学生{{ organization.students }}名，XX万元。",
            "text_en": "Students: {{ organization.students }}.",
            "preview": "1",
        },
    )

    preview = response.context["preview"]
    block.refresh_from_db()
    assert response.status_code == 200
    assert (len(preview["zh-hans"]["check"].errors), preview["en"]["check"].ok) == (1, True)
    assert "organization.students/records/" in preview["en"]["html"]
    assert ">0</a>." in preview["en"]["html"]
    assert block.text_zh == before


def test_a_chart_of_an_unknown_figure_shows_the_translated_error(
    school: Any, client_for: Any
) -> None:
    chart = block_of(school, BlockKind.CHART)
    keys = chart.figure_keys

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("reports:block_edit", args=[chart.pk]),
        {"position": chart.position, "figure_keys": "organization.nothing"},
        headers=CHINESE,
    )

    chart.refresh_from_db()
    assert response.status_code == 400
    assert response.context["form"].errors["figure_keys"] == ["没有这些指标：organization.nothing"]
    assert chart.figure_keys == keys


def test_a_block_without_its_position_is_refused(school: Any, client_for: Any) -> None:
    block = block_of(school, BlockKind.HEADING)
    before = block.text_zh

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("reports:block_edit", args=[block.pk]), {"text_zh": "新标题"}
    )

    block.refresh_from_db()
    assert (response.status_code, list(response.context["form"].errors)) == (400, ["position"])
    assert block.text_zh == before


@pytest.mark.parametrize("role", [Role.TEACHER, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_and_the_secretary_edit_blocks(
    school: Any, client_for: Any, role: str
) -> None:
    block = block_of(school, BlockKind.HEADING)

    response = client_for(role, school).post(
        reverse("reports:block_edit", args=[block.pk]), {"position": 1, "text_zh": "改"}
    )

    block.refresh_from_db()
    assert (response.status_code, block.text_zh == "改") == (403, False)


def test_another_schools_block_is_not_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    block = block_of(other_school, BlockKind.HEADING)

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:block_edit", args=[block.pk])
    )

    assert response.status_code == 404


def test_a_new_chart_starts_with_the_students_and_opens_for_editing(
    school: Any, client_for: Any
) -> None:
    ensure_default_template(school=school)
    before = set(TemplateBlock.objects.values_list("pk", flat=True))

    response = client_for(Role.SECRETARY, school).post(
        reverse("reports:block_add"), {"kind": BlockKind.CHART}
    )

    added = TemplateBlock.objects.exclude(pk__in=before).get()
    assert response.url == reverse("reports:block_edit", args=[added.pk])
    assert (added.kind, added.figure_keys) == (BlockKind.CHART, "organization.students")


def test_a_block_of_no_known_kind_is_not_added(school: Any, client_for: Any) -> None:
    count = ensure_default_template(school=school).blocks.count()

    response = client_for(Role.SECRETARY, school).post(
        reverse("reports:block_add"), {"kind": "poem"}
    )

    assert response.url == reverse("reports:summary")
    assert TemplateBlock.objects.count() == count


def test_a_teacher_adds_no_block(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).post(
        reverse("reports:block_add"), {"kind": BlockKind.HEADING}
    )

    assert (response.status_code, TemplateBlock.objects.count()) == (403, 0)


def test_the_administrator_removes_a_block(school: Any, client_for: Any) -> None:
    block = block_of(school, BlockKind.TABLE)

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("reports:block_remove", args=[block.pk])
    )

    assert response.url == reverse("reports:summary")
    assert not TemplateBlock.objects.filter(pk=block.pk).exists()


def test_the_county_removes_no_block(school: Any, client_for: Any) -> None:
    block = block_of(school, BlockKind.TABLE)

    response = client_for(Role.AUTHORITY_VIEWER, school).post(
        reverse("reports:block_remove", args=[block.pk])
    )

    assert (response.status_code, TemplateBlock.objects.filter(pk=block.pk).exists()) == (403, True)


# --- issuing ----------------------------------------------------------------------------------


def test_the_secretary_issues_the_summary(school: Any, client_for: Any) -> None:
    response = client_for(Role.SECRETARY, school).post(
        reverse("reports:summary_issue"), {"year": 2013, "language": "en"}
    )

    report = IssuedReport.objects.get()
    assert response.url == report.get_absolute_url()
    assert messages_of(response) == ["Version 1 is issued."]
    assert (report.year, report.language, report.version) == (2013, "en", 1)


def test_an_implausible_year_issues_nothing(school: Any, client_for: Any) -> None:
    response = client_for(Role.SECRETARY, school).post(
        reverse("reports:summary_issue"), {"year": 1800, "language": "en"}, headers=CHINESE
    )

    assert (response.url, messages_of(response)) == (
        reverse("reports:summary"),
        ["请选择年份和语言。"],
    )
    assert IssuedReport.objects.count() == 0


def test_a_summary_that_fails_the_check_goes_back_to_its_year_and_language(
    school: Any, client_for: Any
) -> None:
    update_block(block=block_of(school, BlockKind.NARRATIVE), values={"text_en": "XX people"})

    response = client_for(Role.SCHOOL_ADMIN, school).post(
        reverse("reports:summary_issue"), {"year": 2013, "language": "en"}
    )

    assert response.url == f"{reverse('reports:summary')}?year=2013&lang=en"
    assert messages_of(response)[0].startswith("The summary cannot be issued: 1 problems")
    assert IssuedReport.objects.count() == 0


@pytest.mark.parametrize("role", [Role.TEACHER, Role.AUTHORITY_VIEWER])
def test_only_the_administrator_and_the_secretary_issue(
    school: Any, client_for: Any, role: str
) -> None:
    response = client_for(role, school).post(
        reverse("reports:summary_issue"), {"year": 2013, "language": "en"}
    )

    assert (response.status_code, IssuedReport.objects.count()) == (403, 0)


# --- issued versions --------------------------------------------------------------------------


def test_the_county_lists_the_issued_versions(school: Any, client_for: Any) -> None:
    first, second = issued_report(school), issued_report(school)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(reverse("reports:issued_list"))

    assert [report.pk for report in response.context["reports"]] == [second.pk, first.pk]


def test_a_teacher_does_not_list_issued_versions(school: Any, client_for: Any) -> None:
    assert client_for(Role.TEACHER, school).get(reverse("reports:issued_list")).status_code == 403


def test_an_issued_version_shows_what_changed_since_and_its_siblings(
    school: Any, client_for: Any
) -> None:
    report = issued_report(school, figures=FROZEN)
    sibling = issued_report(school)
    issued_report(school, year=2012)

    response = client_for(Role.SCHOOL_ADMIN, school).get(report.get_absolute_url())

    changes = response.context["changes"]
    assert [(c.key, c.then, c.now) for c in changes] == [("organization.students", 5, 0)]
    assert [other.pk for other in response.context["others"]] == [sibling.pk]


def test_another_schools_issued_version_is_not_found(
    school: Any, other_school: Any, client_for: Any
) -> None:
    report = issued_report(other_school)

    response = client_for(Role.SCHOOL_ADMIN, school).get(report.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize(("fmt", "start"), [("docx", b"docx"), ("pdf", b"%PDF")])
def test_an_issued_versions_files_download(
    school: Any, client_for: Any, fmt: str, start: bytes
) -> None:
    report = issued_report(school)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("reports:issued_file", args=[report.pk, fmt])
    )

    assert response.content.startswith(start)
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_an_issued_file_in_another_format_or_missing_is_not_found(
    school: Any, client_for: Any
) -> None:
    report = issued_report(school)
    IssuedReport.objects.filter(pk=report.pk).update(pdf="")
    client = client_for(Role.SCHOOL_ADMIN, school)

    odt = client.get(reverse("reports:issued_file", args=[report.pk, "odt"]))
    missing = client.get(reverse("reports:issued_file", args=[report.pk, "pdf"]))

    assert (odt.status_code, missing.status_code) == (404, 404)


def test_a_teacher_downloads_no_issued_file(school: Any, client_for: Any) -> None:
    report = issued_report(school)

    response = client_for(Role.TEACHER, school).get(
        reverse("reports:issued_file", args=[report.pk, "docx"])
    )

    assert response.status_code == 403


def test_two_versions_compare_figure_by_figure(school: Any, client_for: Any) -> None:
    first = issued_report(school, figures=FROZEN)
    second = issued_report(school, figures={"party.members": {"value": 3}})

    response = client_for(Role.SECRETARY, school).get(
        reverse("reports:issued_compare", args=[first.pk, second.pk])
    )

    assert [(r.key, r.first, r.second) for r in response.context["rows"]] == [
        ("organization.students", 5, None),
        ("party.members", None, 3),
    ]


def test_a_version_is_not_compared_with_another_schools(
    school: Any, other_school: Any, client_for: Any
) -> None:
    mine, theirs = issued_report(school), issued_report(other_school)

    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:issued_compare", args=[mine.pk, theirs.pk])
    )

    assert response.status_code == 404


# --- the evidence of a figure -----------------------------------------------------------------


def test_the_evidence_lists_the_records_behind_a_figure(school: Any, client_for: Any) -> None:
    students = sorted(StudentFactory.create_batch(2, school=school), key=lambda s: s.pk)

    response = client_for(Role.AUTHORITY_VIEWER, school).get(
        reverse("reports:evidence", args=["organization.students"]), {"year": 2013}
    )

    assert (response.context["year"], response.context["result"].value) == (2013, 2)
    assert list(response.context["page"].object_list) == students


def test_the_evidence_of_an_unknown_figure_is_not_found(school: Any, client_for: Any) -> None:
    response = client_for(Role.SCHOOL_ADMIN, school).get(
        reverse("reports:evidence", args=["organization.nothing"])
    )

    assert response.status_code == 404


def test_a_teacher_reads_no_evidence(school: Any, client_for: Any) -> None:
    response = client_for(Role.TEACHER, school).get(
        reverse("reports:evidence", args=["organization.students"])
    )

    assert response.status_code == 403
