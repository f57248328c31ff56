"""The teacher-development records on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.records import Related, Resource
from qingshan.teaching.enums import TrainingStatus
from qingshan.teaching.filters import team as filters
from qingshan.teaching.filters.quotas import QuotaFilter
from qingshan.teaching.forms import team as forms
from qingshan.teaching.forms.quotas import QuotaForm
from qingshan.teaching.selectors import lessons, mentoring, team, trainings
from qingshan.teaching.selectors.policy import quotas
from qingshan.teaching.services import lessons as lesson_services
from qingshan.teaching.services import mentoring as mentoring_services
from qingshan.teaching.services import team as team_services
from qingshan.teaching.services import trainings as training_services

TRAINING_COLUMNS = ("title", "kind", "starts_on", "ends_on", "hours", "status")


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="teaching",
        view_permission="teaching.view",
        manage_permission="teaching.manage",
        exportable=True,
        **options,
    )


def _training_extra(record: Any) -> dict[str, Any]:
    return {"refusal_form": forms.RefusalForm(), "completion_form": forms.CompletionForm()}


def _mentorship_extra(record: Any) -> dict[str, Any]:
    return {"observations": mentoring.observations_between(record)}


# --- the team's records ---------------------------------------------------------------------
TEAM_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="group",
        selector=team.research_groups,
        form_class=forms.ResearchGroupForm,
        filterset_class=filters.ResearchGroupFilter,
        columns=("name", "leader"),
        create=team_services.create_group,
        update=team_services.update_group,
        related=(
            Related(
                _("Members of the group"),
                lambda record: record.profiles.select_related("staff"),
                ("staff", "professional", "dual_qualified"),
            ),
        ),
    ),
    _resource(
        key="profile",
        selector=team.teacher_profiles,
        form_class=forms.TeacherProfileForm,
        filterset_class=filters.TeacherProfileFilter,
        columns=("staff", "group", "professional", "dual_qualified"),
        create=team_services.create_profile,
        update=team_services.update_profile,
        detail_template="teaching/profile_detail.html",
        related=(
            Related(
                _("Lesson events"),
                lambda record: record.staff.lesson_events.all(),
                ("title", "kind", "level", "held_on", "prize"),
            ),
            Related(
                _("Trainings"),
                lambda record: record.staff.training_records.all(),
                TRAINING_COLUMNS,
            ),
        ),
    ),
    _resource(
        key="lesson",
        selector=lessons.lesson_events,
        form_class=forms.LessonEventForm,
        filterset_class=filters.LessonEventFilter,
        columns=("title", "teacher", "kind", "level", "held_on", "prize"),
        create=lesson_services.create_lesson,
        update=lesson_services.update_lesson,
        detail_template="teaching/lesson_detail.html",
    ),
    _resource(
        key="training",
        selector=trainings.training_records,
        form_class=forms.TrainingRecordForm,
        filterset_class=filters.TrainingRecordFilter,
        columns=("title", "teacher", "kind", "starts_on", "ends_on", "hours", "status"),
        detail_fields=(
            "teacher",
            "title",
            "kind",
            "organiser",
            "starts_on",
            "ends_on",
            "hours",
            "certificate",
            "cost",
            "status",
            "decided_by",
            "decided_on",
            "refusal",
            "note",
        ),
        create=training_services.record_training,
        update=training_services.update_training,
        detail_template="teaching/training_detail.html",
        detail_extra=_training_extra,
        editable=lambda record: record.status == TrainingStatus.REQUESTED,
    ),
    _resource(
        key="mentorship",
        selector=mentoring.mentorships,
        form_class=forms.MentorshipForm,
        filterset_class=filters.MentorshipFilter,
        columns=("mentor", "mentee", "term"),
        create=mentoring_services.create_mentorship,
        update=mentoring_services.update_mentorship,
        detail_template="teaching/mentorship_detail.html",
        detail_extra=_mentorship_extra,
        related=(Related(_("Meetings"), lambda record: record.meetings.all(), ("met_on", "note")),),
    ),
    _resource(
        key="meeting",
        selector=mentoring.mentoring_meetings,
        form_class=forms.MentoringMeetingForm,
        filterset_class=filters.MentoringMeetingFilter,
        columns=("mentorship", "met_on"),
        create=mentoring_services.record_meeting,
        update=mentoring_services.update_meeting,
    ),
)

# --- what the school asks of observers -------------------------------------------------------
QUOTA_RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="quota",
        selector=quotas,
        form_class=QuotaForm,
        filterset_class=QuotaFilter,
        columns=("term", "group", "periods"),
    ),
)

RESOURCES: tuple[Resource, ...] = (*QUOTA_RESOURCES, *TEAM_RESOURCES)

BY_KEY = {resource.key: resource for resource in RESOURCES}
