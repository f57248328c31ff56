"""Figures of the document archive for the annual summary (DESIGN §5)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.documents.enums import DocumentKind, Issuer
from qingshan.documents.selectors import in_force_on, issued_between


def _by_kind(records: Any) -> dict[str, int]:
    counts = dict(records.order_by().values_list("kind").annotate(n=Count("pk")))
    return {str(label): counts.get(value, 0) for value, label in DocumentKind.choices}


def _by_issuer(records: Any) -> dict[str, int]:
    rows = (
        records.order_by()
        .values_list("issuer", "department__name")
        .annotate(n=Count("pk"))
        .order_by("issuer", "department__name")
    )
    breakdown: dict[str, int] = {
        str(Issuer.SCHOOL.label): 0,
        str(Issuer.BRANCH.label): 0,
    }
    for issuer, department, count in rows:
        label = department if issuer == Issuer.DEPARTMENT else str(Issuer(issuer).label)
        breakdown[label] = breakdown.get(label, 0) + count
    return breakdown


@figure(
    "documents.issued",
    label=_("documents issued"),
    unit=Unit.COUNT,
    definition=_(
        "Documents issued in the period by the school, the branch and the school's departments "
        "(revisions included, archived records not), by kind."
    ),
    measure=Measure.COPIES,
)
def issued(scope: Scope, period: Period) -> FigureResult:
    records = issued_between(schools=scope.school_ids, start=period.start, end=period.end)
    return FigureResult(value=records.count(), records=records, breakdown=_by_kind(records))


@figure(
    "documents.issued_by_issuer",
    label=_("documents issued, by issuer"),
    unit=Unit.COUNT,
    definition=_(
        "The documents issued in the period, by the school, the branch and each department."
    ),
    measure=Measure.COPIES,
)
def issued_by_issuer(scope: Scope, period: Period) -> FigureResult:
    records = issued_between(schools=scope.school_ids, start=period.start, end=period.end)
    return FigureResult(value=records.count(), records=records, breakdown=_by_issuer(records))


@figure(
    "documents.branch_issued",
    label=_("documents issued by the branch"),
    unit=Unit.COUNT,
    definition=_("Documents the party branch issued in the period, by kind."),
    measure=Measure.COPIES,
)
def branch_issued(scope: Scope, period: Period) -> FigureResult:
    records = issued_between(schools=scope.school_ids, start=period.start, end=period.end).filter(
        issuer=Issuer.BRANCH
    )
    return FigureResult(value=records.count(), records=records, breakdown=_by_kind(records))


@figure(
    "documents.in_force",
    label=_("documents in force"),
    unit=Unit.COUNT,
    definition=_(
        "Documents in force on the last day of the period: taken effect by then, not revised or "
        "repealed by then, not archived; by kind."
    ),
    measure=Measure.COPIES,
)
def in_force(scope: Scope, period: Period) -> FigureResult:
    records = in_force_on(schools=scope.school_ids, day=period.end)
    return FigureResult(value=records.count(), records=records, breakdown=_by_kind(records))
