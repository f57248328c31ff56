"""The guardian's export's form: a student of the school, by number or from the list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qingshan.core.models import School
from qingshan.organization.models import Student


class StudentChoice(forms.ModelChoiceField[Student]):
    def label_from_instance(self, obj: Student) -> str:
        return f"{obj.student_no} · {obj.name}"


class StudentForm(forms.Form):
    """A student of the school, by student number or picked from the list."""

    student_no = forms.CharField(
        label=gettext_lazy("student number"), max_length=20, required=False
    )
    student = StudentChoice(
        label=gettext_lazy("or pick the student"), queryset=Student.objects.none(), required=False
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school = school
        students = Student.objects.for_school(school).select_related("school_class")
        field = self.fields["student"]
        assert isinstance(field, StudentChoice)
        field.queryset = students.order_by("school_class__name", "student_no")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = (data.get("student_no") or "").strip()
        if number:
            found = Student.objects.for_school(self.school).filter(student_no=number).first()
            if found is None:
                raise forms.ValidationError(
                    _("The school has no student with the number %(number)s.") % {"number": number},
                    code="unknown",
                )
            data["student"] = found
        if data.get("student") is None:
            raise forms.ValidationError(_("Type a student number or pick a student."), code="none")
        return data
