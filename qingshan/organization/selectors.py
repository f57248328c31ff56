"""Reads of a school's organisation. Every function takes the school; nothing crosses tenants."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from qingshan.core.models import School
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
    """The term the school works in: the one its administrator made current; otherwise the term
    containing ``day``, else the latest started before it, else the first (archived terms never)."""
    terms = Term.objects.for_school(school).active()
    return (
        terms.filter(is_current=True).first()
        or terms.filter(start_date__lte=day, end_date__gte=day).first()
        or terms.filter(start_date__lte=day).order_by("-start_date").first()
        or terms.order_by("start_date").first()
    )


def working_day(*, school: School, day: dt.date) -> dt.date:
    """The day pages open on: ``day`` inside the current term, else the nearer end of that term
    (a school whose current term is autumn 2013 opens on its last day, not on an empty 2026)."""
    term = current_term(school=school, day=day)
    if term is None:
        return day
    return min(max(day, term.start_date), term.end_date)


def working_year(*, school: School, day: dt.date) -> int:
    """The year of the annual summary underway: the school year of the current term (autumn 2013
    and spring 2014 both belong to 2013), or ``day``'s year for a school without terms."""
    term = current_term(school=school, day=day)
    return term.school_year if term else day.year


def opened_spans(*, school: School) -> list[tuple[dt.date, dt.date]]:
    """The date spans of the terms the school has opened, in order: dues falling outside them
    raise no reminder and no overdue mark."""
    return list(
        Term.objects.for_school(school)
        .active()
        .filter(opened_on__isnull=False)
        .order_by("start_date")
        .values_list("start_date", "end_date")
    )


def in_opened_term(spans: list[tuple[dt.date, dt.date]], day: dt.date) -> bool:
    return any(start <= day <= end for start, end in spans)


def assignments_of_user(*, school: School, user: Any) -> list[TeachingAssignment]:
    return list(
        TeachingAssignment.objects.for_school(school)
        .filter(teacher__user=user)
        .select_related("school_class", "term")
        .order_by("-term__start_date", "school_class__name")[:20]
    )


def staff_of_user(*, school: School, user: Any) -> Staff | None:
    """The signed-in user's active staff record at the school (none for another login)."""
    if not user.is_authenticated:
        return None
    return Staff.objects.for_school(school).active().filter(user=user).first()


def student_of_user(*, school: School, user: Any) -> Student | None:
    """The signed-in user's student record at the school, with its class."""
    if not user.is_authenticated:
        return None
    return (
        Student.objects.for_school(school).filter(user=user).select_related("school_class").first()
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
