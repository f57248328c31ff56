"""Reads of a school's organisation. Every function takes the school; nothing crosses tenants."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from qingshan.core.models import School
from qingshan.organization.enums import Semester
from qingshan.organization.models import (
    Department,
    GradeTeam,
    Guardian,
    Major,
    SchoolClass,
    Staff,
    Student,
    TeachingAssignment,
    Term,
)


def staff_on(*, schools: Any, day: dt.date) -> QuerySet[Staff]:
    """Staff on the rolls on ``day``: joined on or before it and not left before it."""
    return (
        Staff.objects.for_schools(schools)
        .filter(hired_on__lte=day)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=day))
    )


def students_on(*, schools: Any, day: dt.date) -> QuerySet[Student]:
    """Students enrolled on ``day``: enrolled on or before it and not left before it."""
    return (
        Student.objects.for_schools(schools)
        .filter(enrolled_on__lte=day)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=day))
    )


def classes_on(*, schools: Any, day: dt.date) -> QuerySet[SchoolClass]:
    """Classes that have students on ``day``."""
    return SchoolClass.objects.for_schools(schools).filter(
        pk__in=students_on(schools=schools, day=day).values("school_class")
    )


def majors_on(*, schools: Any, day: dt.date) -> QuerySet[Major]:
    """Majors with at least one vocational class that has students on ``day``."""
    return Major.objects.for_schools(schools).filter(
        pk__in=classes_on(schools=schools, day=day).values("major")
    )


def terms_in(*, schools: Any, start: dt.date, end: dt.date) -> QuerySet[Term]:
    return Term.objects.for_schools(schools).overlapping(start, end).order_by("start_date")


def current_term(*, school: School, day: dt.date) -> Term | None:
    return (
        Term.objects.for_school(school).filter(start_date__lte=day).order_by("-start_date").first()
    )


def latest_school_year(*, school: School, today: dt.date) -> int:
    """The calendar year in which the school's latest autumn term (up to today) started."""

    term = (
        Term.objects.for_school(school)
        .filter(semester=Semester.AUTUMN, start_date__lte=today)
        .order_by("-start_date")
        .first()
    )
    return term.start_date.year if term else today.year


def assignments_of_user(*, school: School, user: Any) -> list[TeachingAssignment]:
    return list(
        TeachingAssignment.objects.for_school(school)
        .filter(teacher__user=user)
        .select_related("school_class", "term")
        .order_by("-term__start_date", "school_class__name")[:20]
    )


def class_of_user(*, school: School, user: Any) -> SchoolClass | None:
    student = (
        Student.objects.for_school(school)
        .filter(user=user)
        .select_related("school_class__head_teacher")
        .first()
    )
    return student.school_class if student else None


def departments(school: School) -> QuerySet[Department]:
    return Department.objects.for_school(school).select_related("head")


def grade_teams(school: School) -> QuerySet[GradeTeam]:
    return GradeTeam.objects.for_school(school).select_related("leader")


def terms(school: School) -> QuerySet[Term]:
    return Term.objects.for_school(school)


def majors(school: School) -> QuerySet[Major]:
    return Major.objects.for_school(school)


def school_classes(school: School) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.for_school(school).select_related(
        "grade_team", "major", "head_teacher"
    )


def teaching_assignments(school: School) -> QuerySet[TeachingAssignment]:
    return TeachingAssignment.objects.for_school(school).select_related(
        "teacher", "school_class", "term"
    )


def staff(school: School) -> QuerySet[Staff]:
    return Staff.objects.for_school(school).select_related("department")


def students(school: School) -> QuerySet[Student]:
    return Student.objects.for_school(school).select_related("school_class")


def guardians(school: School) -> QuerySet[Guardian]:
    return Guardian.objects.for_school(school)
