"""List filters of the teacher-development pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qingshan.core.filters import SchoolFilterSet, YearFilter
from qingshan.teaching.models import (
    LessonEvent,
    MentoringMeeting,
    Mentorship,
    ResearchGroup,
    TeacherProfile,
    TrainingRecord,
)

# --- the team's records ---------------------------------------------------------------------


class ResearchGroupFilter(SchoolFilterSet):
    search_fields = ("name", "leader__name")

    class Meta:
        model = ResearchGroup
        fields: list[str] = []


class TeacherProfileFilter(SchoolFilterSet):
    search_fields = ("staff__name", "staff__staff_no")

    class Meta:
        model = TeacherProfile
        fields = ["group", "professional", "dual_qualified"]


class LessonEventFilter(SchoolFilterSet):
    search_fields = ("title", "teacher__name", "organiser", "prize")
    year = YearFilter(label=_("year"), field_name="held_on")

    class Meta:
        model = LessonEvent
        fields = ["kind", "level"]


class TrainingRecordFilter(SchoolFilterSet):
    search_fields = ("title", "teacher__name", "organiser", "certificate")
    year = YearFilter(label=_("year"), field_name="starts_on")

    class Meta:
        model = TrainingRecord
        fields = ["kind", "status"]


class MentorshipFilter(SchoolFilterSet):
    search_fields = ("mentor__name", "mentee__name", "goals", "outcome")

    class Meta:
        model = Mentorship
        fields = ["term"]


class MentoringMeetingFilter(SchoolFilterSet):
    search_fields = ("note", "mentorship__mentor__name", "mentorship__mentee__name")

    class Meta:
        model = MentoringMeeting
        fields: list[str] = []
