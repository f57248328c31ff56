"""Outreach: the services' rules, the figures counted from records, the totals by township and
year, and the totals page with its chart."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qingshan.accounts.enums import Role
from qingshan.core.figures import Period, Scope, registry
from qingshan.outreach import selectors, services
from qingshan.outreach.models import Household, HouseholdVisit, TechProblem, Visit
from qingshan.outreach.tests import factories as f

pytestmark = pytest.mark.django_db

YEAR = Period.year(2013)


def _figure(key: str, school: Any) -> Any:
    return registry.get(key).evaluate(Scope.of_school(school), YEAR)


def test_a_household_is_counted_once_however_many_visits(school: Any) -> None:
    first, second = f.visit(school), f.visit(school, date=dt.date(2013, 8, 1))
    home, demo = f.household(school), f.household(school, is_demonstration=True)
    for visit in (first, second):
        f.served(school, visit, home)
    f.served(school, second, demo)

    result = _figure("outreach.households", school)

    assert (result.value, result.breakdown) == (2, {"demonstration": 1})


def test_a_household_is_served_in_its_own_township_once_a_visit(school: Any) -> None:
    visit = f.visit(school, township="民胜镇")
    away = f.household(school, township="沙溪镇")
    home = f.household(school)

    with pytest.raises(ValidationError, match="not where the visit went"):
        services.create(
            school=school, model=HouseholdVisit, values={"visit": visit, "household": away}
        )
    services.create(school=school, model=HouseholdVisit, values={"visit": visit, "household": home})
    with pytest.raises(ValidationError, match="for this visit already"):
        services.create(
            school=school, model=HouseholdVisit, values={"visit": visit, "household": home}
        )

    assert HouseholdVisit.objects.count() == 1


def test_a_problem_counts_as_solved_only_when_verified(school: Any) -> None:
    f.problem(school)
    f.problem(school, solution="", solved_on=None, verified_by="", verified_on=None)
    f.problem(school, verified_by="", verified_on=None)  # solved, not yet verified
    f.problem(
        school,
        solved_on=dt.date(2012, 12, 1),
        raised_on=dt.date(2012, 11, 1),
        verified_on=dt.date(2012, 12, 3),
    )

    assert _figure("outreach.problems_solved", school).value == 1


def test_problem_rules_refuse_bad_dates_and_half_verifications(school: Any) -> None:
    base = {
        "raised_on": dt.date(2013, 4, 10),
        "township": "民胜镇",
        "field": "crops",
        "description": "病虫害",
    }
    with pytest.raises(ValidationError, match="after it was raised"):
        services.create(
            school=school, model=TechProblem, values={**base, "solved_on": dt.date(2013, 4, 1)}
        )
    with pytest.raises(ValidationError, match="who verified"):
        services.create(
            school=school,
            model=TechProblem,
            values={**base, "solved_on": dt.date(2013, 4, 11), "verified_on": dt.date(2013, 4, 12)},
        )
    with pytest.raises(ValidationError, match="verified after"):
        services.create(
            school=school,
            model=TechProblem,
            values={**base, "verified_by": "甲", "verified_on": dt.date(2013, 4, 12)},
        )
    visit = f.visit(school, date=dt.date(2013, 4, 20))
    with pytest.raises(ValidationError, match="visit's day"):
        services.create(school=school, model=TechProblem, values={**base, "visit": visit})
    made = services.create(
        school=school,
        model=TechProblem,
        values={**base, "visit": visit, "raised_on": visit.date, "township": ""},
    )

    assert made.township == visit.township
    assert TechProblem.objects.count() == 1


def test_leaflets_visits_and_practical_things_count_in_their_period(
    school: Any, other_school: Any
) -> None:
    visit = f.visit(school)
    f.handout(school, visit, count=650)
    f.handout(school, visit, kind="booklet", count=80)
    f.handout(school, f.visit(school, date=dt.date(2012, 5, 1)), count=999)
    f.handout(other_school, count=5)
    f.practical(school)
    f.practical(school, date=dt.date(2014, 1, 1))

    leaflets = _figure("outreach.leaflets", school)

    assert leaflets.value == 730
    assert leaflets.breakdown["leaflet"] == 650
    assert _figure("outreach.visits", school).value == 1
    assert _figure("outreach.practical_things", school).value == 1


def test_bases_open_at_the_end_of_the_year_and_their_townships(school: Any) -> None:
    f.base(school, township="民胜镇")
    f.base(school, township="民胜镇")
    f.base(school, township="沙溪镇")
    f.base(school, township="铁佛镇", until=dt.date(2013, 6, 1))
    f.base(school, township="麻石镇", since=dt.date(2014, 2, 1))

    assert _figure("outreach.bases", school).value == 3
    assert _figure("outreach.base_townships", school).value == 2
    with pytest.raises(ValidationError, match="close before it opened"):
        services.create(
            school=school,
            model=type(f.base(school)),
            values={
                "name": "X",
                "township": "民胜镇",
                "host": "农场",
                "since": dt.date(2013, 1, 2),
                "until": dt.date(2013, 1, 1),
            },
        )


def test_only_a_demonstration_household_has_a_since_date(school: Any) -> None:
    with pytest.raises(ValidationError, match="Only a demonstration household"):
        services.create(
            school=school,
            model=Household,
            values={
                "head": "甲",
                "township": "民胜镇",
                "village": "村",
                "demonstration_since": dt.date(2012, 1, 1),
            },
        )
    household = services.create(
        school=school,
        model=Household,
        values={"head": " 甲 ", "township": " 民胜镇", "village": "村"},
    )
    services.update(
        record=household,
        values={"is_demonstration": True, "demonstration_since": dt.date(2012, 1, 1)},
    )

    assert (household.head, household.township, household.is_demonstration) == (
        "甲",
        "民胜镇",
        True,
    )


def test_totals_by_township_and_by_year(school: Any) -> None:
    visit = f.visit(school, township="民胜镇")
    f.handout(school, visit, count=100)
    f.served(school, visit, f.household(school))
    f.problem(school, township="民胜镇")
    f.practical(school, township="沙溪镇")
    f.base(school, township="沙溪镇")
    f.visit(school, township="民胜镇", date=dt.date(2012, 3, 1))

    rows = dict(selectors.totals_by_township(school, YEAR.start, YEAR.end))
    years = dict(selectors.totals_by_year(school))

    assert (rows["民胜镇"].visits, rows["民胜镇"].leaflets, rows["民胜镇"].households) == (
        1,
        100,
        1,
    )
    assert (
        rows["民胜镇"].problems_solved,
        rows["沙溪镇"].practical_things,
        rows["沙溪镇"].bases,
    ) == (1, 1, 1)
    assert (years[2013].visits, years[2012].visits, years[2013].bases, years[2012].bases) == (
        1,
        1,
        1,
        1,
    )


def test_the_totals_page_shows_townships_and_a_chart(school: Any, client_for: Any) -> None:
    visit = f.visit(school, township="民胜镇")
    f.served(school, visit, f.household(school))

    page = client_for(Role.TEACHER, school).get(reverse("outreach:totals"), {"year": 2013})
    refused = client_for(Role.STUDENT, school).get(reverse("outreach:totals"))

    assert (page.status_code, refused.status_code) == (200, 403)
    html = page.content.decode()
    assert "民胜镇" in html and 'data-chart="township-chart-data"' in html
    chart = json.loads(
        html.split('id="township-chart-data" type="application/json">')[1].split("</script>")[0]
    )
    assert chart["yAxis"]["data"] == ["民胜镇"]
    assert Visit.objects.count() == 1
