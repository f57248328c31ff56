"""Issuing renders first and then stores the report with its files in one short transaction: an
issued report always has its files, and a failed issue leaves neither a row nor a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from qingshan.reports import services
from qingshan.reports.models import IssuedReport, SummaryTemplate
from qingshan.reports.services import ensure_default_template, issue_report

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def _stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_rendering_happens_before_the_transaction_that_stores_the_report(
    school: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = len(connection.atomic_blocks)
    depth: dict[str, int] = {}

    def watch(name: str, render: Any) -> Any:
        def watched(*args: Any, **kwargs: Any) -> Any:
            depth[name] = len(connection.atomic_blocks)
            return render(*args, **kwargs)

        return watched

    monkeypatch.setattr(services, "summary_docx", watch("docx", services.summary_docx))
    monkeypatch.setattr(services, "summary_pdf", watch("pdf", services.summary_pdf))
    save = IssuedReport.save

    def watched_save(report: IssuedReport, *args: Any, **kwargs: Any) -> None:
        depth["save"] = len(connection.atomic_blocks)
        save(report, *args, **kwargs)

    monkeypatch.setattr(IssuedReport, "save", watched_save)

    issue_report(school=school, year=YEAR, language="en", by=None)

    assert depth["docx"] == depth["pdf"] == outside
    assert depth["save"] > outside


def test_an_issued_report_has_its_files_once_the_transaction_commits(
    school: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ensure_default_template(school=school)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = issue_report(school=school, year=YEAR, language="zh-hans", by=None)

    assert callbacks == []  # nothing is left to do after the commit
    with report.docx.open("rb") as docx, report.pdf.open("rb") as pdf:
        assert (docx.read(2), pdf.read(4)) == (b"PK", b"%PDF")


def test_a_failure_while_rendering_stores_nothing(
    school: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("no fonts")

    monkeypatch.setattr(services, "summary_pdf", broken)

    with pytest.raises(RuntimeError):
        issue_report(school=school, year=YEAR, language="zh-hans", by=None)

    assert not IssuedReport.objects.exists()
    assert not SummaryTemplate.objects.exists()
    assert _stored_files() == []


def test_a_failure_while_storing_leaves_no_row_and_no_file(
    school: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(report: IssuedReport, *args: Any, **kwargs: Any) -> None:
        assert report.docx.storage.exists(report.docx.name)  # the files were written first
        raise RuntimeError("the database went away")

    monkeypatch.setattr(IssuedReport, "save", refused)

    with pytest.raises(RuntimeError):
        issue_report(school=school, year=YEAR, language="zh-hans", by=None)

    assert not IssuedReport.objects.exists()
    assert not SummaryTemplate.objects.exists()
    assert _stored_files() == []


def test_versions_follow_each_other_per_year_and_language(school: Any) -> None:
    first = issue_report(school=school, year=YEAR, language="en", by=None)
    second = issue_report(school=school, year=YEAR, language="en", by=None)
    other = issue_report(school=school, year=YEAR, language="zh-hans", by=None)

    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert SummaryTemplate.objects.filter(school=school).count() == 1
