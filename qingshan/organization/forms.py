"""Forms for a school's organisation: each limits its choices to the school's active records."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import SchoolModelForm
from qingshan.organization.enums import GuardianRelation
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


class DepartmentForm(SchoolModelForm):
    class Meta:
        model = Department
        fields = ["name", "description", "head", "sort_order"]


class GradeTeamForm(SchoolModelForm):
    class Meta:
        model = GradeTeam
        fields = ["name", "entry_year", "leader"]


class TermForm(SchoolModelForm):
    class Meta:
        model = Term
        fields = ["school_year", "semester", "start_date", "end_date"]


class MajorForm(SchoolModelForm):
    class Meta:
        model = Major
        fields = ["code", "name", "length_years", "established_year"]


class SchoolClassForm(SchoolModelForm):
    class Meta:
        model = SchoolClass
        fields = [
            "name",
            "grade_team",
            "entry_year",
            "track",
            "major",
            "length_years",
            "head_teacher",
        ]


class TeachingAssignmentForm(SchoolModelForm):
    class Meta:
        model = TeachingAssignment
        fields = ["term", "school_class", "subject", "teacher", "weekly_hours"]


PERSON_FIELDS = [
    "name",
    "gender",
    "id_number",
    "birth_date",
    "ethnicity",
    "political_status",
    "phone",
]


class StaffForm(SchoolModelForm):
    class Meta:
        model = Staff
        fields = [
            "staff_no",
            *PERSON_FIELDS,
            "department",
            "position",
            "title",
            "education",
            "subject",
            "hired_on",
            "left_on",
        ]


class StudentForm(SchoolModelForm):
    class Meta:
        model = Student
        fields = [
            "student_no",
            *PERSON_FIELDS,
            "school_class",
            "enrolled_on",
            "left_on",
            "status",
            "household",
            "boarding",
            "home_address",
        ]

    # Once on the rolls, a student's class, status and dates move only by roll changes
    # (students' paths), so that the roll here always reads what the open enrolment says.
    ROLL_FIELDS = ("school_class", "enrolled_on", "left_on", "status")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name in self.ROLL_FIELDS:
            self.fields[name].disabled = True
            self.fields[name].help_text = _("Changed by a roll change on the student's path.")


class GuardianForm(SchoolModelForm):
    class Meta:
        model = Guardian
        fields = ["name", "phone", "workplace"]


class GuardianLinkForm(forms.Form):
    student_no = forms.CharField(label=_("student number"), max_length=20)
    relation = forms.ChoiceField(label=_("relation"), choices=GuardianRelation.choices)
