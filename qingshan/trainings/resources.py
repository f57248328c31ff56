"""The training records on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.masking import MASKED_FIELDS_WITH_CONTACTS
from qingshan.core.records import Related, Resource
from qingshan.trainings import filters, forms, selectors, services


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="trainings",
        view_permission="trainings.view",
        manage_permission="trainings.manage",
        personal_permission="trainings.view_personal",
        masked_fields=MASKED_FIELDS_WITH_CONTACTS,
        exportable=True,
        **options,
    )


def _course_extra(course: Any) -> dict[str, Any]:
    rows = selectors.counted_enrolments(schools=[course.school_id]).filter(cohort__course=course)
    return {"rates": selectors.rates_of(rows)}


def _cohort_extra(cohort: Any) -> dict[str, Any]:
    rows = selectors.counted_enrolments(schools=[cohort.school_id]).filter(cohort=cohort)
    return {
        "rates": selectors.rates_of(rows),
        "group_form": forms.PartyGroupForm(school=cohort.school),
        "party_members": cohort.enrolments.filter(is_party_member=True).select_related("trainee"),
    }


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="course",
        selector=selectors.courses,
        form_class=forms.CourseForm,
        filterset_class=filters.CourseFilter,
        columns=("name", "trade", "start_on", "end_on", "hours", "programme"),
        create=services.create_course,
        update=services.update_course,
        detail_template="trainings/course_detail.html",
        detail_extra=_course_extra,
        related=(
            Related(
                _("Cohorts"),
                lambda record: record.cohorts.select_related("party_group"),
                ("name", "start_on", "end_on", "party_group"),
            ),
        ),
    ),
    _resource(
        key="cohort",
        selector=selectors.cohorts,
        form_class=forms.CohortForm,
        filterset_class=filters.CohortFilter,
        columns=("name", "course", "start_on", "end_on", "party_group"),
        create=services.create_cohort,
        update=services.update_cohort,
        detail_fields=("course", "name", "start_on", "end_on", "party_group"),
        detail_template="trainings/cohort_detail.html",
        detail_extra=_cohort_extra,
        related=(
            Related(
                _("Trainees"),
                lambda record: record.enrolments.select_related("trainee"),
                ("trainee", "days_attended", "completed", "is_party_member"),
            ),
        ),
    ),
    _resource(
        key="trainee",
        selector=selectors.trainees,
        form_class=forms.TraineeForm,
        filterset_class=filters.TraineeFilter,
        columns=("name", "gender", "id_number", "township", "village"),
        create=services.create_trainee,
        update=services.update_trainee,
        detail_fields=("name", "gender", "id_number", "township", "village", "phone"),
        detail_template="trainings/trainee_detail.html",
        related=(
            Related(
                _("Courses attended"),
                lambda record: record.enrolments.select_related("cohort"),
                ("cohort", "days_attended", "completed"),
            ),
        ),
    ),
    _resource(
        key="enrolment",
        selector=selectors.enrolments,
        form_class=forms.EnrolmentForm,
        filterset_class=filters.EnrolmentFilter,
        columns=("trainee", "cohort", "days_attended", "completed", "is_party_member"),
        create=services.enrol,
        update=services.update_enrolment,
        related=(
            Related(
                _("Certificates"),
                lambda record: record.certificates.all(),
                ("kind", "number", "issuer", "issued_on"),
            ),
            Related(
                _("Employment follow-ups"),
                lambda record: record.follow_ups.all(),
                ("checked_on", "employed", "employer", "region", "monthly_income"),
            ),
        ),
    ),
    _resource(
        key="certificate",
        selector=selectors.certificates,
        form_class=forms.CertificateForm,
        filterset_class=filters.CertificateFilter,
        columns=("number", "kind", "enrolment", "issuer", "issued_on"),
        create=services.issue_certificate,
        update=services.update_certificate,
    ),
    _resource(
        key="followup",
        selector=selectors.follow_ups,
        form_class=forms.FollowUpForm,
        filterset_class=filters.FollowUpFilter,
        columns=("enrolment", "checked_on", "employed", "employer", "region", "monthly_income"),
        create=services.record_follow_up,
        update=services.update_follow_up,
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
