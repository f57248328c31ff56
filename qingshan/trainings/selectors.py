"""Reads of the training records, scoped by school, and the rates computed from enrolments.

Definitions (also in docs/trainings.md):
- completion share = enrolments completed ÷ enrolments;
- certified share = completed enrolments holding at least one certificate ÷ completed enrolments;
- employed share = enrolments whose latest follow-up says "employed" ÷ enrolments followed up at
  least once (those never reached are not in the denominator);
- mean and median monthly income = over the enrolments employed at their latest follow-up that
  has an income recorded, that income;
- economic benefit = employed × mean monthly income × 12 months.
A trainee in two cohorts counts once in each (a place of training, 人次).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from qingshan.core.models import School
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee

MONTHS_A_YEAR = 12
CENT = Decimal("0.01")


def courses(school: School) -> QuerySet[Course]:
    return Course.objects.for_school(school).annotate(
        cohort_count=Count("cohorts", filter=Q(cohorts__archived_at__isnull=True))
    )


def cohorts(school: School) -> QuerySet[Cohort]:
    return Cohort.objects.for_school(school).select_related("course", "party_group")


def trainees(school: School) -> QuerySet[Trainee]:
    return Trainee.objects.for_school(school)


def enrolments(school: School) -> QuerySet[Enrolment]:
    return Enrolment.objects.for_school(school).select_related("cohort", "trainee")


def certificates(school: School) -> QuerySet[Certificate]:
    return Certificate.objects.for_school(school).select_related(
        "enrolment__trainee", "enrolment__cohort"
    )


def follow_ups(school: School) -> QuerySet[FollowUp]:
    return FollowUp.objects.for_school(school).select_related(
        "enrolment__trainee", "enrolment__cohort"
    )


def counted_enrolments(
    *, schools: Iterable[Any], start: Any = None, end: Any = None
) -> QuerySet[Enrolment]:
    """Enrolments that count in the rates: not archived, of a cohort (and course) not archived,
    of a cohort that ended within the period when one is given."""
    rows = (
        Enrolment.objects.for_schools(schools)
        .active()
        .filter(
            cohort__archived_at__isnull=True,
            cohort__course__archived_at__isnull=True,
        )
    )
    if start is not None:
        rows = rows.filter(cohort__end_on__gte=start)
    if end is not None:
        rows = rows.filter(cohort__end_on__lte=end)
    return rows


class Outcomes(TypedDict):
    """What ``with_outcomes`` adds to each enrolment."""

    is_certified: bool
    followed_up: bool
    last_employed: bool | None
    last_income: Decimal | None


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    EnrolmentWithOutcomes = WithAnnotations[Enrolment, Outcomes]


def with_outcomes(
    rows: QuerySet[Enrolment], *, schools: Any = None
) -> QuerySet[EnrolmentWithOutcomes]:
    """Each enrolment with whether it is certified and its latest follow-up's findings.

    ``schools``, when the rows are known to be theirs, bounds the certificates and follow-ups
    looked at to those schools' (a record's certificates and follow-ups are its school's), so
    that a database hashing the subqueries' rows does not read every school's."""
    certificates = Certificate.objects.active().filter(enrolment=OuterRef("pk"))
    latest = (
        FollowUp.objects.active().filter(enrolment=OuterRef("pk")).order_by("-checked_on", "-pk")
    )
    if schools is not None:
        certificates = certificates.filter(school__in=schools)
        latest = latest.filter(school__in=schools)
    return rows.annotate(
        is_certified=Exists(certificates),
        followed_up=Exists(latest),
        last_employed=Subquery(latest.values("employed")[:1]),
        last_income=Subquery(latest.values("monthly_income")[:1]),
    )


@dataclass
class Rates:
    """Counts and the rates made of them; a rate is None when its denominator is zero."""

    enrolments: int = 0
    people: int = 0
    completed: int = 0
    certified: int = 0
    followed_up: int = 0
    employed: int = 0
    incomes: list[Decimal] = field(default_factory=list)

    @staticmethod
    def _share(numerator: int, denominator: int) -> float | None:
        return numerator / denominator if denominator else None

    @property
    def completion_share(self) -> float | None:
        return self._share(self.completed, self.enrolments)

    @property
    def certified_share(self) -> float | None:
        return self._share(self.certified, self.completed)

    @property
    def employed_share(self) -> float | None:
        return self._share(self.employed, self.followed_up)

    @property
    def mean_income(self) -> Decimal | None:
        if not self.incomes:
            return None
        return (sum(self.incomes, Decimal(0)) / len(self.incomes)).quantize(CENT, ROUND_HALF_UP)

    @property
    def median_income(self) -> Decimal | None:
        if not self.incomes:
            return None
        return Decimal(statistics.median(self.incomes)).quantize(CENT, ROUND_HALF_UP)

    @property
    def economic_benefit(self) -> Decimal | None:
        mean = self.mean_income
        if mean is None:
            return None
        return (mean * self.employed * MONTHS_A_YEAR).quantize(CENT, ROUND_HALF_UP)


OUTCOME_FIELDS = (
    "trainee_id",
    "completed",
    "is_certified",
    "followed_up",
    "last_employed",
    "last_income",
)


def _add(rates: Rates, row: dict[str, Any], people: set[int]) -> None:
    rates.enrolments += 1
    people.add(row["trainee_id"])
    if row["completed"]:
        rates.completed += 1
        if row["is_certified"]:
            rates.certified += 1
    if row["followed_up"]:
        rates.followed_up += 1
        if row["last_employed"]:
            rates.employed += 1
            if row["last_income"] is not None:
                rates.incomes.append(Decimal(row["last_income"]))


def rates_of(rows: QuerySet[Enrolment], *, schools: Any = None) -> Rates:
    """The rates of a set of enrolments (of ``schools``, if given), in one query."""
    rates, people = Rates(), set[int]()
    for row in with_outcomes(rows, schools=schools).values(*OUTCOME_FIELDS):
        _add(rates, row, people)
    rates.people = len(people)
    return rates


GROUPINGS: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    "course": ("cohort__course__name", lambda row: row["cohort__course__name"]),
    "year": ("cohort__end_on", lambda row: row["cohort__end_on"].year),
    "township": ("trainee__township", lambda row: row["trainee__township"]),
}


def rates_by(rows: QuerySet[Enrolment], by: str) -> list[tuple[Any, Rates]]:
    """The rates of each course, year or township (of the trainee), in one query."""
    field_name, key_of = GROUPINGS[by]
    groups: dict[Any, tuple[Rates, set[int]]] = {}
    for row in with_outcomes(rows).values(*OUTCOME_FIELDS, field_name):
        rates, people = groups.setdefault(key_of(row), (Rates(), set()))
        _add(rates, row, people)
    result = []
    for key in sorted(groups, key=str):
        rates, people = groups[key]
        rates.people = len(people)
        result.append((key, rates))
    return result
