"""Figures of the rating campaigns, recomputed here from the raw rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.figures import Period, Scope, registry
from qingshan.evaluations.enums import CampaignStatus, FollowUpKind, TargetKind
from qingshan.evaluations.models import (
    Campaign,
    FollowUp,
    RaterToken,
    RatingDue,
    ScaleCount,
    Target,
)
from qingshan.evaluations.services.followups import (
    add_follow_up_record,
    close_follow_up,
    open_follow_up,
)
from qingshan.evaluations.tests.conftest import Rated

MakeRated = Callable[..., Rated]
KEYS = (
    "evaluations.campaigns",
    "evaluations.raters_invited",
    "evaluations.raters_responded",
    "evaluations.response_rate",
    "evaluations.teachers_above_bar",
    "evaluations.follow_ups_opened",
    "evaluations.follow_ups_closed",
)


@pytest.fixture
def year_of_ratings(
    school: Any, other_school: Any, make_rated: MakeRated, user_with_role: Callable[..., Any]
) -> Rated:
    """2013: a closed campaign (three teachers: below the bar, above it, hidden; seven students,
    one of whom never rates) with two follow-ups, one closed, and a campaign still open; a closed
    campaign of 2012; a closed campaign of another school in 2013."""
    held = make_rated(school, teachers=3, students=7, threshold="3.00", year=2013)
    held.rate_many(0, [2, 2, 3, 2, 2, 2])
    held.rate_many(1, [4, 5, 4, 4, 3])
    held.rate_many(2, [5, 5])
    held.close()
    secretary = user_with_role(Role.SECRETARY, school)
    today = timezone.localdate()
    for kind in (FollowUpKind.SHADOWING, FollowUpKind.WRITTEN_REVIEW):
        open_follow_up(
            target=held.target(0), kind=kind, owner=secretary, deadline=today + dt.timedelta(30)
        )
    shadowing = FollowUp.objects.get(kind=FollowUpKind.SHADOWING)
    add_follow_up_record(follow_up=shadowing, date=today, note="跟班听课")
    close_follow_up(follow_up=shadowing, outcome="有改进", closed_on=today)

    still_open = make_rated(school, teachers=1, students=5, year=2013, name="still open")
    still_open.rate_many(0, [1, 1, 1, 1, 1])
    earlier = make_rated(school, teachers=1, students=5, year=2012, name="2012")
    earlier.rate_many(0, [1, 1, 1, 1, 1])
    earlier.close()
    foreign = make_rated(other_school, teachers=1, students=5, year=2013)
    foreign.rate_many(0, [1, 1, 1, 1, 1])
    foreign.close()
    return held


def _evaluate(school: Any, year: int = 2013) -> dict[str, Any]:
    return {
        key: registry.get(key).evaluate(Scope.of_school(school), Period.year(year)) for key in KEYS
    }


def _raw(school: Any, year: int = 2013) -> dict[str, Any]:
    """The figures from the rows, by hand."""
    held = {
        campaign.pk
        for campaign in Campaign.objects.all()
        if campaign.school_id == school.pk
        and campaign.status >= CampaignStatus.CLOSED
        and campaign.term.start_date.year == year
    }
    tokens = [token for token in RaterToken.objects.all() if token.campaign_id in held]
    done = {due.token_id for due in RatingDue.objects.all() if due.done}
    responded = [token for token in tokens if token.pk in done]
    above = shown = 0
    for target in Target.objects.all():
        if target.campaign_id not in held or target.kind != TargetKind.TEACHER:
            continue
        instrument = target.campaign.instrument
        raters = sum(
            1 for due in RatingDue.objects.all() if due.target_id == target.pk and due.done
        )
        if raters < instrument.min_raters:
            continue
        sums: Counter[int] = Counter()
        answers: Counter[int] = Counter()
        for row in ScaleCount.objects.all():
            if row.target_id == target.pk:
                sums[row.question_id] += row.value * row.count
                answers[row.question_id] += row.count
        mean = sum(Fraction(sums[q], answers[q]) for q in answers) / len(answers)
        shown += 1
        above += mean >= Fraction(instrument.threshold)
    follow_ups = [f for f in FollowUp.objects.all() if f.target.campaign_id in held]
    return {
        "evaluations.campaigns": len(held),
        "evaluations.raters_invited": len(tokens),
        "evaluations.raters_responded": len(responded),
        "evaluations.response_rate": len(responded) / len(tokens),
        "evaluations.teachers_above_bar": above / shown,
        "evaluations.follow_ups_opened": len(follow_ups),
        "evaluations.follow_ups_closed": sum(1 for f in follow_ups if f.status == "closed"),
    }


def test_the_figures_of_a_year_agree_with_the_raw_rows(school: Any, year_of_ratings: Rated) -> None:
    figures = _evaluate(school)

    assert {key: result.value for key, result in figures.items()} == _raw(school)
    assert {key: result.value for key, result in figures.items()} == {
        "evaluations.campaigns": 1,
        "evaluations.raters_invited": 7,
        "evaluations.raters_responded": 6,
        "evaluations.response_rate": 6 / 7,
        "evaluations.teachers_above_bar": 0.5,
        "evaluations.follow_ups_opened": 2,
        "evaluations.follow_ups_closed": 1,
    }


def test_the_figures_break_down_and_name_their_records(school: Any, year_of_ratings: Rated) -> None:
    figures = _evaluate(school)

    assert figures["evaluations.raters_invited"].breakdown["student"] == 7
    assert figures["evaluations.raters_responded"].breakdown == {
        "student": 6,
        "parent or guardian": 0,
        "member of the public": 0,
        "staff member": 0,
        "party member": 0,
    }
    assert figures["evaluations.response_rate"].breakdown == {"responded": 6, "invited": 7}
    assert figures["evaluations.teachers_above_bar"].breakdown == {"above": 1, "shown": 2}
    assert figures["evaluations.follow_ups_closed"].breakdown["shadowing classes (跟班学习)"] == 1
    assert figures["evaluations.campaigns"].records is not None
    assert [c.name for c in figures["evaluations.campaigns"].records] == ["2013秋评教"]
    records = figures["evaluations.teachers_above_bar"].records
    assert records is not None
    assert set(records) == {year_of_ratings.target(0), year_of_ratings.target(1)}


def test_the_earlier_term_counts_in_its_own_year(school: Any, year_of_ratings: Rated) -> None:
    figures = _evaluate(school, year=2012)

    assert {key: result.value for key, result in figures.items()} == _raw(school, year=2012)
    assert figures["evaluations.campaigns"].value == 1
    assert figures["evaluations.teachers_above_bar"].value == 0.0


def test_an_empty_year_has_no_rates(school: Any) -> None:
    figures = _evaluate(school, year=2000)

    assert figures["evaluations.response_rate"].value is None
    assert figures["evaluations.teachers_above_bar"].value is None
    assert figures["evaluations.campaigns"].value == 0


@pytest.mark.parametrize("key", ["evaluations.raters_responded", "evaluations.response_rate"])
def test_participation_evidence_names_campaigns_never_a_rater(
    key: str, year_of_ratings: Rated, school: Any, client_for: Callable[..., Any]
) -> None:
    raters = RaterToken.objects.filter(campaign=year_of_ratings.campaign)

    page = client_for(Role.SECRETARY, school).get(f"/figures/{key}/records/", {"year": 2013})

    html = page.content.decode()
    assert page.status_code == 200
    assert year_of_ratings.campaign.name in html
    for token in raters:
        assert str(token) not in html
    for student in year_of_ratings.students:
        assert student.student_no not in html and student.name not in html
