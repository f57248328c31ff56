"""The archive's figures, computed from records, and the demo archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from qingshan.core.figures import Period, Scope, registry
from qingshan.documents import services
from qingshan.documents.enums import DocumentStatus, Issuer
from qingshan.documents.models import Attachment, Document
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
Issue = Callable[..., Document]
YEAR = Period.year(2013)


def _figure(key: str, school: Any, period: Period = YEAR) -> Any:
    return registry.get(key).evaluate(Scope.of_school(school), period)


def test_the_figures_are_registered_under_the_app_prefix() -> None:
    keys = [item.key for item in registry if item.key.startswith("documents.")]

    assert keys == [
        "documents.branch_issued",
        "documents.in_force",
        "documents.issued",
        "documents.issued_by_issuer",
    ]


def test_documents_issued_in_the_period_by_kind_and_issuer(
    school: Any, other_school: Any, issue: Issue
) -> None:
    office = DepartmentFactory(school=school, name="教务处")
    issue(kind="opinion", issuer=Issuer.BRANCH)
    issue(kind="opinion", issuer=Issuer.BRANCH)
    issue(kind="regulation", issuer=Issuer.DEPARTMENT, department=office)
    issue(kind="notice")
    issue(kind="notice", issued_on=dt.date(2012, 12, 31))  # before the period
    services.archive_document(document=issue(kind="notice"))  # archived
    issue(at=other_school, kind="notice")  # another school

    issued = _figure("documents.issued", school)
    by_issuer = _figure("documents.issued_by_issuer", school)
    branch = _figure("documents.branch_issued", school)

    assert issued.value == 4 and issued.records.count() == 4
    assert issued.breakdown["opinions"] == 2 and issued.breakdown["notice"] == 1
    assert by_issuer.breakdown == {"the school": 1, "the party branch": 2, "教务处": 1}
    assert (branch.value, branch.breakdown["opinions"]) == (2, 2)


def test_documents_in_force_at_the_end_of_the_period(school: Any, issue: Issue) -> None:
    issue(issued_on=dt.date(2011, 3, 1))  # in force
    original = issue(issued_on=dt.date(2012, 3, 1))
    services.issue_revision(  # revised in the period: the revision counts, the original not
        original=original,
        values={
            "title": "修订",
            "kind": "measures",
            "issued_on": dt.date(2013, 5, 1),
            "for_staff": True,
        },
    )
    repealed = issue(issued_on=dt.date(2012, 4, 1))
    services.repeal_document(document=repealed, repealed_on=dt.date(2014, 1, 1), reason="旧")
    issue(issued_on=dt.date(2013, 12, 1), effective_on=dt.date(2014, 1, 1))  # not yet

    result = _figure("documents.in_force", school)

    assert result.value == 3  # 2011's, the revision, and the one repealed only in 2014
    assert set(result.records.values_list("status", flat=True)) == {
        DocumentStatus.IN_FORCE,
        DocumentStatus.REPEALED,
    }


def test_an_authority_counts_every_school(school: Any, issue: Issue) -> None:
    from tests.factories import SchoolFactory

    neighbour = SchoolFactory(authority=school.authority)
    issue()
    issue(at=neighbour)

    result = registry.get("documents.issued").evaluate(Scope.of_authority(school.authority), YEAR)

    assert result.value == 2


def test_the_demo_archive_is_built_once_with_its_chain_and_repeal() -> None:
    from qingshan.core.demo_vocabulary import DEMO_SCHOOL_SLUG
    from qingshan.core.models import School
    from qingshan.documents.demo import build_demo
    from qingshan.organization.demo import build_demo as build_schools

    build_schools()
    first = build_demo()
    again = build_demo()

    school = School.objects.get(slug=DEMO_SCHOOL_SLUG)
    documents = Document.objects.for_school(school)
    issued_2013 = _figure("documents.issued", school)
    assert first.startswith("built") and again == "document archive present"
    assert issued_2013.value > 20
    assert _figure("documents.branch_issued", school).value >= 12
    assert documents.filter(status=DocumentStatus.REVISED).count() == 2
    assert documents.filter(status=DocumentStatus.REPEALED).count() == 1
    chain = documents.filter(title__startswith="教职工考勤与请假管理办法").order_by("issued_on")
    assert [item.status for item in chain] == [DocumentStatus.REVISED, DocumentStatus.IN_FORCE]
    assert documents.filter(for_students=True).exists()
    assert all(document.search_body for document in documents)
    assert Attachment.objects.for_school(school).count() == 1
    numbers = list(documents.values_list("issuer", "department", "year", "sequence"))
    assert len(numbers) == len(set(numbers))
