"""Over any sequence of roll changes, allowed or refused, a student's path keeps its invariants:
one open enrolment while on the rolls and none after leaving, enrolments that follow one another
without gap or overlap, the roll in ``organization`` reading what the open enrolment says, and a
refused change that leaves everything as it was."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import Student
from qingshan.students.enums import LEAVING_KINDS, ChangeKind, ChangeStatus
from qingshan.students.models import Enrolment
from qingshan.students.services import changes
from qingshan.students.tests.factories import AUTUMN_START, World, world

pytestmark = pytest.mark.django_db
ON_ROLLS = (StudentStatus.STUDYING, StudentStatus.SUSPENDED)

steps = st.lists(
    st.tuples(
        st.sampled_from(ChangeKind.values),
        st.integers(min_value=0, max_value=13),  # day of the term's window
        st.integers(min_value=0, max_value=3),  # which class a move names
        st.integers(min_value=2, max_value=6),  # a length of schooling
    ),
    min_size=1,
    max_size=8,
)


def _snapshot(student: Student) -> tuple[Any, ...]:
    student.refresh_from_db()
    rows = tuple(
        Enrolment.objects.filter(student=student)
        .order_by("starts_on", "pk")
        .values_list("pk", "school_class", "state", "length_years", "starts_on", "ends_on")
    )
    return (student.school_class_id, student.status, student.left_on, rows)


def _check(student: Student) -> None:
    student.refresh_from_db()
    path = list(
        Enrolment.objects.filter(student=student)
        .select_related("opened_by", "closed_by")
        .order_by("starts_on", "pk")
    )
    open_ones = [enrolment for enrolment in path if enrolment.ends_on is None]
    if student.status in ON_ROLLS:
        assert len(open_ones) == 1
        assert open_ones[0] is path[-1]
        assert student.school_class_id == open_ones[0].school_class_id
        assert (student.status == StudentStatus.SUSPENDED) == (open_ones[0].state == "suspended")
    else:
        assert open_ones == []
        assert student.left_on == path[-1].ends_on
    for earlier, later in itertools.pairwise(path):
        assert earlier.closed_by is not None and later.opened_by is not None
        if earlier.closed_by.kind in LEAVING_KINDS:
            # off the rolls, then back by a transfer in: a gap is allowed, an overlap is not
            assert later.opened_by.kind == ChangeKind.TRANSFER_IN
            assert earlier.ends_on is not None and earlier.ends_on <= later.starts_on
        else:
            assert earlier.ends_on == later.starts_on
            assert earlier.closed_by_id == later.opened_by_id


@pytest.fixture
def place(school: Any) -> World:
    return world(school)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=steps)
def test_any_sequence_of_changes_keeps_the_path_whole(
    place: World, sequence: list[tuple[str, int, int, int]]
) -> None:
    classes = [place.general, place.fruit, place.electronics, place.fruit_later]
    student = place.admit(place.general)
    day = AUTUMN_START
    for number, (kind, offset, target, length) in enumerate(sequence):
        day = max(day, AUTUMN_START + dt.timedelta(days=offset))
        before = _snapshot(student)
        values = {
            "kind": kind,
            "effective_on": day,
            "reason": f"第{number}次",
            "to_class": classes[target],
            "to_length_years": length,
            "other_school": "南江职业中学",
            "certificate_no": f"C{student.pk}-{number}",
        }
        try:
            change = changes.request_change(student=student, values=values, user=None)
            change = changes.approve_change(change=change, user=None, today=day)
            if change.status == ChangeStatus.AWAITING_BUREAU:
                changes.record_bureau_approval(
                    change=change, reference="通教〔2013〕1号", approved_on=day, today=day
                )
        except ValidationError:
            # a refused request saves no change of the path; an open request is withdrawn
            for waiting in student.roll_changes.filter(
                status__in=(ChangeStatus.REQUESTED, ChangeStatus.AWAITING_BUREAU)
            ):
                changes.withdraw_change(change=waiting)
            assert _snapshot(student) == before
        _check(student)
