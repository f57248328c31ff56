"""Reading the reports pages writes nothing: a school that never stored its summary template reads
the default one, and the template is stored by the first change an editor makes."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.accounts.services import create_api_token
from qingshan.reports import defaults
from qingshan.reports.enums import BlockKind
from qingshan.reports.models import IssuedReport, SummaryTemplate, TemplateBlock
from qingshan.reports.selectors import summary as selectors
from qingshan.reports.services import add_block, ensure_default_template
from qingshan.reports.tests.factories import issued_report
from tests import test_url_access_matrix as matrix
from tests.access import reports as report_rows
from tests.factories import one_of_each

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
READERS = (Role.SCHOOL_ADMIN, Role.SECRETARY, Role.AUTHORITY_VIEWER)


def _rows() -> dict[str, int]:
    """How many rows each model of the reports app holds."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("reports").get_models()
    }


def _report_url_names() -> list[str]:
    return sorted(
        name
        for name in matrix.url_names()
        if name.startswith("reports:") or name in report_rows.EXPECTED
    )


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("stored", [True, False], ids=["template stored", "never stored"])
def test_a_get_of_every_reports_page_leaves_the_database_unchanged(
    school: Any, user_with_role: Any, role: str, stored: bool
) -> None:
    found: dict[str, Any] = dict(one_of_each(school))
    if stored:
        found |= report_rows.records(school)
    else:
        found |= {"block": TemplateBlock(pk=999999), "issued": IssuedReport(pk=999998)}
        found["issued_again"] = IssuedReport(pk=999997)
    user = user_with_role(role, school)
    client = Client()
    client.force_login(user)
    _token, raw = create_api_token(user=user, name="reads")
    before = _rows()

    statuses = {}
    for name in _report_url_names():
        response = client.get(
            matrix._url_for(name, found),
            matrix.QUERY.get(name, {}),
            headers={"Authorization": f"Bearer {raw}"} if name.startswith("api-v1:") else {},
        )
        statuses[name] = response.status_code

    assert _rows() == before
    assert statuses["reports:summary"] == 200
    assert SummaryTemplate.objects.exists() is stored


def test_the_county_bureau_reads_the_summary_of_a_school_that_never_stored_its_template(
    school: Any, client_for: Any
) -> None:
    bureau = client_for(Role.AUTHORITY_VIEWER, school)

    page = bureau.get(reverse("reports:summary"), {"year": YEAR, "lang": "zh-hans"})
    download = bureau.get(
        reverse("reports:summary_download", args=["docx"]), {"year": YEAR, "lang": "zh-hans"}
    )

    assert page.status_code == 200
    assert defaults.BLOCKS[0][1] in page.content.decode()
    assert 'id="template-blocks"' not in page.content.decode()  # read-only: nothing to edit
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert not SummaryTemplate.objects.exists()


def test_an_editor_sees_the_default_and_the_first_edit_stores_the_schools_copy(
    school: Any, client_for: Any
) -> None:
    editor = client_for(Role.SECRETARY, school)

    page = editor.get(reverse("reports:summary"), {"year": YEAR}).content.decode()
    assert 'id="default-template"' in page
    assert reverse("reports:default_block_edit", args=[20]) in page
    assert not SummaryTemplate.objects.exists()

    response = editor.post(reverse("reports:default_block_edit", args=[20]), {"year": YEAR})

    template = SummaryTemplate.objects.get(school=school)
    block = template.blocks.get(position=20)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('reports:block_edit', args=[block.pk])}?year={YEAR}"
    assert template.blocks.count() == len(defaults.BLOCKS)
    again = editor.post(reverse("reports:default_block_edit", args=[30]))
    assert SummaryTemplate.objects.count() == 1 and again.status_code == 302


def test_adding_a_block_stores_the_default_template_first(school: Any) -> None:
    block = add_block(school=school, values={"kind": BlockKind.HEADING, "text_zh": "七、其他"})

    template = SummaryTemplate.objects.get(school=school)
    assert block.template == template
    assert block.position == len(defaults.BLOCKS) * 10 + 10
    assert template.blocks.count() == len(defaults.BLOCKS) + 1


def test_the_default_template_reads_like_the_stored_one(school: Any) -> None:
    default = selectors.summary_template(school)
    unsaved = selectors.template_blocks(default)
    stored = ensure_default_template(school=school)
    kept = selectors.template_blocks(selectors.summary_template(school))

    assert default.pk is None and selectors.summary_template(school) == stored
    assert [b.pk for b in unsaved] == [None] * len(defaults.BLOCKS)
    assert [(b.position, b.kind, b.text_zh, b.figure_keys) for b in unsaved] == [
        (b.position, b.kind, b.text_zh, b.figure_keys) for b in kept
    ]
    assert (default.title("zh-hans"), default.name) == (stored.title("zh-hans"), stored.name)


def test_issued_reports_keep_to_the_school_year_and_language(
    school: Any, other_school: Any
) -> None:
    first = issued_report(school, year=2013)
    second = issued_report(school, year=2013)
    other_year = issued_report(school, year=2012)
    theirs = issued_report(other_school, year=2013)

    assert list(selectors.issued_reports(school, 2013)) == [second, first]
    assert set(selectors.issued_reports(school)) == {first, second, other_year}
    assert list(selectors.other_versions(school, first)) == [second]
    assert theirs not in selectors.full_issued_reports(school)
    assert selectors.blocks(school).filter(template__school=other_school).count() == 0
