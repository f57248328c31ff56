"""The annual summary: rendering, DOCX and PDF, issuing and freezing, versions, the county roll-up,
the evidence of a figure, and the API."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from qingshan.accounts.services import create_api_token
from qingshan.core.figures import Period, Scope, registry
from qingshan.organization.models import Student
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport
from qingshan.reports.rendering.content import build_content
from qingshan.reports.rendering.docx import summary_docx
from qingshan.reports.rendering.pdf import summary_pdf
from qingshan.reports.selectors.county import county_table
from qingshan.reports.selectors.summary import compare_versions, report_changes
from qingshan.reports.services import ensure_default_template, issue_report, update_block
from qingshan.workplans.services import cycle as work_services
from qingshan.workplans.tests.factories import plan_with_items
from tests.factories import AuthorityFactory, SchoolFactory, StudentFactory, one_of_each

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def content_of(school: Any, language: str = "zh-hans") -> Any:
    template = ensure_default_template(school=school)
    return build_content(
        template=template,
        blocks=list(template.blocks.all()),
        scope=Scope.of_school(school),
        year=YEAR,
        language=language,
    )


def test_the_default_template_follows_the_seeds_sections(school: Any) -> None:
    template = ensure_default_template(school=school)
    headings = [block.text_zh for block in template.blocks.filter(kind=BlockKind.HEADING)]
    assert [heading[:2] for heading in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert ensure_default_template(school=school).pk == template.pk


def test_figures_in_the_text_are_the_registrys_values(school: Any) -> None:
    one_of_each(school)
    content = content_of(school)
    students = registry.get("organization.students").evaluate(
        Scope.of_school(school), Period.year(YEAR)
    )
    parts = [part for block in content.blocks for part in block.parts if part.key]
    shown = {}
    for part in parts:
        shown.setdefault(part.key, part.text)  # the value itself; comparisons come after it
    assert shown["organization.students"] == str(students.value)
    assert students.value == Student.objects.filter(school=school).count()


def test_the_page_links_each_figure_to_its_records(
    client: Any, school: Any, user_with_role: Any
) -> None:
    one_of_each(school)
    client.force_login(user_with_role("school_admin", school))
    page = client.get(reverse("reports:summary"), {"year": YEAR}).content.decode()
    evidence = client.get(
        reverse("reports:evidence", args=["organization.students"]), {"year": YEAR}
    ).content.decode()
    student = Student.objects.get(school=school)
    assert f"{reverse('reports:evidence', args=['organization.students'])}?year={YEAR}" in page
    assert student.get_absolute_url() in evidence


def test_docx_and_pdf_carry_the_headings_and_the_figures(school: Any) -> None:
    from docx import Document

    one_of_each(school)
    content = content_of(school)
    document = Document(io.BytesIO(summary_docx(content)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    pdf = summary_pdf(content)
    pdf_text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    narrative = next(b.text for b in content.blocks if "在校学生" in b.text)
    assert "一、创新党组织建设，发挥先锋模范作用" in text and narrative in text
    assert "一、创新党组织建设" in pdf_text and "在校学生1名" in pdf_text.replace("\n", "")
    appendix = [
        [cell.text for cell in row.cells] for table in document.tables for row in table.rows
    ]
    assert ["学生", "1", "人", "统计期最后一天在籍的学生人数。"] in appendix
    assert not any("organization.students" in cell for row in appendix for cell in row)


def test_no_appendix_row_of_the_pdf_is_split_across_pages_and_each_page_repeats_the_header(
    school: Any,
) -> None:
    one_of_each(school)
    with translation.override("zh-hans"):
        content = content_of(school)
        pdf = summary_pdf(content)
        rows = content.definitions()
    pages = (
        subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split("\f")
    )
    flat = ["".join(page.split()) for page in pages]
    first = next(index for index, page in enumerate(flat) if "指标数值单位统计口径" in page)

    for row in rows:
        cells = "".join(str(row[key]) for key in ("label", "value", "unit", "definition"))
        # A row kept whole reads label, value, unit and definition in one run on one page.
        assert any("".join(cells.split()) in page for page in flat[first:]), row["label"]
    assert all("统计口径" in page for page in flat[first:] if page.strip())


def test_issuing_freezes_the_figures_and_later_edits_show_as_changes(school: Any) -> None:
    found = one_of_each(school)
    report = issue_report(school=school, year=YEAR, language="zh-hans", by=None)
    frozen = report.figures["organization.students"]
    edited = found["student"]
    edited.name = "改过名的学生"
    edited.save()
    added = StudentFactory(school=school, school_class=found["schoolclass"])
    report.refresh_from_db()
    change = next(c for c in report_changes(report) if c.key == "organization.students")
    assert (frozen["value"], frozen["records"]) == (1, [edited.pk])
    assert report.figures["organization.students"]["value"] == 1
    assert (change.then, change.now, change.added, change.changed) == (
        1,
        2,
        [added.pk],
        [edited.pk],
    )
    with report.docx.open("rb") as docx, report.pdf.open("rb") as pdf:
        assert (docx.read(2), pdf.read(4)) == (b"PK", b"%PDF")


def test_a_placeholder_left_in_refuses_the_issue(school: Any) -> None:
    template = ensure_default_template(school=school)
    block = template.blocks.filter(kind=BlockKind.NARRATIVE).first()
    update_block(block=block, values={"text_zh": "带来经济效益XX万元"})
    with pytest.raises(ValidationError):
        issue_report(school=school, year=YEAR, language="zh-hans", by=None)
    english = issue_report(school=school, year=YEAR, language="en", by=None)
    assert (IssuedReport.objects.filter(language="zh-hans").count(), english.version) == (0, 1)


def test_an_unknown_figure_key_in_a_chart_is_refused(school: Any) -> None:
    template = ensure_default_template(school=school)
    block = template.blocks.filter(kind=BlockKind.CHART).first()
    with pytest.raises(ValidationError):
        update_block(block=block, values={"figure_keys": "organization.nothing"})
    block.refresh_from_db()
    assert block.figure_keys != "organization.nothing"


def test_reissuing_makes_a_new_version_and_versions_compare(school: Any) -> None:
    found = one_of_each(school)
    first = issue_report(school=school, year=YEAR, language="en", by=None)
    StudentFactory(school=school, school_class=found["schoolclass"])
    second = issue_report(school=school, year=YEAR, language="en", by=None)
    rows = {row.key: (row.first, row.second) for row in compare_versions(first, second)}
    assert (first.version, second.version, rows["organization.students"]) == (1, 2, (1, 2))


def test_the_county_recomputes_rates_from_counts(db: None) -> None:
    authority = AuthorityFactory()
    busy, idle = SchoolFactory(authority=authority), SchoolFactory(authority=authority)
    done = plan_with_items(busy, month=dt.date(2013, 3, 1), party=1, teaching=0)
    work_services.mark_item_done(item=done.items.get(), done_on=dt.date(2013, 3, 5), evidence="x")
    plan_with_items(idle, month=dt.date(2013, 3, 1), party=2, teaching=1)
    schools, rows, _freshness = county_table(
        authority=authority, year=2013, keys=["workplans.items_implemented", "workplans.items"]
    )
    by_key = {row.key: row for row in rows}
    rate = by_key["workplans.items_implemented"]
    assert [school.pk for school in schools] == sorted([busy.pk, idle.pk])
    assert rate.total == 0.25  # 1 of 4 items, not the mean of 100 % and 0 %
    assert sorted(rate.by_school) == [0.0, 1.0]
    assert by_key["workplans.items"].total == 4


def test_the_api_serves_figures_and_their_records(
    client: Any, school: Any, user_with_role: Any
) -> None:
    one_of_each(school)
    user = user_with_role("school_admin", school)
    _token, raw = create_api_token(user=user, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    figures = client.get("/api/v1/reports/figures/", {"year": YEAR}, headers=headers).json()
    records = client.get(
        "/api/v1/reports/figures/organization.students/records/", {"year": YEAR}, headers=headers
    ).json()
    values = {row["key"]: row["value"] for row in figures}
    assert values["organization.students"] == 1
    assert [item["model"] for item in records["items"]] == ["organization.Student"]


def test_query_count_of_each_figure_does_not_grow_with_the_data(school: Any) -> None:
    def counts() -> dict[str, int]:
        found = {}
        for figure in registry:
            with CaptureQueriesContext(connection) as queries:
                figure.evaluate(Scope.of_school(school), Period.year(YEAR))
            found[figure.key] = len(queries)
        return found

    one_of_each(school, mark="a")
    small = counts()
    for mark in "bcd":
        one_of_each(school, mark=mark)
    assert counts() == small


def test_the_county_gives_the_values_of_each_school_computed_alone(db: None) -> None:
    authority = AuthorityFactory()
    schools = [SchoolFactory(authority=authority) for _ in range(3)]
    for index, school in enumerate(schools):
        plan_with_items(school, month=dt.date(2013, 3, 1), party=index + 1, teaching=1)
    keys = ["workplans.items", "workplans.items_implemented", "workplans.flagged_months"]
    listed, rows, freshness = county_table(authority=authority, year=2013, keys=keys)
    expected = {
        key: [
            registry.get(key).evaluate(Scope.of_school(school), Period.year(2013)).value
            for school in listed
        ]
        for key in keys
    }
    assert {row.key: row.by_school for row in rows} == expected
    assert {row.key: row.total for row in rows}["workplans.items"] == 2 + 3 + 4
    assert all(column.fresh for column in freshness.values())


def test_the_county_answers_from_stored_values_and_marks_a_changed_school_stale(
    db: None, settings: Any
) -> None:
    authority = AuthorityFactory()
    busy, idle = SchoolFactory(authority=authority), SchoolFactory(authority=authority)
    plan_with_items(busy, month=dt.date(2013, 3, 1), party=1, teaching=1)
    keys = ["workplans.items"]
    county_table(authority=authority, year=2013, keys=keys)  # computed and stored at once
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    plan_with_items(idle, month=dt.date(2013, 4, 1), party=2, teaching=0)

    _schools, rows, freshness = county_table(authority=authority, year=2013, keys=keys)

    labels = list(freshness)
    assert rows[0].total == 2  # the stored total, until a worker computes it again
    assert [freshness[label].fresh for label in labels] == [False, True, False]
    assert freshness[labels[2]].computed_at is not None
