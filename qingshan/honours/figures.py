"""Figures of the honours for the annual summary (DESIGN §5)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.honours.enums import Level, Recipient
from qingshan.honours.models import Commendation, Honour
from qingshan.honours.selectors import counted_commendations, counted_honours


@figure(
    "honours.honours",
    label=_("honours of the school and the branch"),
    unit=Unit.COUNT,
    definition=_("Honours awarded to the school or its branch within the period, by level."),
    measure=Measure.ITEMS,
    parts={
        "county": _("county level"),
        "city": _("city level"),
        "province": _("province level"),
        "nation": _("national level"),
    },
)
def honours(scope: Scope, period: Period) -> FigureResult:
    records = counted_honours(scope.school_ids, period.start, period.end)
    counts = dict(records.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
    return FigureResult(
        value=sum(counts.values()),
        records=records,
        breakdown={value: counts.get(value, 0) for value in Level.values},
    )


LEVEL_LABELS = {
    Level.COUNTY: _("honours at county level"),
    Level.CITY: _("honours at city level"),
    Level.PROVINCE: _("honours at province level"),
    Level.NATION: _("honours at national level"),
}


def _level_figure(level: Level) -> None:
    @figure(
        f"honours.{level.value}",
        label=LEVEL_LABELS[level],
        unit=Unit.COUNT,
        definition=_(
            "Honours of the school or its branch at this level, awarded within the period."
        ),
        measure=Measure.ITEMS,
    )
    def compute(scope: Scope, period: Period) -> FigureResult:
        records = counted_honours(scope.school_ids, period.start, period.end).filter(level=level)
        return FigureResult(value=records.count(), records=records)


for _level in Level:
    _level_figure(_level)


@figure(
    "honours.branch_commended",
    label=_("times the branch was commended"),
    unit=Unit.COUNT,
    definition=_(
        "Honours awarded to the party branch within the period; the breakdown gives all up to "
        "the end of the period."
    ),
    measure=Measure.TIMES,
    parts={"to_date": _("up to the end of the period")},
)
def branch_commended(scope: Scope, period: Period) -> FigureResult:
    records = counted_honours(scope.school_ids, period.start, period.end).filter(
        recipient=Recipient.BRANCH
    )
    to_date = (
        Honour.objects.for_schools(scope.school_ids)
        .active()
        .filter(recipient=Recipient.BRANCH, awarded_on__lte=period.end)
    )
    return FigureResult(
        value=records.count(), records=records, breakdown={"to_date": to_date.count()}
    )


@figure(
    "honours.members_commended",
    label=_("party members commended"),
    unit=Unit.COUNT,
    definition=_(
        "Different party members of the branch commended within the period; the breakdown "
        "gives those commended up to the end of the period."
    ),
    measure=Measure.PEOPLE,
    parts={"to_date": _("up to the end of the period")},
)
def members_commended(scope: Scope, period: Period) -> FigureResult:
    records = counted_commendations(scope.school_ids, period.start, period.end).filter(
        member__isnull=False
    )
    to_date = (
        Commendation.objects.for_schools(scope.school_ids)
        .active()
        .filter(Q(member__isnull=False), awarded_on__lte=period.end)
    )
    return FigureResult(
        value=records.values("member_id").distinct().count(),
        records=records,
        breakdown={"to_date": to_date.values("member_id").distinct().count()},
    )
