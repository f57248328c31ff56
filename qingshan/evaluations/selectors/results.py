"""Results of rating campaigns: what each rated person, unit or department got.

Invariants:
- a result is *shown* only from ``instrument.min_raters`` raters who have rated the target and,
  when anyone was invited, ``instrument.min_share`` of those invited; a result that is not shown
  carries no number but its raters and invited (the dataclasses refuse score fields on it), so
  no page, export or API built on these objects can leak what is not there;
- an aggregate never lets a hidden result be recovered by subtraction: the school mean pools the
  shown targets only, and a department is shown only if its hidden part is empty or is itself
  an aggregate of at least two targets and ``min_raters`` ratings;
- means are exact fractions until they are handed out as floats, so "below the bar" is exact;
- every selector runs a constant number of queries whatever the number of targets.

Who may see a result is decided in ``selectors.visibility``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from qingshan.evaluations.enums import CampaignStatus, QuestionKind, TargetKind
from qingshan.evaluations.models import (
    Campaign,
    ChoiceCount,
    Instrument,
    Question,
    RatingDue,
    ScaleCount,
    Target,
)
from qingshan.evaluations.selectors.statistics import enough_raters, mean_of, summarize
from qingshan.evaluations.selectors.visibility import (
    is_rated_person,
    may_see_results,
    text_answers,
)

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
Counts = dict[tuple[int, int], dict[int, int]]  # (target, question) → {value: count}


@dataclass(frozen=True)
class ScaleResult:
    """One scale question: ``distribution`` has every score 1..scale_max; ``mean`` is ``None``
    when nobody answered, ``interval`` (95%) when fewer than two did."""

    question: Question
    distribution: dict[int, int]
    answered: int
    mean: float | None
    interval: tuple[float, float] | None


@dataclass(frozen=True)
class ChoiceResult:
    """One single- or multiple-choice question: ``counts`` maps each option's index to a count."""

    question: Question
    counts: dict[int, int]

    @property
    def answered(self) -> int | None:
        """How many answered a single-choice question; ``None`` for a multiple choice, where
        one rater may count under several options."""
        if self.question.kind != QuestionKind.SINGLE:
            return None
        return sum(self.counts.values())

    @property
    def labelled(self) -> list[tuple[str, int]]:
        """(option in the active language, count) in the options' order."""
        labels = self.question.localized(self.question.options)
        return [(label, self.counts.get(index, 0)) for index, label in enumerate(labels)]


@dataclass(frozen=True)
class _Shown:
    """What every result says: how many rated, how many were invited, whether it is shown."""

    raters: int
    invited: int
    shown: bool

    @property
    def share(self) -> float | None:
        """Raters over invited; ``None`` when nobody was invited."""
        return self.raters / self.invited if self.invited else None

    @property
    def note(self) -> str:
        return "" if self.shown else _("too few responses")

    def _refuse_numbers(self, *numbers: Any) -> None:
        if not self.shown and any(
            not (item is None or item is False or item == ()) for item in numbers
        ):
            raise ValueError("a result that is not shown carries no numbers")


@dataclass(frozen=True)
class TargetResult(_Shown):
    """A target's result. Not shown: ``scales`` and ``choices`` empty, ``overall_mean`` ``None``,
    ``flagged`` false. ``overall_mean`` is the mean of the answered scale questions' means;
    ``flagged``: shown and ``overall_mean`` below ``instrument.threshold``."""

    target: Target
    scales: tuple[ScaleResult, ...] = ()
    choices: tuple[ChoiceResult, ...] = ()
    overall_mean: float | None = None
    flagged: bool = False

    def __post_init__(self) -> None:
        self._refuse_numbers(self.scales, self.choices, self.overall_mean, self.flagged)

    def scale(self, question: Question | int) -> ScaleResult | None:
        """The result of one scale question (by question or id), if shown."""
        pk = question if isinstance(question, int) else question.pk
        return next((item for item in self.scales if item.question.pk == pk), None)


@dataclass(frozen=True)
class DepartmentResult(_Shown):
    """The teachers of one department (``None``: staff without a department), pooled:
    ``raters`` counts ratings (a student rating two of the department's teachers counts
    twice)."""

    department: Any
    teachers: int
    scales: tuple[ScaleResult, ...] = ()
    overall_mean: float | None = None

    def __post_init__(self) -> None:
        self._refuse_numbers(self.scales, self.overall_mean)

    @property
    def label(self) -> str:
        return self.department.name if self.department is not None else _("No department")


# --- reading the rows -------------------------------------------------------------------------


def _raters(target_ids: Sequence[int]) -> dict[int, int]:
    """Done rating dues per target (one query)."""
    rows = (
        RatingDue.objects.filter(target_id__in=target_ids, done=True)
        .values("target_id")
        .annotate(n=Count("pk"))
        .values_list("target_id", "n")
    )
    return dict(rows)


def _questions(instrument_ids: Iterable[int]) -> dict[int, list[Question]]:
    """Questions per instrument, in order (one query)."""
    by_instrument: dict[int, list[Question]] = defaultdict(list)
    for question in Question.objects.filter(instrument_id__in=set(instrument_ids)).order_by(
        "instrument_id", "order", "pk"
    ):
        by_instrument[question.instrument_id].append(question)
    return by_instrument


def _counts(model: type[ScaleCount] | type[ChoiceCount], target_ids: Sequence[int]) -> Counts:
    """Counters of the targets (one query; none for no targets)."""
    column = "value" if model is ScaleCount else "option"
    counts: Counts = defaultdict(dict)
    if target_ids:
        for target_id, question_id, value, count in model.objects.filter(
            target_id__in=target_ids
        ).values_list("target_id", "question_id", column, "count"):
            counts[(target_id, question_id)][value] = count
    return counts


def is_shown(instrument: Instrument, *, raters: int, invited: int) -> bool:
    """The instrument's rule for showing a result of ``raters`` out of ``invited``."""
    return enough_raters(
        raters=raters,
        invited=invited,
        min_raters=instrument.min_raters,
        min_share=instrument.min_share,
    )


def _scale_result(
    question: Question, counts: dict[int, int]
) -> tuple[ScaleResult, Fraction | None]:
    distribution = {value: counts.get(value, 0) for value in question.values}
    summary = summarize(distribution, low=1, high=question.scale_max)
    result = ScaleResult(
        question=question,
        distribution=distribution,
        answered=summary.n,
        mean=float(summary.mean) if summary.mean is not None else None,
        interval=summary.interval,
    )
    return result, summary.mean


def _scales(
    questions: Iterable[Question], counts: Callable[[Question], dict[int, int]]
) -> tuple[tuple[ScaleResult, ...], Fraction | None]:
    """The scale questions' results and the exact mean of their means."""
    scales, means = [], []
    for question in questions:
        if question.kind == QuestionKind.SCALE:
            scale, mean = _scale_result(question, counts(question))
            scales.append(scale)
            if mean is not None:
                means.append(mean)
    return tuple(scales), mean_of(means)


def _results(targets: Sequence[Target], *, choices: bool = True) -> list[TargetResult]:
    """Results of ``targets`` (their ``campaign.instrument`` loaded), in their order.

    Queries: raters, and when anything is shown the questions, scale and choice counters.
    """
    raters = _raters([target.pk for target in targets])
    hidden = [
        TargetResult(
            target=target, raters=raters.get(target.pk, 0), invited=target.invited, shown=False
        )
        for target in targets
    ]
    shown_ids = [
        item.target.pk
        for item in hidden
        if is_shown(item.target.campaign.instrument, raters=item.raters, invited=item.invited)
    ]
    questions = (
        _questions(item.target.campaign.instrument_id for item in hidden) if shown_ids else {}
    )
    scale_counts = _counts(ScaleCount, shown_ids)
    choice_counts = _counts(ChoiceCount, shown_ids) if choices else {}
    results = []
    for item in hidden:
        target = item.target
        if target.pk not in shown_ids:
            results.append(item)
            continue
        instrument = target.campaign.instrument
        asked = questions[instrument.pk]

        def counted(question: Question, target_id: int = target.pk) -> dict[int, int]:
            return scale_counts[(target_id, question.pk)]

        scales, overall = _scales(asked, counted)
        results.append(
            replace(
                item,
                shown=True,
                scales=scales,
                choices=tuple(
                    ChoiceResult(
                        question=question,
                        counts={
                            option: choice_counts[(target.pk, question.pk)].get(option, 0)
                            for option in question.values
                        },
                    )
                    for question in asked
                    if choices and question.kind in CHOICE_KINDS
                ),
                overall_mean=float(overall) if overall is not None else None,
                flagged=overall is not None and overall < Fraction(instrument.threshold),
            )
        )
    return results


@dataclass(frozen=True)
class Standing:
    """Where a target stands, as its ``TargetResult`` says, without the distributions: whether
    it is shown, its exact overall mean (``None`` when hidden or unanswered) and whether that is
    below the instrument's bar."""

    target: Target
    shown: bool
    overall_mean: Fraction | None
    flagged: bool


def standings(*, targets: Sequence[Target]) -> list[Standing]:
    """The standing of each target (``campaign.instrument`` loaded), in their order: the same
    ``shown``, ``overall_mean`` and ``flagged`` as ``results_of``, from the counters' sums per
    question rather than their distributions (three queries whatever the number of targets)."""
    raters = _raters([target.pk for target in targets])
    shown_ids = {
        target.pk
        for target in targets
        if is_shown(
            target.campaign.instrument, raters=raters.get(target.pk, 0), invited=target.invited
        )
    }
    if not shown_ids:
        return [Standing(target, False, None, False) for target in targets]
    questions = _questions(target.campaign.instrument_id for target in targets)
    sums = {
        (target_id, question_id): (answered, total)
        for target_id, question_id, answered, total in ScaleCount.objects.filter(
            target_id__in=shown_ids
        )
        .order_by()
        .values_list("target_id", "question_id")
        .annotate(answered=Sum("count"), total=Sum(F("value") * F("count")))
        .values_list("target_id", "question_id", "answered", "total")
    }
    found = []
    for target in targets:
        if target.pk not in shown_ids:
            found.append(Standing(target, False, None, False))
            continue
        instrument = target.campaign.instrument
        means = []
        for question in questions[instrument.pk]:
            answered, total = sums.get((target.pk, question.pk), (0, 0))
            if question.kind == QuestionKind.SCALE and answered:
                means.append(Fraction(total, answered))
        overall = mean_of(means)
        flagged = overall is not None and overall < Fraction(instrument.threshold)
        found.append(Standing(target, True, overall, flagged))
    return found


def _targets(campaign: Campaign) -> Any:
    return (
        Target.objects.filter(school_id=campaign.school_id, campaign=campaign)
        .select_related("campaign__instrument", "staff__department", "member", "department")
        .order_by("label", "pk")
    )


# --- selectors --------------------------------------------------------------------------------


def campaign_results(*, campaign: Campaign) -> list[TargetResult]:
    """Every target of the campaign by name (at most five queries)."""
    return _results(list(_targets(campaign)))


@dataclass(frozen=True)
class RankedRow:
    """A row of the campaign's results list: ``rank`` is the place by overall mean among the
    campaign's shown targets (equal means share a place: 1, 2, 2, 4), ``None`` when hidden."""

    result: TargetResult
    rank: int | None


ORDER_BY_NAME, ORDER_BY_SCORE = "name", "score"


@dataclass(frozen=True)
class ResultsTable:
    """The campaign's results by name with their ranks, and what they may be filtered by: the
    departments and main subjects of the rated staff."""

    rows: tuple[RankedRow, ...]
    departments: tuple[Any, ...]
    subjects: tuple[str, ...]

    def filtered(
        self,
        *,
        order: str = ORDER_BY_NAME,
        department: int | None = None,
        subject: str = "",
        below_bar: bool = False,
    ) -> list[RankedRow]:
        """The rows kept to the staff of one ``department`` or main ``subject``, or to those
        below the bar; by name, or ranked (highest mean first, hidden ones last by name).
        Ranks stay places in the whole campaign. No query."""
        rows = []
        for row in self.rows:
            staff = row.result.target.staff
            if department is not None and (staff is None or staff.department_id != department):
                continue
            if subject and (staff is None or staff.subject != subject):
                continue
            if below_bar and not row.result.flagged:
                continue
            rows.append(row)
        if order == ORDER_BY_SCORE:
            rows.sort(key=lambda item: (item.rank is None, item.rank or 0))
        return rows


def ranked_results(*, campaign: Campaign) -> ResultsTable:
    """Every target of the campaign by name with its rank (the queries of
    ``campaign_results``)."""
    every = campaign_results(campaign=campaign)
    place: dict[float, int] = {}
    shown_means = sorted(
        (row.overall_mean for row in every if row.shown and row.overall_mean is not None),
        reverse=True,
    )
    for index, mean in enumerate(shown_means, start=1):
        place.setdefault(mean, index)
    staff = [row.target.staff for row in every if row.target.staff is not None]
    departments = {member.department_id: member.department for member in staff}
    return ResultsTable(
        rows=tuple(
            RankedRow(
                result=row,
                rank=place.get(row.overall_mean) if row.overall_mean is not None else None,
            )
            for row in every
        ),
        departments=tuple(
            sorted(
                (unit for unit in departments.values() if unit is not None),
                key=lambda unit: unit.name,
            )
        ),
        subjects=tuple(sorted({member.subject for member in staff if member.subject})),
    )


def results_of(*, targets: Sequence[Target], choices: bool = True) -> list[TargetResult]:
    """Results of any targets (their ``campaign.instrument`` loaded, e.g. by
    ``select_related``), in their order; ``choices=False`` skips the choice counters."""
    return _results(targets, choices=choices)


def target_result(*, target: Target) -> TargetResult:
    """One target's result (at most four queries, plus the instrument if not loaded)."""
    return _results([target])[0]


def flags(*, campaign: Campaign) -> list[TargetResult]:
    """Shown targets whose overall mean is below the instrument's bar, by name."""
    return [result for result in campaign_results(campaign=campaign) if result.flagged]


def school_mean(*, campaign: Campaign) -> float | None:
    """The mean of every scale answer given to a shown target (so weighted by answers)."""
    total = answered = 0
    for result in _results(list(_targets(campaign)), choices=False):
        for scale in result.scales:
            total += sum(value * count for value, count in scale.distribution.items())
            answered += scale.answered
    return total / answered if answered else None


def _same_targets(target: Target, *, include_unpublished: bool, up_to: bool) -> list[Target]:
    """The same person, unit or the school in campaigns of the same kind of instrument: earlier
    terms' (``up_to``: and this campaign's term), oldest first, published campaigns only unless
    ``include_unpublished`` (closed or later)."""
    campaign = target.campaign
    same: Q
    if target.staff_id is not None:
        same = Q(staff_id=target.staff_id)
    elif target.member_id is not None:
        same = Q(member_id=target.member_id)
    elif target.department_id is not None:
        same = Q(department_id=target.department_id)
    elif target.kind == TargetKind.SCHOOL:
        same = Q(kind=TargetKind.SCHOOL)
    else:
        return [target] if up_to else []
    statuses = (
        [CampaignStatus.CLOSED, CampaignStatus.REVIEWED, CampaignStatus.PUBLISHED]
        if include_unpublished
        else [CampaignStatus.PUBLISHED]
    )
    term_start = (
        Q(campaign__term__start_date__lte=campaign.term.start_date)
        if up_to
        else Q(campaign__term__start_date__lt=campaign.term.start_date)
    )
    found = list(
        Target.objects.filter(
            same,
            term_start,
            school_id=target.school_id,
            campaign__instrument__kind=campaign.instrument.kind,
            campaign__status__in=statuses,
            campaign__archived_at__isnull=True,
        )
        .select_related("campaign__instrument", "campaign__term")
        .order_by("campaign__term__start_date", "campaign__opens_at", "pk")
    )
    if up_to and all(item.pk != target.pk for item in found):
        found.append(target)
    return found


def previous_results(
    *, target: Target, include_unpublished: bool = False
) -> list[tuple[Campaign, float]]:
    """The same person, unit or the school in earlier terms' campaigns of the same kind of
    instrument, oldest first: (campaign, overall mean), shown results only.

    Only published campaigns unless ``include_unpublished`` (managers: closed or later), so that
    a person reading their own published result never sees an earlier unpublished one.
    """
    earlier = _same_targets(target, include_unpublished=include_unpublished, up_to=False)
    return [
        (result.target.campaign, result.overall_mean)
        for result in _results(earlier, choices=False)
        if result.overall_mean is not None
    ]


@dataclass(frozen=True)
class TermScore:
    """One campaign of a target's history: its overall mean (``None`` when not shown) and the
    school's mean in that campaign (every scale answer given to a shown target)."""

    campaign: Campaign
    mean: float | None
    school_mean: float | None


def score_history(*, target: Target, include_unpublished: bool = False) -> list[TermScore]:
    """The target's overall mean term by term against the school's, oldest first, up to and
    including ``target``'s campaign: the campaigns ``previous_results`` reads, and this one.
    A constant number of queries whatever the number of terms and targets."""
    own = _same_targets(target, include_unpublished=include_unpublished, up_to=True)
    campaign_ids = [item.campaign_id for item in own]
    everyone = list(
        Target.objects.filter(school_id=target.school_id, campaign_id__in=campaign_ids)
        .select_related("campaign__instrument")
        .order_by("pk")
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    means: dict[int, float | None] = {}
    for result in _results(everyone, choices=False):
        pooled = totals[result.target.campaign_id]
        for scale in result.scales:
            pooled[0] += sum(value * count for value, count in scale.distribution.items())
            pooled[1] += scale.answered
        means[result.target.pk] = result.overall_mean
    return [
        TermScore(
            campaign=item.campaign,
            mean=means.get(item.pk),
            school_mean=(
                totals[item.campaign_id][0] / totals[item.campaign_id][1]
                if totals[item.campaign_id][1]
                else None
            ),
        )
        for item in own
    ]


def department_results(*, campaign: Campaign) -> list[DepartmentResult]:
    """The campaign's staff targets (teachers, head teachers) pooled by the staff member's
    department, by department name, staff without a department last (at most four queries).

    Shown when the department's ratings reach ``min_raters`` and its targets that are not shown
    on their own are none, or at least two with ``min_raters`` ratings together (else the
    department minus its shown teachers would give a hidden teacher's scores away).
    """
    instrument = campaign.instrument
    targets = list(_targets(campaign).filter(staff__isnull=False))
    raters = _raters([target.pk for target in targets])
    groups: dict[Any, list[Target]] = defaultdict(list)
    for target in targets:
        groups[target.staff.department_id if target.staff else None].append(target)

    def visible(members: list[Target]) -> bool:
        ratings = sum(raters.get(t.pk, 0) for t in members)
        hidden = [
            t
            for t in members
            if not is_shown(instrument, raters=raters.get(t.pk, 0), invited=t.invited)
        ]
        hidden_ratings = sum(raters.get(t.pk, 0) for t in hidden)
        return ratings >= instrument.min_raters and (
            not hidden or (len(hidden) >= 2 and hidden_ratings >= instrument.min_raters)
        )

    shown_keys = [key for key, members in groups.items() if visible(members)]
    shown_ids = [t.pk for key in shown_keys for t in groups[key]]
    questions = _questions([instrument.pk]).get(instrument.pk, []) if shown_ids else []
    counts = _counts(ScaleCount, shown_ids)
    results = []
    for key, members in groups.items():
        staff = members[0].staff
        result = DepartmentResult(
            department=staff.department if staff else None,
            teachers=len(members),
            raters=sum(raters.get(t.pk, 0) for t in members),
            invited=sum(t.invited for t in members),
            shown=False,
        )
        if key in shown_keys:

            def pooled(question: Question, members: list[Target] = members) -> dict[int, int]:
                total: dict[int, int] = defaultdict(int)
                for target in members:
                    for value, count in counts[(target.pk, question.pk)].items():
                        total[value] += count
                return total

            scales, overall = _scales(questions, pooled)
            result = replace(
                result,
                shown=True,
                scales=scales,
                overall_mean=float(overall) if overall is not None else None,
            )
        results.append(result)
    return sorted(results, key=lambda item: (item.department is None, item.label))


__all__ = [
    "ORDER_BY_NAME",
    "ORDER_BY_SCORE",
    "ChoiceResult",
    "DepartmentResult",
    "RankedRow",
    "ResultsTable",
    "ScaleResult",
    "TargetResult",
    "TermScore",
    "campaign_results",
    "department_results",
    "flags",
    "is_rated_person",
    "is_shown",
    "may_see_results",
    "previous_results",
    "ranked_results",
    "results_of",
    "school_mean",
    "score_history",
    "target_result",
    "text_answers",
]
