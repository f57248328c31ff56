"""The training services: each rule refuses bad input and changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from qingshan.core.validators import make_resident_id
from qingshan.party.enums import GroupKind
from qingshan.trainings import services
from qingshan.trainings.models import Certificate, Cohort, FollowUp, Trainee
from qingshan.trainings.tests import factories as f
from tests.party_factories import BranchFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_a_cohort_lies_within_its_course(school: Any) -> None:
    course = f.course(school)
    values = {"course": course, "name": "班", "start_on": course.start_on, "end_on": course.end_on}

    services.create_cohort(school=school, values=values)
    with pytest.raises(ValidationError, match="within its course"):
        services.create_cohort(
            school=school,
            values={**values, "name": "晚班", "end_on": course.end_on + dt.timedelta(1)},
        )

    assert Cohort.objects.filter(name="晚班").count() == 0


def test_a_course_cannot_shrink_away_from_its_cohorts(school: Any) -> None:
    cohort = f.cohort(school)

    with pytest.raises(ValidationError, match="outside these dates"):
        services.update_course(
            record=cohort.course, values={"end_on": cohort.end_on - dt.timedelta(1)}
        )
    cohort.course.refresh_from_db()
    assert cohort.course.end_on == cohort.end_on
    services.update_course(record=cohort.course, values={"place": "实训楼"})


def test_a_course_cannot_end_before_it_starts(school: Any) -> None:
    with pytest.raises(ValidationError, match="end before it starts"):
        services.create_course(
            school=school,
            values={
                "name": "X",
                "trade": "电工",
                "hours": 10,
                "days": 2,
                "start_on": dt.date(2013, 5, 2),
                "end_on": dt.date(2013, 5, 1),
            },
        )


def test_a_trainee_needs_a_valid_resident_id_once_per_school(school: Any) -> None:
    number = make_resident_id("511921", dt.date(1980, 5, 1), 12)
    values = {"name": "甲", "gender": "male", "township": " 民胜镇 ", "id_number": number.lower()}

    person = services.create_trainee(school=school, values=values)
    with pytest.raises(ValidationError, match="exists already"):
        services.create_trainee(school=school, values={**values, "name": "乙"})
    with pytest.raises(ValidationError, match="typing mistake"):
        services.create_trainee(
            school=school,
            values={**values, "id_number": number[:17] + ("1" if number[17] != "1" else "2")},
        )

    assert (person.id_number, person.township) == (number, "民胜镇")
    assert Trainee.objects.count() == 1
    services.update_trainee(record=person, values={"village": " 河坝村 "})
    person.refresh_from_db()
    assert person.village == "河坝村"


def test_attendance_is_at_most_the_course_days_and_a_place_is_taken_once(school: Any) -> None:
    cohort, person = f.cohort(school), f.trainee(school)

    with pytest.raises(ValidationError, match="lasts 15 days"):
        services.enrol(
            school=school, values={"cohort": cohort, "trainee": person, "days_attended": 16}
        )
    place = services.enrol(
        school=school, values={"cohort": cohort, "trainee": person, "days_attended": 15}
    )
    with pytest.raises(ValidationError, match="in this cohort already"):
        services.enrol(school=school, values={"cohort": cohort, "trainee": person})
    with pytest.raises(ValidationError, match="lasts 15 days"):
        services.update_enrolment(record=place, values={"days_attended": 20})


def test_only_a_trainee_who_completed_is_certified(school: Any) -> None:
    unfinished = f.enrolment(school, completed=False)
    finished = f.enrolment(school)
    values = {
        "kind": "qualification",
        "number": "N1",
        "issuer": "县人社局",
        "issued_on": dt.date(2013, 3, 15),
    }

    with pytest.raises(ValidationError, match="completed the course"):
        services.issue_certificate(school=school, values={**values, "enrolment": unfinished})
    with pytest.raises(ValidationError, match="after the cohort starts"):
        services.issue_certificate(
            school=school,
            values={**values, "enrolment": finished, "issued_on": dt.date(2012, 1, 1)},
        )
    services.issue_certificate(school=school, values={**values, "enrolment": finished})
    with pytest.raises(ValidationError, match="exists already"):
        services.issue_certificate(school=school, values={**values, "enrolment": finished})
    with pytest.raises(ValidationError, match="holds a certificate"):
        services.update_enrolment(record=finished, values={"completed": False})

    assert Certificate.objects.count() == 1


def test_a_follow_up_comes_after_the_course_and_income_only_when_employed(school: Any) -> None:
    place = f.enrolment(school)
    after = place.cohort.end_on + dt.timedelta(days=10)

    with pytest.raises(ValidationError, match="after the cohort ended"):
        services.record_follow_up(
            school=school, values={"enrolment": place, "checked_on": place.cohort.start_on}
        )
    with pytest.raises(ValidationError):
        services.record_follow_up(
            school=school,
            values={
                "enrolment": place,
                "checked_on": after,
                "employed": False,
                "monthly_income": Decimal(100),
            },
        )
    with pytest.raises(ValidationError, match="only for an employed"):
        services.record_follow_up(
            school=school,
            values={"enrolment": place, "checked_on": after, "employed": False, "employer": "厂"},
        )
    follow_up = services.record_follow_up(
        school=school,
        values={
            "enrolment": place,
            "checked_on": after,
            "employed": True,
            "monthly_income": Decimal(1500),
        },
    )
    with pytest.raises(ValidationError, match="on this date already"):
        services.record_follow_up(
            school=school, values={"enrolment": place, "checked_on": after, "employed": True}
        )
    services.update_follow_up(record=follow_up, values={"region": "成都"})

    assert FollowUp.objects.count() == 1


def test_a_records_of_another_school_is_refused(school: Any, other_school: Any) -> None:
    foreign = f.trainee(other_school)

    with pytest.raises(ValidationError, match="another school"):
        services.enrol(school=school, values={"cohort": f.cohort(school), "trainee": foreign})


def test_a_cohort_forms_its_party_group_once(school: Any, other_school: Any) -> None:
    BranchFactory(school=school)
    leader = MemberFactory(school=school)
    cohort = f.cohort(school)

    with pytest.raises(ValidationError, match="another school"):
        services.form_party_group(cohort=cohort, leader=MemberFactory(school=other_school))
    services.form_party_group(cohort=cohort, leader=leader)
    with pytest.raises(ValidationError, match="has a party group already"):
        services.form_party_group(cohort=cohort)

    cohort.refresh_from_db()
    assert cohort.party_group.kind == GroupKind.TRAINING_COHORT
    assert cohort.party_group.leader == leader


def test_without_a_branch_no_party_group_is_formed(school: Any) -> None:
    cohort = f.cohort(school)

    with pytest.raises(ValidationError, match="party branch first"):
        services.form_party_group(cohort=cohort)

    cohort.refresh_from_db()
    assert cohort.party_group is None
