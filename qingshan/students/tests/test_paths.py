"""A student's path: admission, every kind of change, and the roll in ``organization`` that
follows the open enrolment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from qingshan.organization.enums import StudentStatus, Track
from qingshan.organization.models import Student
from qingshan.students.enums import ChangeKind, ChangeStatus, EnrolmentState
from qingshan.students.models import ChangeRule, Enrolment, RollNumber
from qingshan.students.services import changes
from qingshan.students.tests.factories import AUTUMN_START, world
from tests.factories import StudentFactory, UserFactory

pytestmark = pytest.mark.django_db
DAY = AUTUMN_START + dt.timedelta(days=3)


def _done(student: Student, kind: str, **values: object) -> Student:
    user = UserFactory()
    change = changes.request_change(
        student=student,
        values={"kind": kind, "effective_on": DAY, "reason": "本人申请", **values},
        user=user,
    )
    change = changes.approve_change(change=change, user=user, today=DAY)
    if change.status == ChangeStatus.AWAITING_BUREAU:
        change = changes.record_bureau_approval(
            change=change, reference="通教〔2013〕12号", approved_on=DAY
        )
    assert change.status == ChangeStatus.DONE
    student.refresh_from_db()
    return student


def _open(student: Student) -> Enrolment:
    return Enrolment.objects.get(student=student, ends_on__isnull=True)


def test_admission_opens_one_enrolment_from_the_roll_and_issues_the_roll_number() -> None:
    place = world()
    student = place.admit(place.fruit)
    enrolment = _open(student)
    assert (enrolment.school_class, enrolment.track, enrolment.major) == (
        place.fruit,
        Track.VOCATIONAL,
        place.fruit.major,
    )
    assert enrolment.starts_on == AUTUMN_START
    assert RollNumber.objects.get(student=student).number == f"G{student.id_number}"


def test_a_student_without_a_valid_id_gets_a_temporary_roll_number() -> None:
    place = world()
    student = place.admit(id_number="")
    assert RollNumber.objects.get(student=student).number == "L5119210001201300001"


def test_a_track_transfer_waits_for_the_bureau_then_moves_the_student_and_the_roll() -> None:
    place = world()
    student = place.admit(place.general)
    user = UserFactory()
    change = changes.request_change(
        student=student,
        values={
            "kind": ChangeKind.TRACK,
            "effective_on": DAY,
            "reason": "愿学果树",
            "to_class": place.fruit,
        },
        user=user,
    )
    change = changes.approve_change(change=change, user=user, today=DAY)
    assert change.status == ChangeStatus.AWAITING_BUREAU
    student.refresh_from_db()
    assert student.school_class == place.general  # nothing moves before the bureau replies
    changes.record_bureau_approval(change=change, reference="通教〔2013〕12号", approved_on=DAY)
    student.refresh_from_db()
    assert student.school_class == place.fruit
    first, second = Enrolment.objects.filter(student=student).order_by("starts_on", "pk")
    assert (first.ends_on, first.closed_by, second.starts_on, second.opened_by) == (
        DAY,
        change,
        DAY,
        change,
    )
    assert second.track == Track.VOCATIONAL and second.ends_on is None


def test_a_school_rule_lets_the_school_alone_approve_a_track_transfer() -> None:
    place = world()
    ChangeRule.objects.create(school=place.school, kind=ChangeKind.TRACK, approver="school")
    student = place.admit(place.general)
    user = UserFactory()
    change = changes.request_change(
        student=student,
        values={"kind": "track", "effective_on": DAY, "reason": "x", "to_class": place.fruit},
        user=user,
    )
    assert changes.approve_change(change=change, user=user, today=DAY).status == ChangeStatus.DONE


def test_a_change_of_major_needs_a_class_of_another_major() -> None:
    place = world()
    student = place.admit(place.fruit)
    with pytest.raises(ValidationError) as error:
        changes.request_change(
            student=student,
            values={"kind": "major", "effective_on": DAY, "reason": "x", "to_class": place.fruit},
            user=None,
        )
    assert error.value.error_dict["to_class"][0].code == "same_major"
    student = _done(student, ChangeKind.MAJOR, to_class=place.electronics)
    assert student.school_class == place.electronics
    assert _open(student).major == place.electronics.major


def test_suspension_and_return_keep_one_open_enrolment_and_mirror_the_status() -> None:
    place = world()
    student = place.admit(place.fruit)
    student = _done(student, ChangeKind.SUSPEND)
    assert student.status == StudentStatus.SUSPENDED
    assert _open(student).state == EnrolmentState.SUSPENDED
    with pytest.raises(ValidationError):
        changes.request_change(
            student=student,
            values={
                "kind": "major",
                "effective_on": DAY,
                "reason": "x",
                "to_class": place.electronics,
            },
            user=None,
        )
    student = _done(student, ChangeKind.RETURN, to_class=place.fruit_later)
    assert student.status == StudentStatus.STUDYING
    assert student.school_class == place.fruit_later
    assert Enrolment.objects.filter(student=student, ends_on__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("kind", "extra", "status"),
    [
        (ChangeKind.WITHDRAW, {}, StudentStatus.DROPPED_OUT),
        (ChangeKind.TRANSFER_OUT, {"other_school": "巴中职业中学"}, StudentStatus.TRANSFERRED_OUT),
        (ChangeKind.DEATH, {}, StudentStatus.DECEASED),
        (ChangeKind.GRADUATE, {"certificate_no": "510001201300001"}, StudentStatus.GRADUATED),
    ],
)
def test_leaving_closes_the_last_enrolment_and_opens_none(
    kind: str, extra: dict[str, str], status: str
) -> None:
    place = world()
    student = _done(place.admit(place.fruit), kind, **extra)
    assert (student.status, student.left_on) == (status, DAY)
    assert not Enrolment.objects.filter(student=student, ends_on__isnull=True).exists()


def test_a_transfer_in_opens_the_path_of_a_student_not_on_the_rolls() -> None:
    place = world()
    student = StudentFactory(
        school=place.school, school_class=place.fruit, status=StudentStatus.TRANSFERRED_OUT
    )
    student = _done(
        student, ChangeKind.TRANSFER_IN, to_class=place.fruit, other_school="南江职业中学"
    )
    enrolment = _open(student)
    assert (enrolment.entry_route, student.status) == ("transfer_in", StudentStatus.STUDYING)
    assert RollNumber.objects.filter(student=student).exists()


def test_a_change_of_length_and_a_repeated_year() -> None:
    place = world()
    student = _done(place.admit(place.fruit), ChangeKind.LENGTH, to_length_years=4)
    assert _open(student).length_years == 4
    with pytest.raises(ValidationError):
        changes.request_change(
            student=student,
            values={
                "kind": "repeat",
                "effective_on": DAY,
                "reason": "x",
                "to_class": place.electronics,
            },
            user=None,
        )
    student = _done(student, ChangeKind.REPEAT, to_class=place.fruit_later)
    assert student.school_class == place.fruit_later


def test_a_change_outside_its_window_is_refused_and_saves_nothing() -> None:
    place = world()
    student = place.admit(place.general)
    with pytest.raises(ValidationError) as error:
        changes.request_change(
            student=student,
            values={
                "kind": "track",
                "effective_on": AUTUMN_START + dt.timedelta(days=14),
                "reason": "x",
                "to_class": place.fruit,
            },
            user=None,
        )
    assert error.value.error_dict["effective_on"][0].code == "outside_window"
    assert not student.roll_changes.exists()
    # the last day of the window is allowed
    changes.request_change(
        student=student,
        values={
            "kind": "track",
            "effective_on": AUTUMN_START + dt.timedelta(days=13),
            "reason": "x",
            "to_class": place.fruit,
        },
        user=None,
    )


def test_one_open_change_per_student_and_a_decision_is_taken_once() -> None:
    place = world()
    student = place.admit(place.fruit)
    change = changes.request_change(
        student=student, values={"kind": "suspend", "effective_on": DAY, "reason": "病"}, user=None
    )
    with pytest.raises(ValidationError) as error:
        changes.request_change(
            student=student,
            values={"kind": "withdraw", "effective_on": DAY, "reason": "x"},
            user=None,
        )
    assert error.value.code == "open_change"
    changes.refuse_change(change=change, user=None, reason="材料不全")
    with pytest.raises(ValidationError):
        changes.approve_change(change=change, user=None)
    student.refresh_from_db()
    assert student.status == StudentStatus.STUDYING


def test_graduation_certificate_numbers_are_unique() -> None:
    place = world()
    _done(place.admit(place.fruit), ChangeKind.GRADUATE, certificate_no="C1")
    with pytest.raises(ValidationError):
        changes.request_change(
            student=place.admit(place.fruit),
            values={"kind": "graduate", "effective_on": DAY, "reason": "x", "certificate_no": "C1"},
            user=None,
        )


def test_credits_are_carried_over_on_a_change_of_track_or_major_only() -> None:
    place = world()
    student = place.admit(place.general)
    change = changes.request_change(
        student=student,
        values={"kind": "track", "effective_on": DAY, "reason": "x", "to_class": place.fruit},
        user=None,
    )
    credit = changes.add_credit(
        change=change, course="语文", credits=Decimal("4"), accepted_as="语文"
    )
    assert credit.accepted
    assert not changes.add_credit(change=change, course="物理", credits=Decimal("3")).accepted
    suspension = changes.request_change(
        student=place.admit(place.fruit),
        values={"kind": "suspend", "effective_on": DAY, "reason": "x"},
        user=None,
    )
    with pytest.raises(ValidationError):
        changes.add_credit(change=suspension, course="语文", credits=Decimal("4"))


def test_the_database_refuses_a_second_open_enrolment() -> None:
    place = world()
    student = place.admit(place.fruit)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(
            school=place.school,
            student=student,
            track="vocational",
            school_class=place.fruit,
            length_years=3,
            starts_on=DAY,
        )
