"""Forms of the training pages; every choice of a record is the school's (SchoolModelForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import SchoolModelForm, choice_field
from qingshan.core.models import School
from qingshan.party.models import Member
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee


class CourseForm(SchoolModelForm):
    class Meta:
        model = Course
        fields = [
            "name",
            "trade",
            "hours",
            "days",
            "start_on",
            "end_on",
            "teachers",
            "place",
            "programme",
            "subsidy_per_head",
        ]


class CohortForm(SchoolModelForm):
    class Meta:
        model = Cohort
        fields = ["course", "name", "start_on", "end_on"]


class TraineeForm(SchoolModelForm):
    class Meta:
        model = Trainee
        fields = ["name", "gender", "id_number", "township", "village", "phone"]


class EnrolmentForm(SchoolModelForm):
    class Meta:
        model = Enrolment
        fields = ["cohort", "trainee", "days_attended", "completed", "is_party_member", "note"]


class CertificateForm(SchoolModelForm):
    class Meta:
        model = Certificate
        fields = ["enrolment", "kind", "number", "issuer", "issued_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["enrolment"]
        field.queryset = field.queryset.select_related("trainee", "cohort")  # type: ignore[attr-defined]


class FollowUpForm(SchoolModelForm):
    class Meta:
        model = FollowUp
        fields = [
            "enrolment",
            "checked_on",
            "employed",
            "employer",
            "region",
            "monthly_income",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["enrolment"]
        field.queryset = field.queryset.select_related("trainee", "cohort")  # type: ignore[attr-defined]


class PartyGroupForm(forms.Form):
    """Form the cohort's party group; a member of the branch may lead it."""

    leader = forms.ModelChoiceField(
        label=_("group leader"), queryset=Member.objects.none(), required=False
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "leader").queryset = Member.objects.for_school(school).in_standing()
