"""Forms of the teacher-development pages; every choice of a record is the school's
(``SchoolModelForm``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qingshan.core.forms import SchoolModelForm
from qingshan.core.uploads import check_upload
from qingshan.teaching.models import (
    LessonEvent,
    MentoringMeeting,
    Mentorship,
    ResearchGroup,
    TeacherProfile,
    TeachingPolicy,
    TrainingRecord,
)

# --- the team's records ---------------------------------------------------------------------


class ResearchGroupForm(SchoolModelForm):
    class Meta:
        model = ResearchGroup
        fields = ["name", "leader"]


class TeacherProfileForm(SchoolModelForm):
    class Meta:
        model = TeacherProfile
        fields = ["staff", "group", "professional", "dual_qualified"]


class LessonEventForm(SchoolModelForm):
    class Meta:
        model = LessonEvent
        fields = [
            "teacher",
            "kind",
            "level",
            "title",
            "organiser",
            "held_on",
            "participants",
            "place",
            "prize",
        ]


TRAINING_FIELDS = ["title", "kind", "organiser", "starts_on", "ends_on", "cost", "note"]


class TrainingRecordForm(SchoolModelForm):
    """A training recorded for any teacher; it starts as requested."""

    class Meta:
        model = TrainingRecord
        fields = ["teacher", *TRAINING_FIELDS]


class TrainingRequestForm(SchoolModelForm):
    """A member of staff's request for a training of their own."""

    class Meta:
        model = TrainingRecord
        fields = TRAINING_FIELDS


class RefusalForm(forms.Form):
    reason = forms.CharField(label=_("reason for refusal"), max_length=200)


class CompletionForm(forms.Form):
    hours = forms.DecimalField(label=_("hours"), min_value=0, max_digits=6, decimal_places=1)
    certificate = forms.CharField(label=_("certificate"), max_length=80, required=False)
    evidence = forms.FileField(
        label=_("evidence"),
        required=False,
        help_text=_("A scan of the certificate or of the enterprise's confirmation."),
    )

    def clean_evidence(self) -> Any:
        return check_upload(self.cleaned_data.get("evidence"))


class MentorshipForm(SchoolModelForm):
    class Meta:
        model = Mentorship
        fields = ["mentor", "mentee", "term", "goals", "outcome"]


class MentoringMeetingForm(SchoolModelForm):
    class Meta:
        model = MentoringMeeting
        fields = ["mentorship", "met_on", "note"]


class TeachingPolicyForm(forms.ModelForm[TeachingPolicy]):
    class Meta:
        model = TeachingPolicy
        fields = [
            "new_teacher_years",
            "practice_months",
            "window_years",
            "first_window_year",
            "hours_target",
        ]
