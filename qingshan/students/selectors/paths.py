"""Reads of students' paths and roll changes, always through a ``Viewer``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from qingshan.core.models import School
from qingshan.organization.enums import StudentStatus
from qingshan.organization.models import SchoolClass, Student
from qingshan.students.enums import ChangeKind, ChangeStatus
from qingshan.students.models import Enrolment, RollChange, RollNumber
from qingshan.students.selectors.visibility import Viewer


def students_seen(school: School, viewer: Viewer) -> QuerySet[Student]:
    return (
        Student.objects.for_school(school)
        .filter(viewer.students())
        .distinct()
        .select_related("school_class")
    )


def path_of(student: Student) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(student=student)
        .select_related("school_class", "major", "opened_by", "closed_by")
        .order_by("starts_on", "pk")
    )


def changes_of(student: Student) -> QuerySet[RollChange]:
    return (
        RollChange.objects.filter(student=student)
        .select_related("to_class")
        .order_by("-requested_on", "-pk")
    )


def roll_number_of(student: Student) -> RollNumber | None:
    return RollNumber.objects.filter(student=student).first()


def roll_changes(school: School, viewer: Viewer) -> QuerySet[RollChange]:
    """The changes of the students the viewer reads (ids only, so no row repeats)."""
    seen = Student.objects.for_school(school).filter(viewer.students()).values("pk")
    return (
        RollChange.objects.for_school(school)
        .filter(student__in=seen)
        .select_related("student__school_class", "to_class", "requested_by", "decided_by")
        .order_by("-requested_on", "-pk")
    )


def students_without_path(school: School) -> QuerySet[Student]:
    """Students on the rolls with no enrolment yet (entered in ``organization``, not admitted)."""
    return Student.objects.for_school(school).filter(
        status__in=(StudentStatus.STUDYING, StudentStatus.SUSPENDED), enrolments__isnull=True
    )


def narrowed(
    changes: QuerySet[RollChange],
    *,
    kind: str = "",
    status: str = "",
    query: str = "",
    year: int | None = None,
) -> QuerySet[RollChange]:
    """``changes`` narrowed as a list page or the API asks: by kind, status, the student's name
    or number, and the year they take effect; an unknown kind or status narrows nothing."""
    if kind in ChangeKind.values:
        changes = changes.filter(kind=kind)
    if status in ChangeStatus.values:
        changes = changes.filter(status=status)
    if query:
        changes = changes.filter(Q(student__name__icontains=query) | Q(student__student_no=query))
    if year is not None and 1900 <= year <= 2200:
        changes = changes.filter(effective_on__year=year)
    return changes


def carried_out(school: School, year: int | None = None) -> QuerySet[RollChange]:
    """The changes carried out (the change register), of one year when ``year`` is given."""
    done = RollChange.objects.for_school(school).filter(status=ChangeStatus.DONE)
    return narrowed(done, year=year)


def student_of_user(*, school: School, user: Any) -> Student | None:
    """The user's student record at the school, if their login is linked to one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Student.objects.for_school(school).filter(user=user).first()


def graduations(schools: list[int], start: dt.date, end: dt.date) -> QuerySet[RollChange]:
    """The graduations carried out between ``start`` and ``end``: where graduates' destinations
    (the careers app) begin; each names its student and certificate number."""
    return (
        RollChange.objects.for_schools(schools)
        .filter(
            kind="graduate",
            status=ChangeStatus.DONE,
            effective_on__gte=start,
            effective_on__lte=end,
        )
        .select_related("student")
    )


def graduation_of(student: Student) -> RollChange | None:
    """The student's graduation, once carried out (the careers app records what came after)."""
    return (
        RollChange.objects.filter(
            school=student.school_id, student=student, kind="graduate", status=ChangeStatus.DONE
        )
        .order_by("-effective_on")
        .first()
    )


def graduating_classes(school: School, year: int) -> QuerySet[SchoolClass]:
    """The classes whose course of study ends in ``year``, each with ``studying``: its students
    whose open enrolment is in it."""
    return (
        SchoolClass.objects.for_school(school)
        .annotate(end_year=F("entry_year") + F("length_years"))
        .filter(end_year=year)
        .annotate(
            studying=Count(
                "enrolments",
                filter=Q(enrolments__ends_on__isnull=True, enrolments__state="studying"),
            )
        )
        .select_related("major")
        .order_by("track", "name")
    )
