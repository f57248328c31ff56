"""The summary template's blocks and issuing: every refusal, and what an issue records."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from qingshan.accounts.enums import Role
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport, SummaryTemplate, TemplateBlock
from qingshan.reports.services import (
    add_block,
    ensure_default_template,
    issue_report,
    remove_block,
    update_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(school: Any) -> SummaryTemplate:
    return ensure_default_template(school=school)


def first_block(template: SummaryTemplate, kind: str) -> TemplateBlock:
    return template.blocks.filter(kind=kind).first()


def test_each_school_gets_its_own_default_template(school: Any, other_school: Any) -> None:
    mine = ensure_default_template(school=school)
    theirs = ensure_default_template(school=other_school)

    assert mine.pk != theirs.pk
    assert mine.blocks.count() == theirs.blocks.count() > 0


def test_a_new_block_goes_after_the_last_unless_placed(template: SummaryTemplate) -> None:
    last = template.blocks.order_by("-position").first().position

    appended = add_block(school=template.school, values={"kind": BlockKind.NARRATIVE})
    placed = add_block(school=template.school, values={"kind": BlockKind.HEADING, "position": 5})

    assert (appended.position, placed.position) == (last + 10, 5)


def test_a_chart_without_figures_is_refused(template: SummaryTemplate) -> None:
    count = template.blocks.count()

    with pytest.raises(ValidationError) as error:
        add_block(school=template.school, values={"kind": BlockKind.CHART, "figure_keys": ""})

    assert error.value.message_dict == {"figure_keys": ["Name at least one figure."]}
    assert template.blocks.count() == count


def test_a_table_of_an_unknown_figure_is_refused(template: SummaryTemplate) -> None:
    with pytest.raises(ValidationError) as error:
        add_block(
            school=template.school,
            values={"kind": BlockKind.TABLE, "figure_keys": "organization.students nothing.here"},
        )

    assert error.value.message_dict == {"figure_keys": ["No figure is called: nothing.here"]}


def test_emptying_a_charts_figures_is_refused(template: SummaryTemplate) -> None:
    chart = first_block(template, BlockKind.CHART)
    keys = chart.figure_keys

    with pytest.raises(ValidationError):
        update_block(block=chart, values={"figure_keys": "  "})

    chart.refresh_from_db()
    assert chart.figure_keys == keys


def test_a_blocks_kind_is_not_changed_by_an_update(template: SummaryTemplate) -> None:
    heading = first_block(template, BlockKind.HEADING)

    updated = update_block(
        block=heading, values={"kind": BlockKind.CHART, "text_zh": "一、新标题", "position": 1}
    )

    heading.refresh_from_db()
    assert (updated.kind, heading.kind, heading.text_zh, heading.position) == (
        BlockKind.HEADING,
        BlockKind.HEADING,
        "一、新标题",
        1,
    )


def test_a_removed_block_is_gone(template: SummaryTemplate) -> None:
    block = first_block(template, BlockKind.NARRATIVE)

    remove_block(block=block)

    assert not TemplateBlock.objects.filter(pk=block.pk).exists()


def test_a_report_in_a_language_not_offered_is_refused(school: Any) -> None:
    with pytest.raises(ValidationError) as error:
        issue_report(school=school, year=2013, language="fr", by=None)

    assert list(error.value.message_dict) == ["language"]
    assert IssuedReport.objects.count() == 0


def test_the_refusal_counts_the_problems_and_quotes_the_first(
    template: SummaryTemplate,
) -> None:
    block = first_block(template, BlockKind.NARRATIVE)
    update_block(block=block, values={"text_en": "Income rose by XX and ** more."})

    with pytest.raises(ValidationError) as error:
        issue_report(school=template.school, year=2013, language="en", by=None)

    assert [item.code for item in error.value.error_list] == ["check_failed"]
    assert error.value.messages == [
        "The summary cannot be issued: 2 problems, the first “XX”: "
        "A placeholder (XX) is left in; put a figure token there."
    ]
    assert IssuedReport.objects.count() == 0


def test_an_issue_records_who_issued_it_and_the_checkers_warnings(
    template: SummaryTemplate, user_with_role: Any
) -> None:
    secretary = user_with_role(Role.SECRETARY, template.school)
    block = first_block(template, BlockKind.NARRATIVE)
    update_block(block=block, values={"text_en": "We trained 3704 people."})

    report = issue_report(school=template.school, year=2013, language="en", by=secretary)

    assert (report.version, report.issued_by, report.template_name) == (1, secretary, template.name)
    assert report.warnings[0] == {
        "block": str(block.position),
        "text": "3704",
        "message": "A number typed by hand: no record backs it. Use a figure token if one exists.",
    }
    # The school has no records: each section would claim nothing, and the checker says so.
    assert {warning["block"] for warning in report.warnings[1:]} == {
        "1. Organisation and study",
        "2. Building the team",
        "3. New ways of schooling",
        "4. Serving the county",
        "5. Results and honours",
    }
    assert report.docx.name.endswith(f"summary-{template.school.slug}-2013-en-v1.docx")


def test_an_issue_by_nobody_signed_in_names_no_one(school: Any) -> None:
    report = issue_report(school=school, year=2012, language="zh-hans", by=AnonymousUser())

    assert (report.issued_by, report.year, report.language) == (None, 2012, "zh-hans")
