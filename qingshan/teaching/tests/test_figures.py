"""The figures of teacher development count the records they list, within the period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qingshan.core.figures import Period, Scope
from qingshan.teaching import figures
from qingshan.teaching.enums import QuotaGroup, TrainingKind, TrainingStatus
from qingshan.teaching.models import LessonEvent, Mentorship, ObservationQuota
from qingshan.teaching.tests import factories as team
from qingshan.teaching.tests.observation_factories import observation
from tests.factories import StaffFactory, TeachingAssignmentFactory, TermFactory

YEAR = Period.year(2013)


def test_observations_and_periods_by_kind_count_submitted_lessons_of_the_period(school):
    first = observation(school, periods=2, observed_on=dt.date(2013, 10, 8))
    observation(school, term=first.term, kind="open", observed_on=dt.date(2013, 11, 8))
    observation(school, term=first.term, submitted=False, observed_on=dt.date(2013, 11, 9))
    observation(school, term=first.term, observed_on=dt.date(2014, 1, 6))
    scope = Scope.of_school(school)
    counted = figures.observations(scope, YEAR)
    periods = figures.periods_observed(scope, YEAR)
    assert (counted.value, counted.breakdown["routine"], counted.breakdown["open"]) == (2, 1, 1)
    assert (periods.value, periods.breakdown["routine"]) == (3, 2)


def test_the_quota_share_counts_people_meeting_it_over_the_terms_ended(school):
    meets, short = StaffFactory(school=school), StaffFactory(school=school)
    record = observation(school, observer=meets, periods=4, observed_on=dt.date(2013, 5, 6))
    term = record.term
    term.start_date, term.end_date = dt.date(2013, 2, 25), dt.date(2013, 7, 10)
    term.save()
    for person in (meets, short):
        TeachingAssignmentFactory(school=school, teacher=person, term=term)
    ObservationQuota.objects.create(school=school, term=term, group=QuotaGroup.TEACHER, periods=4)
    result = figures.quota_met_share(Scope.of_school(school), YEAR)
    assert (result.value, dict(result.breakdown)) == (0.5, {"numerator": 1, "denominator": 2})


def test_lessons_by_level_and_prizes_at_county_level_or_higher(school):
    teacher = StaffFactory(school=school)
    values = {"teacher": teacher, "kind": "competition", "title": "课", "organiser": "县教育局"}
    LessonEvent.objects.create(
        school=school, level="school", prize="一等奖", held_on=dt.date(2013, 4, 1), **values
    )
    LessonEvent.objects.create(
        school=school, level="county", prize="二等奖", held_on=dt.date(2013, 5, 1), **values
    )
    LessonEvent.objects.create(
        school=school, level="city", prize="", held_on=dt.date(2013, 6, 1), **values
    )
    LessonEvent.objects.create(
        school=school, level="city", prize="一等奖", held_on=dt.date(2012, 6, 1), **values
    )
    scope = Scope.of_school(school)
    lessons = figures.lessons(scope, YEAR)
    assert (lessons.value, lessons.breakdown["city"], lessons.breakdown["school"]) == (3, 1, 1)
    assert figures.lesson_prizes(scope, YEAR).value == 1


def test_trainings_and_hours_count_only_those_done(school):
    done = {"status": TrainingStatus.DONE, "ends_on": dt.date(2013, 7, 20)}
    team.training(school, kind=TrainingKind.NATIONAL, hours=Decimal(120), **done)
    team.training(school, kind=TrainingKind.COUNTY, hours=Decimal("24.5"), **done)
    team.training(school, kind=TrainingKind.COUNTY, hours=Decimal(40))  # requested
    scope = Scope.of_school(school)
    counted = figures.trainings(scope, YEAR)
    assert (counted.value, counted.breakdown["county"]) == (2, 1)
    assert figures.training_hours(scope, YEAR).value == Decimal("144.5")


def test_practice_counts_teachers_with_practice_done_in_the_window_of_the_period_end(school):
    inside, before = StaffFactory(school=school), StaffFactory(school=school)
    practice = {"kind": TrainingKind.ENTERPRISE, "status": TrainingStatus.DONE}
    team.training(
        school,
        teacher=inside,
        starts_on=dt.date(2012, 7, 1),
        ends_on=dt.date(2012, 8, 31),
        **practice,
    )
    team.training(
        school,
        teacher=inside,
        starts_on=dt.date(2013, 7, 1),
        ends_on=dt.date(2013, 8, 31),
        **practice,
    )
    # the default windows begin in 2011 and 2016: 2010 is in the window before
    team.training(
        school,
        teacher=before,
        starts_on=dt.date(2010, 7, 1),
        ends_on=dt.date(2010, 8, 31),
        **practice,
    )
    assert figures.practice_teachers(Scope.of_school(school), YEAR).value == 1


def test_young_teachers_mentored_in_a_term_overlapping_the_period(school):
    autumn = observation(school).term  # 1 September 2013 to 20 January 2014
    later = TermFactory(
        school=school,
        school_year=2014,
        start_date=dt.date(2014, 9, 1),
        end_date=dt.date(2015, 1, 20),
    )
    mentor, young, other = (StaffFactory(school=school) for _ in range(3))
    Mentorship.objects.create(school=school, mentor=mentor, mentee=young, term=autumn)
    Mentorship.objects.create(school=school, mentor=mentor, mentee=young, term=later)
    Mentorship.objects.create(school=school, mentor=mentor, mentee=other, term=later)
    assert figures.young_teachers_mentored(Scope.of_school(school), YEAR).value == 1
