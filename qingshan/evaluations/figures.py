"""Figures of the rating campaigns for the annual summary.

A campaign belongs to the period in which its term starts; it counts once it has been held
(closed, reviewed or published); archived campaigns do not count. Raters are tokens; follow-ups
belong to the period of their target's campaign. Rates are computed from the counts of the whole
scope, and the teachers' bar uses the same rule for showing a result as every results page (a
result that is not shown is in no figure).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.core.figures import FigureResult, Measure, Period, Scope, Unit, figure
from qingshan.evaluations.enums import (
    CampaignStatus,
    FollowUpKind,
    FollowUpStatus,
    InstrumentKind,
    RaterKind,
    TargetKind,
)
from qingshan.evaluations.models import Campaign, FollowUp, RaterToken, RatingDue, Target
from qingshan.evaluations.selectors.results import standings

# Only closed campaigns count: their dues no longer change, and closing raises the school's
# records version (core.versions leaves out the dues raters mark done while it is open).
HELD = (CampaignStatus.CLOSED, CampaignStatus.REVIEWED, CampaignStatus.PUBLISHED)


def held_campaigns(scope: Scope, period: Period) -> QuerySet[Campaign]:
    """Campaigns of the scope held in the period (by their term's start date)."""
    return (
        Campaign.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            status__in=HELD,
            term__start_date__range=(period.start, period.end),
        )
    )


def _tokens(scope: Scope, period: Period) -> QuerySet[RaterToken]:
    return RaterToken.objects.filter(campaign__in=held_campaigns(scope, period))


def _responded(tokens: QuerySet[RaterToken]) -> QuerySet[RaterToken]:
    return tokens.filter(Exists(RatingDue.objects.filter(token=OuterRef("pk"), done=True)))


def _by_rater_kind(tokens: QuerySet[RaterToken]) -> dict[str, int | float]:
    counts = dict(
        tokens.order_by()
        .values_list("rater_kind")
        .annotate(n=Count("pk"))
        .values_list("rater_kind", "n")
    )
    return {str(label): counts.get(value, 0) for value, label in RaterKind.choices}


@figure(
    "evaluations.campaigns",
    label=_("rating campaigns held"),
    unit=Unit.COUNT,
    definition=_(
        "Rating campaigns closed, reviewed or published whose term starts in the period; "
        "by who rates whom."
    ),
    measure=Measure.TIMES,
)
def campaigns(scope: Scope, period: Period) -> FigureResult:
    records = held_campaigns(scope, period)
    counts = dict(
        records.order_by()
        .values_list("instrument__kind")
        .annotate(n=Count("pk"))
        .values_list("instrument__kind", "n")
    )
    return FigureResult(
        value=records.count(),
        records=records,
        breakdown={str(label): counts.get(value, 0) for value, label in InstrumentKind.choices},
    )


@figure(
    "evaluations.raters_invited",
    label=_("raters invited"),
    unit=Unit.COUNT,
    definition=_("Rating links (one per rater) of the campaigns held in the period; by rater."),
    measure=Measure.PEOPLE,
)
def raters_invited(scope: Scope, period: Period) -> FigureResult:
    records = _tokens(scope, period)
    return FigureResult(value=records.count(), records=records, breakdown=_by_rater_kind(records))


@figure(
    "evaluations.raters_responded",
    label=_("raters who responded"),
    unit=Unit.COUNT,
    definition=_(
        "Rating links of the campaigns held in the period used for at least one rating; by rater. "
        "Its records are the campaigns: who responded is shown per campaign and class on the "
        "campaign's participation page, never per rated person."
    ),
    measure=Measure.PEOPLE,
)
def raters_responded(scope: Scope, period: Period) -> FigureResult:
    breakdown = _by_rater_kind(_responded(_tokens(scope, period)))
    return FigureResult(
        value=int(sum(breakdown.values())),
        records=held_campaigns(scope, period),
        breakdown=breakdown,
    )


@figure(
    "evaluations.response_rate",
    label=_("response rate of ratings"),
    unit=Unit.RATE,
    definition=_(
        "Raters who responded over raters invited, over the campaigns held in the period."
    ),
    parts={"responded": _("raters who rated"), "invited": _("raters invited")},
)
def response_rate(scope: Scope, period: Period) -> FigureResult:
    tokens = _tokens(scope, period)
    totals = tokens.annotate(
        used=Exists(RatingDue.objects.filter(token=OuterRef("pk"), done=True))
    ).aggregate(invited=Count("pk"), responded=Count("pk", filter=Q(used=True)))
    invited, responded = totals["invited"], totals["responded"]
    return FigureResult(
        value=responded / invited if invited else None,
        records=held_campaigns(scope, period),
        breakdown={"responded": responded, "invited": invited},
    )


@figure(
    "evaluations.teachers_above_bar",
    label=_("teachers at or above the bar"),
    unit=Unit.RATE,
    definition=_(
        "Teachers rated by students whose result is shown and whose mean is at or above the "
        "instrument's bar, over teachers whose result is shown, in the campaigns held in the "
        "period (a teacher rated in two campaigns counts twice)."
    ),
    parts={"above": _("at or above the bar"), "shown": _("with a result shown")},
)
def teachers_above_bar(scope: Scope, period: Period) -> FigureResult:
    targets = list(
        Target.objects.filter(
            campaign__in=held_campaigns(scope, period), kind=TargetKind.TEACHER
        ).select_related("campaign__instrument")
    )
    rated = [item for item in standings(targets=targets) if item.overall_mean is not None]
    above = [result for result in rated if not result.flagged]
    return FigureResult(
        value=len(above) / len(rated) if rated else None,
        records=Target.objects.filter(pk__in=[result.target.pk for result in rated]),
        breakdown={"above": len(above), "shown": len(rated)},
    )


def _follow_ups(scope: Scope, period: Period, **filters: Any) -> FigureResult:
    records = (
        FollowUp.objects.for_schools(scope.school_ids)
        .active()
        .filter(
            target__campaign__in=held_campaigns(scope, period),
            **filters,
        )
    )
    counts = dict(
        records.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    return FigureResult(
        value=records.count(),
        records=records,
        breakdown={str(label): counts.get(value, 0) for value, label in FollowUpKind.choices},
    )


@figure(
    "evaluations.follow_ups_opened",
    label=_("follow-ups of ratings opened"),
    unit=Unit.COUNT,
    definition=_(
        "Follow-ups (shadowing classes, improvement plans, written reviews) of people below the "
        "bar in the campaigns held in the period."
    ),
    measure=Measure.CASES,
)
def follow_ups_opened(scope: Scope, period: Period) -> FigureResult:
    return _follow_ups(scope, period)


@figure(
    "evaluations.follow_ups_closed",
    label=_("follow-ups of ratings closed"),
    unit=Unit.COUNT,
    definition=_(
        "Follow-ups of people below the bar in the campaigns held in the period that have been "
        "closed with an outcome."
    ),
    measure=Measure.CASES,
)
def follow_ups_closed(scope: Scope, period: Period) -> FigureResult:
    return _follow_ups(scope, period, status=FollowUpStatus.CLOSED)


__all__ = [
    "campaigns",
    "follow_ups_closed",
    "follow_ups_opened",
    "held_campaigns",
    "raters_invited",
    "raters_responded",
    "response_rate",
    "teachers_above_bar",
]
