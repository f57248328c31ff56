from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingshan.core.constraints import ConstraintChecker, evaluate
from qingshan.organization.models import SchoolClass, Staff
from tests import factories


def _django_says(instance: Any) -> int:
    try:
        instance.validate_constraints()
    except ValidationError as error:
        return len(error.messages)
    return 0


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2003, 12, 31))


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    hired=dates,
    left=st.none() | dates,
    number=st.sampled_from(["T1", "T2", "T3"]),
    same_id=st.booleans(),
)
def test_checker_agrees_with_django_on_staff(
    school: Any, hired: dt.date, left: dt.date | None, number: str, same_id: bool
) -> None:
    # Hypothesis runs every example inside the one test transaction: make the fixture row once.
    existing = Staff.objects.filter(school=school, staff_no="T1").first() or factories.StaffFactory(
        school=school, staff_no="T1"
    )
    candidate = Staff(
        school=school,
        staff_no=number,
        name="x",
        gender="male",
        hired_on=hired,
        left_on=left,
        id_number=existing.id_number if same_id else "",
    )

    fast = ConstraintChecker(Staff, Staff.objects.filter(school=school)).errors(candidate)

    assert len(fast) == _django_says(candidate)


@pytest.mark.parametrize(
    ("track", "with_major", "passes"),
    [
        ("vocational", True, True),
        ("vocational", False, False),
        ("general", False, True),
        ("general", True, False),
    ],
)
def test_evaluate_handles_and_or_not_and_null(
    school: Any, track: str, with_major: bool, passes: bool
) -> None:
    major = factories.MajorFactory(school=school) if with_major else None
    school_class = SchoolClass(school=school, track=track, major=major)
    constraint = next(
        c for c in SchoolClass._meta.constraints if c.name == "class_major_matches_track"
    )

    assert evaluate(constraint.condition, school_class) is passes


def test_an_updated_record_does_not_conflict_with_itself(school: Any) -> None:
    staff = factories.StaffFactory(school=school, staff_no="T1")

    assert ConstraintChecker(Staff, [staff]).errors(staff) == []
