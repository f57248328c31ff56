"""List filters. Every choice of a school-owned record is limited to the request's school."""

from __future__ import annotations

from qingshan.core.filters import SchoolFilterSet
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


class DepartmentFilter(SchoolFilterSet):
    class Meta:
        model = Department
        fields: list[str] = []


class GradeTeamFilter(SchoolFilterSet):
    class Meta:
        model = GradeTeam
        fields = ["entry_year"]


class TermFilter(SchoolFilterSet):
    search_fields = ("school_year",)

    class Meta:
        model = Term
        fields = ["school_year", "semester"]


class MajorFilter(SchoolFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = Major
        fields: list[str] = []


class SchoolClassFilter(SchoolFilterSet):
    class Meta:
        model = SchoolClass
        fields = ["grade_team", "track", "major", "entry_year"]


class TeachingAssignmentFilter(SchoolFilterSet):
    search_fields = ("subject", "teacher__name", "school_class__name")

    class Meta:
        model = TeachingAssignment
        fields = ["term", "school_class", "teacher"]


class StaffFilter(SchoolFilterSet):
    search_fields = ("name", "staff_no", "phone")

    class Meta:
        model = Staff
        fields = ["department", "title", "gender", "political_status"]


class StudentFilter(SchoolFilterSet):
    search_fields = ("name", "student_no", "phone")

    class Meta:
        model = Student
        fields = ["school_class", "status", "gender", "household"]


class GuardianFilter(SchoolFilterSet):
    search_fields = ("name", "phone", "students__name")

    class Meta:
        model = Guardian
        fields: list[str] = []
