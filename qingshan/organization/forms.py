"""Forms for a school's organisation: each limits its choices to the school's active records."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qingshan.core.errors import show_on_form
from qingshan.core.models import SchoolOwned
from qingshan.organization.enums import GuardianRelation
from qingshan.organization.models import (
    Department,
    GradeTeam,
    Guardian,
    Major,
    School,
    SchoolClass,
    Staff,
    Student,
    TeachingAssignment,
    Term,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SchoolModelForm(forms.ModelForm):
    """A model form bound to one school: every choice of a school-owned record is the school's."""

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school = school
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and issubclass(
                field.queryset.model, SchoolOwned
            ):
                current = (
                    Q(pk__in=[]) if self.instance.pk is None else Q(pk=self._current_pk(field))
                )
                field.queryset = field.queryset.filter(
                    Q(school=school, archived_at__isnull=True) | current
                )
            if isinstance(field, forms.DateField):
                field.widget = DATE_WIDGET
        self.limit_people_to_current()

    def limit_people_to_current(self) -> None:
        """Pickers of people offer current staff and studying students (plus the current value)."""
        from qingshan.organization.enums import StudentStatus

        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            current = (
                Q(pk=getattr(self.instance, f"{name}_id", None))
                if self.instance.pk
                else Q(pk__in=[])
            )
            if field.queryset.model is Staff:
                field.queryset = field.queryset.filter(Q(left_on__isnull=True) | current)
            elif field.queryset.model is Student:
                field.queryset = field.queryset.filter(
                    Q(status=StudentStatus.STUDYING) | current
                ).select_related("school_class")

    def _current_pk(self, field: forms.ModelChoiceField) -> Any:
        for name, candidate in self.fields.items():
            if candidate is field:
                return getattr(self.instance, f"{name}_id", None)
        return None

    def values(self) -> dict[str, Any]:
        """The cleaned values to hand to a service."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}

    def apply_service_error(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the matching fields (or above the form)."""
        show_on_form(self, error)


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


class GuardianForm(SchoolModelForm):
    class Meta:
        model = Guardian
        fields = ["name", "phone", "workplace"]


class GuardianLinkForm(forms.Form):
    student_no = forms.CharField(label=_("student number"), max_length=20)
    relation = forms.ChoiceField(label=_("relation"), choices=GuardianRelation.choices)


class ImportForm(forms.Form):
    sheet = forms.ChoiceField(label=_("what to import"))
    file = forms.FileField(
        label=_("file"), help_text=_("An .xlsx workbook or a .csv file (UTF-8 or GBK).")
    )

    def __init__(self, *args: Any, sheets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sheet"].choices = sheets

    def clean_file(self) -> Any:
        from django.conf import settings

        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise ValidationError(_("Upload an .xlsx or .csv file."), code="file_type")
        if upload.size > settings.QS_UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(limit)d MB.")
                % {"limit": settings.QS_UPLOAD_MAX_BYTES // (1024 * 1024)},
                code="file_size",
            )
        return upload
