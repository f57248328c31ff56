"""Figures of internships for the annual summary, each counted from the records it lists: the
school's own enterprises and bases, the placements and their compliance, the hours logged, the
weeks confirmed and reviewed, and what the school's enterprises produced and built."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.internships.enums import OWN_KINDS, PlacementKind, UnitKind, WorksKind
from qingshan.internships.models import Day, Finding, Placement, Production, Week, Works
from qingshan.internships.models import Unit as InternshipUnit
from qingshan.internships.rulesets import NATIONAL

UNIT_PARTS = {kind.value: kind.label for kind in UnitKind}
KIND_PARTS = {kind.value: kind.label for kind in PlacementKind}
WORKS_PARTS = {kind.value: kind.label for kind in WorksKind}
RULE_PARTS: dict[str, Any] = {code: rule.article for code, rule in NATIONAL[-1].rules.items()}


def _own_units(scope: Scope, day: dt.date) -> QuerySet[InternshipUnit]:
    return (
        InternshipUnit.objects.for_schools(scope.school_ids)
        .active()
        .filter(enterprise__isnull=True, kind__in=OWN_KINDS)
        .filter(Q(founded_year__isnull=True) | Q(founded_year__lte=day.year))
    )


@figure(
    "internships.own_units",
    label=_("the school's own enterprises and bases"),
    unit=Unit.COUNT,
    measure=Measure.UNITS,
    parts=UNIT_PARTS,
    definition=_(
        "Farms, orchards, nurseries, factories, shops and construction works the school runs "
        "itself, founded by the end of the period; the breakdown counts each kind."
    ),
)
def own_units(scope: Scope, period: Period) -> FigureResult:
    found = _own_units(scope, period.end)
    return FigureResult(value=found.count(), records=found, breakdown=_by_kind(found))


def _by_kind(found: QuerySet[Any]) -> dict[str, int | float]:
    return dict(Counter(found.values_list("kind", flat=True)))


def _area(scope: Scope, period: Period, kind: UnitKind) -> FigureResult:
    found = _own_units(scope, period.end).filter(kind=kind, area_mu__isnull=False)
    total = found.aggregate(total=Sum("area_mu"))["total"]
    return FigureResult(value=total, records=found)


@figure(
    "internships.farm_mu",
    label=_("area of the school's farms"),
    unit=Unit.MU,
    definition=_("The area in mu of the farms the school runs itself, at the end of the period."),
)
def farm_mu(scope: Scope, period: Period) -> FigureResult:
    return _area(scope, period, UnitKind.FARM)


@figure(
    "internships.nursery_mu",
    label=_("area of the school's nurseries"),
    unit=Unit.MU,
    definition=_(
        "The area in mu of the nurseries the school runs itself, at the end of the period."
    ),
)
def nursery_mu(scope: Scope, period: Period) -> FigureResult:
    return _area(scope, period, UnitKind.NURSERY)


@figure(
    "internships.orchard_mu",
    label=_("area of the school's orchards"),
    unit=Unit.MU,
    definition=_(
        "The area in mu of the orchards the school runs itself, at the end of the period."
    ),
)
def orchard_mu(scope: Scope, period: Period) -> FigureResult:
    return _area(scope, period, UnitKind.ORCHARD)


def _placements(scope: Scope, period: Period) -> QuerySet[Placement]:
    return (
        Placement.objects.for_schools(scope.school_ids)
        .active()
        .filter(starts_on__lte=period.end, ends_on__gte=period.start)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period.start))
    )


@figure(
    "internships.students_placed",
    label=_("students on internship placements"),
    unit=Unit.COUNT,
    measure=Measure.PEOPLE,
    parts=KIND_PARTS,
    definition=_(
        "Students with a placement running on some day of the period, each counted once; the "
        "breakdown counts them by kind of internship and by major."
    ),
)
def students_placed(scope: Scope, period: Period) -> FigureResult:
    found = _placements(scope, period)
    breakdown: dict[str, int | float] = {}
    for kind in PlacementKind.values:
        breakdown[kind] = found.filter(kind=kind).values("student").distinct().count()
    for major, count in _count_by(found, "student__school_class__major__name"):
        breakdown[major or str(_("general track"))] = count
    return FigureResult(
        value=found.values("student").distinct().count(), records=found, breakdown=breakdown
    )


def _count_by(found: QuerySet[Placement], field: str) -> list[tuple[str, int]]:
    seen: dict[str, set[int]] = {}
    for key, student in found.values_list(field, "student"):
        seen.setdefault(key or "", set()).add(student)
    return sorted((key, len(students)) for key, students in seen.items())


@figure(
    "internships.hours",
    label=_("internship hours logged"),
    unit=Unit.HOURS,
    definition=_(
        "The hours students logged on internship days of the period: from start to end, past "
        "midnight where the end is earlier, less the break."
    ),
)
def hours(scope: Scope, period: Period) -> FigureResult:
    days = (
        Day.objects.for_schools(scope.school_ids)
        .active()
        .filter(day__range=(period.start, period.end), week__placement__archived_at__isnull=True)
    )
    minutes = days.aggregate(total=Sum("minutes"))["total"] or 0
    return FigureResult(value=round(minutes / 60, 1), records=days)


def _open_at(day: dt.date) -> Q:
    return Q(found_on__lte=day) & (Q(mended_on__isnull=True) | Q(mended_on__gt=day))


@figure(
    "internships.compliant_share",
    label=_("share of placements fully compliant"),
    unit=Unit.RATE,
    definition=_(
        "Of the placements running in the period, the share with no finding of the internship "
        "rules open on the period's last day (a breach found and mended by then counts as "
        "compliant). Refused placements were never recorded."
    ),
)
def compliant_share(scope: Scope, period: Period) -> FigureResult:
    found = _placements(scope, period)
    open_then = Finding.objects.filter(_open_at(period.end), placement=OuterRef("pk"))
    compliant = found.exclude(Exists(open_then))
    total = found.count()
    return FigureResult(
        value=compliant.count() / total if total else None,
        records=compliant,
        breakdown={"numerator": compliant.count(), "denominator": total},
    )


@figure(
    "internships.breaches",
    label=_("breaches of the internship rules found"),
    unit=Unit.COUNT,
    measure=Measure.CASES,
    parts={**RULE_PARTS, "mended": _("mended by the end of the period")},
    definition=_(
        "Findings of the internship rules found in the period, open or mended; the breakdown "
        "counts them by rule, and those mended by the period's end."
    ),
)
def breaches(scope: Scope, period: Period) -> FigureResult:
    found = Finding.objects.for_schools(scope.school_ids).filter(
        found_on__range=(period.start, period.end), placement__archived_at__isnull=True
    )
    breakdown: dict[str, int | float] = {}
    for rule in found.values_list("rule", flat=True):
        breakdown[rule] = breakdown.get(rule, 0) + 1
    breakdown["mended"] = found.filter(mended_on__lte=period.end).count()
    return FigureResult(value=found.count(), records=found, breakdown=breakdown)


def _weeks(scope: Scope, period: Period) -> QuerySet[Week]:
    return Week.objects.for_schools(scope.school_ids).filter(
        week_start__range=(period.start, period.end),
        submitted_at__isnull=False,
        placement__archived_at__isnull=True,
    )


@figure(
    "internships.journals_reviewed",
    label=_("share of weekly journals reviewed"),
    unit=Unit.RATE,
    definition=_(
        "Of the weekly journals handed in for weeks of the period, the share the school "
        "supervisor has reviewed."
    ),
)
def journals_reviewed(scope: Scope, period: Period) -> FigureResult:
    weeks = _weeks(scope, period)
    reviewed = weeks.filter(reviewed_on__isnull=False)
    total = weeks.count()
    return FigureResult(
        value=reviewed.count() / total if total else None,
        records=reviewed,
        breakdown={"numerator": reviewed.count(), "denominator": total},
    )


@figure(
    "internships.confirmation_rate",
    label=_("share of weeks confirmed by the unit supervisors"),
    unit=Unit.RATE,
    definition=_(
        "Of the weeks handed in for the period, the share the unit supervisor confirmed through "
        "the one-time link, late confirmations included."
    ),
)
def confirmation_rate(scope: Scope, period: Period) -> FigureResult:
    weeks = _weeks(scope, period)
    confirmed = weeks.filter(confirmed_at__isnull=False)
    total = weeks.count()
    return FigureResult(
        value=confirmed.count() / total if total else None,
        records=confirmed,
        breakdown={"numerator": confirmed.count(), "denominator": total},
    )


def _production(scope: Scope, period: Period) -> QuerySet[Production]:
    return (
        Production.objects.for_schools(scope.school_ids)
        .active()
        .filter(period_start__gte=period.start, period_end__lte=period.end)
    )


@figure(
    "internships.revenue",
    label=_("revenue of the school's own enterprises"),
    unit=Unit.YUAN,
    parts={"cost": _("cost"), "teaching_use": _("used for teaching")},
    definition=_(
        "The revenue the production records of the period give for the school's own units (a "
        "record counts when its whole period lies in this one), in yuan; the breakdown gives "
        "their cost and the part spent back on teaching."
    ),
)
def revenue(scope: Scope, period: Period) -> FigureResult:
    found = _production(scope, period)
    sums = found.aggregate(revenue=Sum("revenue"), cost=Sum("cost"), teaching=Sum("teaching_use"))
    return FigureResult(
        value=sums["revenue"] or Decimal(0),
        records=found,
        breakdown={"cost": float(sums["cost"] or 0), "teaching_use": float(sums["teaching"] or 0)},
    )


@figure(
    "internships.teaching_use",
    label=_("production revenue spent on teaching"),
    unit=Unit.YUAN,
    definition=_(
        "The part of the revenue of the school's own enterprises in the period spent back on "
        "teaching (反哺教学), in yuan."
    ),
)
def teaching_use(scope: Scope, period: Period) -> FigureResult:
    found = _production(scope, period).filter(teaching_use__gt=0)
    return FigureResult(
        value=found.aggregate(total=Sum("teaching_use"))["total"] or Decimal(0), records=found
    )


@figure(
    "internships.works_built",
    label=_("works built by students"),
    unit=Unit.COUNT,
    measure=Measure.ITEMS,
    parts=WORKS_PARTS,
    definition=_(
        "Roads, ditches, sports fields and other works that classes built as their production "
        "internship and finished in the period; the breakdown counts each kind."
    ),
)
def works_built(scope: Scope, period: Period) -> FigureResult:
    found = (
        Works.objects.for_schools(scope.school_ids)
        .active()
        .filter(finished_on__range=(period.start, period.end))
    )
    return FigureResult(value=found.count(), records=found, breakdown=_by_kind(found))


@figure(
    "internships.breaches_mended",
    label=_("breaches of the internship rules mended"),
    unit=Unit.COUNT,
    measure=Measure.CASES,
    definition=_(
        "Of the findings of the internship rules found in the period, those mended by the "
        "period's last day."
    ),
)
def breaches_mended(scope: Scope, period: Period) -> FigureResult:
    found = Finding.objects.for_schools(scope.school_ids).filter(
        found_on__range=(period.start, period.end),
        mended_on__lte=period.end,
        placement__archived_at__isnull=True,
    )
    return FigureResult(value=found.count(), records=found)
