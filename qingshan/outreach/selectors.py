"""Reads of the outreach records, scoped by school, and the totals by township and by year.

Counting rules (also in docs/trainings.md): a visit, a practical thing and a household served
count in the period of their date (a household once, however many visits); materials count by
the date of the visit that handed them out; a problem counts as solved in the period its
verified solution is dated in; a base counts when open on the last day of the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from qingshan.core.models import School
from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)


def visits(school: School) -> QuerySet[Visit]:
    return Visit.objects.for_school(school)


def handouts(school: School) -> QuerySet[Handout]:
    return Handout.objects.for_school(school).select_related("visit")


def problems(school: School) -> QuerySet[TechProblem]:
    return TechProblem.objects.for_school(school).select_related("visit")


def practical_things(school: School) -> QuerySet[PracticalThing]:
    return PracticalThing.objects.for_school(school).select_related("visit")


def bases(school: School) -> QuerySet[ScienceBase]:
    return ScienceBase.objects.for_school(school)


def households(school: School) -> QuerySet[Household]:
    return Household.objects.for_school(school).annotate(
        visit_count=Count("visits", filter=Q(visits__archived_at__isnull=True))
    )


def served(school: School) -> QuerySet[HouseholdVisit]:
    return HouseholdVisit.objects.for_school(school).select_related("visit", "household")


# --- what the figures and totals count ---------------------------------------------------


def counted_visits(schools: Any, start: dt.date, end: dt.date) -> QuerySet[Visit]:
    return Visit.objects.for_schools(schools).active().filter(date__gte=start, date__lte=end)


def counted_handouts(schools: Any, start: dt.date, end: dt.date) -> QuerySet[Handout]:
    return (
        Handout.objects.for_schools(schools)
        .active()
        .filter(
            visit__archived_at__isnull=True,
            visit__date__gte=start,
            visit__date__lte=end,
        )
    )


def solved_problems(schools: Any, start: dt.date, end: dt.date) -> QuerySet[TechProblem]:
    return (
        TechProblem.objects.for_schools(schools)
        .active()
        .filter(
            verified_on__isnull=False,
            solved_on__gte=start,
            solved_on__lte=end,
        )
    )


def counted_practical_things(
    schools: Any, start: dt.date, end: dt.date
) -> QuerySet[PracticalThing]:
    return (
        PracticalThing.objects.for_schools(schools).active().filter(date__gte=start, date__lte=end)
    )


def open_bases(schools: Any, day: dt.date) -> QuerySet[ScienceBase]:
    return (
        ScienceBase.objects.for_schools(schools)
        .active()
        .filter(Q(until__isnull=True) | Q(until__gte=day), since__lte=day)
    )


def served_households(schools: Any, start: dt.date, end: dt.date) -> QuerySet[Household]:
    """Households served on a visit within the period, each once."""
    visited = (
        HouseholdVisit.objects.for_schools(schools)
        .active()
        .filter(
            visit__archived_at__isnull=True,
            visit__date__gte=start,
            visit__date__lte=end,
        )
    )
    return (
        Household.objects.for_schools(schools)
        .active()
        .filter(pk__in=visited.values("household_id"))
    )


@dataclass
class Totals:
    visits: int = 0
    leaflets: int = 0
    problems_solved: int = 0
    practical_things: int = 0
    households: int = 0
    bases: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def totals_by_township(school: School, start: dt.date, end: dt.date) -> list[tuple[str, Totals]]:
    """Each township's totals within the period (bases: open on its last day); 6 queries."""
    schools = [school.pk]
    rows: dict[str, Totals] = {}

    def add(pairs: Any, name: str) -> None:
        for township, value in pairs:
            setattr(rows.setdefault(township, Totals()), name, value or 0)

    add(
        counted_visits(schools, start, end).values_list("township").annotate(n=Count("pk")),
        "visits",
    )
    add(
        counted_handouts(schools, start, end)
        .values_list("visit__township")
        .annotate(n=Sum("count")),
        "leaflets",
    )
    add(
        solved_problems(schools, start, end).values_list("township").annotate(n=Count("pk")),
        "problems_solved",
    )
    add(
        counted_practical_things(schools, start, end)
        .values_list("township")
        .annotate(n=Count("pk")),
        "practical_things",
    )
    add(
        served_households(schools, start, end).values_list("township").annotate(n=Count("pk")),
        "households",
    )
    add(open_bases(schools, end).values_list("township").annotate(n=Count("pk")), "bases")
    return sorted(rows.items(), key=lambda item: (-item[1].visits, item[0]))


def totals_by_year(school: School) -> list[tuple[int, Totals]]:
    """Each year's totals (bases: open at the end of the year); 6 queries."""
    schools = [school.pk]
    first, last = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
    rows: dict[int, Totals] = {}

    def add(pairs: Any, name: str) -> None:
        for year, value in pairs:
            setattr(rows.setdefault(year, Totals()), name, value or 0)

    add(
        counted_visits(schools, first, last)
        .annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(n=Count("pk")),
        "visits",
    )
    add(
        counted_handouts(schools, first, last)
        .annotate(year=ExtractYear("visit__date"))
        .values_list("year")
        .annotate(n=Sum("count")),
        "leaflets",
    )
    add(
        solved_problems(schools, first, last)
        .annotate(year=ExtractYear("solved_on"))
        .values_list("year")
        .annotate(n=Count("pk")),
        "problems_solved",
    )
    add(
        counted_practical_things(schools, first, last)
        .annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(n=Count("pk")),
        "practical_things",
    )
    add(
        HouseholdVisit.objects.for_schools(schools)
        .active()
        .filter(visit__archived_at__isnull=True)
        .annotate(year=ExtractYear("visit__date"))
        .values_list("year")
        .annotate(n=Count("household_id", distinct=True)),
        "households",
    )
    base_rows = list(
        ScienceBase.objects.for_schools(schools).active().values_list("since", "until")
    )
    for year, totals in rows.items():
        day = dt.date(year, 12, 31)
        totals.bases = sum(
            1 for since, until in base_rows if since <= day and (until is None or until >= day)
        )
    return sorted(rows.items(), reverse=True)
