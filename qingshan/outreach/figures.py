"""Figures of the technology outreach for the annual summary (DESIGN §5)."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.outreach import selectors
from qingshan.outreach.enums import MaterialKind


@figure(
    "outreach.visits",
    label=_("outreach visits"),
    unit=Unit.COUNT,
    definition=_("Visits to the townships within the period."),
    measure=Measure.TIMES,
)
def visits(scope: Scope, period: Period) -> FigureResult:
    records = selectors.counted_visits(scope.school_ids, period.start, period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "outreach.leaflets",
    label=_("leaflets and materials handed out"),
    unit=Unit.COUNT,
    definition=_("Copies of leaflets and other materials handed out on visits within the period."),
    measure=Measure.COPIES,
    parts=dict(MaterialKind.choices),
)
def leaflets(scope: Scope, period: Period) -> FigureResult:
    records = selectors.counted_handouts(scope.school_ids, period.start, period.end)
    by_kind = dict(records.values_list("kind").annotate(n=Sum("count")).values_list("kind", "n"))
    return FigureResult(
        value=sum(by_kind.values()),
        records=records,
        breakdown={value: by_kind.get(value, 0) for value in MaterialKind.values},
    )


@figure(
    "outreach.problems_solved",
    label=_("technical problems solved"),
    unit=Unit.COUNT,
    definition=_("Problems whose solution, dated within the period, was verified."),
    measure=Measure.ITEMS,
)
def problems_solved(scope: Scope, period: Period) -> FigureResult:
    records = selectors.solved_problems(scope.school_ids, period.start, period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "outreach.practical_things",
    label=_("practical things done for the people"),
    unit=Unit.COUNT,
    definition=_("Practical things done for the people within the period."),
    measure=Measure.ITEMS,
)
def practical_things(scope: Scope, period: Period) -> FigureResult:
    records = selectors.counted_practical_things(scope.school_ids, period.start, period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "outreach.bases",
    label=_("science popularisation bases"),
    unit=Unit.COUNT,
    definition=_("Bases open on the last day of the period."),
    measure=Measure.UNITS,
)
def bases(scope: Scope, period: Period) -> FigureResult:
    records = selectors.open_bases(scope.school_ids, period.end)
    return FigureResult(value=records.count(), records=records)


@figure(
    "outreach.base_townships",
    label=_("townships with a science popularisation base"),
    unit=Unit.COUNT,
    definition=_("Different townships of the bases open on the last day of the period."),
    measure=Measure.UNITS,
)
def base_townships(scope: Scope, period: Period) -> FigureResult:
    records = selectors.open_bases(scope.school_ids, period.end)
    count = records.aggregate(n=Count("township", distinct=True))["n"]
    return FigureResult(value=count, records=records)


@figure(
    "outreach.households",
    label=_("farm households served"),
    unit=Unit.COUNT,
    definition=_(
        "Households served on a visit within the period, each once however many visits; the "
        "breakdown gives the demonstration households among them."
    ),
    measure=Measure.HOUSEHOLDS,
    parts={"demonstration": _("demonstration households")},
)
def households(scope: Scope, period: Period) -> FigureResult:
    records = selectors.served_households(scope.school_ids, period.start, period.end)
    return FigureResult(
        value=records.count(),
        records=records,
        breakdown={"demonstration": records.filter(is_demonstration=True).count()},
    )
