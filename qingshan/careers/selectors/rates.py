"""The employment and matching rates as the national statistics of secondary vocational
graduates define them, by graduation year and major.

- employment rate (就业率): graduates of the year whose destination is any employed kind — work
  of any kind, the army, abroad, and further study (升学), which the statistics count as
  employed — divided by every graduate of the year. A graduate whose destination is not recorded
  counts in the denominator and not the numerator;
- matching rate (对口就业率): graduates of a major in direct employment (every employed kind but
  further study) whose job matches their major, divided by the graduates of a major in direct
  employment; the general track's graduates have no major and are left out. A job whose match
  is not recorded counts as not matching.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.careers.enums import EMPLOYED_KINDS, WORKING_KINDS
from qingshan.careers.models import Destination
from qingshan.organization.enums import Track
from qingshan.students.models import Enrolment

EMPLOYMENT_DEFINITION = _(
    "Graduates of the year whose destination is work of any kind, the army, abroad or further "
    "study, divided by all graduates of the year; a graduate whose destination is not recorded "
    "counts as not employed."
)
MATCHING_DEFINITION = _(
    "Graduates of a major in direct employment (every destination but further study and not yet "
    "employed) whose job matches their major, divided by the graduates of a major in direct "
    "employment; the general track has no major and is not counted."
)


@dataclass
class Rates:
    graduates: int = 0
    employed: int = 0
    working: int = 0
    matching: int = 0
    unknown: int = 0  # graduates whose destination is not recorded

    @property
    def employment_rate(self) -> float | None:
        return self.employed / self.graduates if self.graduates else None

    @property
    def matching_rate(self) -> float | None:
        return self.matching / self.working if self.working else None


def graduated_in(schools: list[int], start: dt.date, end: dt.date) -> QuerySet[Enrolment]:
    """The enrolments the period's graduations closed: one per graduate."""
    return Enrolment.objects.for_schools(schools).filter(
        closed_by__kind="graduate",
        closed_by__status="done",
        closed_by__effective_on__gte=start,
        closed_by__effective_on__lte=end,
    )


def graduates_destinations(
    schools: list[int], start: dt.date, end: dt.date
) -> QuerySet[Destination]:
    """The destinations of the period's graduates (archived ones left out)."""
    return (
        Destination.objects.for_schools(schools)
        .active()
        .filter(student__in=graduated_in(schools, start, end).values("student"))
    )


def graduate_majors(schools: list[int], start: dt.date, end: dt.date) -> dict[int, str]:
    """Each graduate of the period (student id) with the major they graduated in (its name; the
    general track's code where the class has no major)."""
    closed = graduated_in(schools, start, end)
    return {
        student: major or Track.GENERAL.value
        for student, major in closed.values_list("student", "major__name")
    }


def rates_by_major(schools: list[int], start: dt.date, end: dt.date) -> dict[str, Rates]:
    """The rates of the period's graduates, per major and in total (key ``""``)."""
    majors = graduate_majors(schools, start, end)
    found: dict[str, Rates] = defaultdict(Rates)
    for major in majors.values():
        found[major].graduates += 1
        found[""].graduates += 1
    recorded = (
        Destination.objects.for_schools(schools)
        .active()
        .filter(student__in=graduated_in(schools, start, end).values("student"))
        .values_list("student", "kind", "matches_major")
    )
    seen = set()
    for student, kind, matches in recorded:
        seen.add(student)
        major = majors[student]
        # the general track has no major to match: its graduates stay out of the matching rate
        working = kind in WORKING_KINDS and major != Track.GENERAL.value
        for key in (major, ""):
            rates = found[key]
            rates.employed += kind in EMPLOYED_KINDS
            rates.working += working
            rates.matching += working and bool(matches)
    for student, major in majors.items():
        if student not in seen:
            found[major].unknown += 1
            found[""].unknown += 1
    return dict(found)


def year_by_major(schools: list[int], year: int) -> dict[str, Rates]:
    return rates_by_major(schools, dt.date(year, 1, 1), dt.date(year, 12, 31))


def year_rates(schools: list[int], year: int) -> Rates:
    return year_by_major(schools, year).get("", Rates())


def latest_graduation_year(schools: list[int]) -> int | None:
    """The year of the latest graduation carried out, if any."""
    last = (
        graduated_in(schools, dt.date(1900, 1, 1), dt.date(2999, 12, 31))
        .order_by("-closed_by__effective_on")
        .values_list("closed_by__effective_on", flat=True)
        .first()
    )
    return last.year if last else None


def series(schools: list[int], last_year: int, years: int = 5) -> list[tuple[int, Rates]]:
    """The rates of ``years`` graduation years ending with ``last_year``, oldest first."""
    return [
        (year, year_rates(schools, year)) for year in range(last_year - years + 1, last_year + 1)
    ]
