"""The record types of the organisation pages: one description each, one set of views for all.

A ``Resource`` names the model, its scoped selector, form, filter and the columns shown; the
views in ``views.py`` and the URL patterns in ``urls.py`` are built from this list.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.records import Related, Resource
from qingshan.organization import exporters, filters, forms, selectors, services


def _resource(**options: Any) -> Resource:
    return Resource(
        export=exporters.IMPORT_LAYOUT_EXPORTS.get(options["key"]),
        namespace="organization",
        view_permission="organization.view",
        manage_permission="organization.manage",
        personal_permission="organization.view_personal",
        create=services.create_record,
        update=services.update_record,
        exportable=True,
        detail_template="organization/record_detail.html",
        **options,
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="department",
        selector=selectors.departments,
        form_class=forms.DepartmentForm,
        filterset_class=filters.DepartmentFilter,
        columns=("name", "head", "description"),
        related=(
            Related(
                _("Staff"),
                lambda record: record.staff.select_related("department").order_by("staff_no"),
                ("staff_no", "name", "position"),
            ),
        ),
    ),
    _resource(
        key="gradeteam",
        selector=selectors.grade_teams,
        form_class=forms.GradeTeamForm,
        filterset_class=filters.GradeTeamFilter,
        columns=("name", "entry_year", "leader"),
        related=(
            Related(
                _("Classes"),
                lambda record: record.classes.select_related("major", "head_teacher"),
                ("name", "track", "major", "head_teacher"),
            ),
        ),
    ),
    _resource(
        key="term",
        selector=selectors.terms,
        form_class=forms.TermForm,
        filterset_class=filters.TermFilter,
        columns=(
            "school_year",
            "semester",
            "start_date",
            "end_date",
            "is_current",
            "opened_on",
            "closed_on",
        ),
        detail_fields=(
            "school_year",
            "semester",
            "start_date",
            "end_date",
            "is_current",
            "opened_on",
            "closed_on",
        ),
        detail_extra=lambda record: {"term_actions": True},
    ),
    _resource(
        key="major",
        selector=selectors.majors,
        form_class=forms.MajorForm,
        filterset_class=filters.MajorFilter,
        columns=("code", "name", "length_years", "established_year"),
        related=(
            Related(
                _("Classes"),
                lambda record: record.classes.select_related("major", "head_teacher"),
                ("name", "entry_year", "head_teacher"),
            ),
        ),
    ),
    _resource(
        key="schoolclass",
        selector=selectors.school_classes,
        form_class=forms.SchoolClassForm,
        filterset_class=filters.SchoolClassFilter,
        columns=("name", "grade_team", "track", "major", "head_teacher"),
        related=(
            Related(
                _("Students"),
                lambda record: record.students.order_by("student_no"),
                ("student_no", "name", "gender", "status"),
            ),
            Related(
                _("Teaching assignments"),
                lambda record: record.assignments.select_related("teacher", "term"),
                ("term", "subject", "teacher", "weekly_hours"),
            ),
        ),
    ),
    _resource(
        key="teachingassignment",
        selector=selectors.teaching_assignments,
        form_class=forms.TeachingAssignmentForm,
        filterset_class=filters.TeachingAssignmentFilter,
        columns=("term", "school_class", "subject", "teacher", "weekly_hours"),
    ),
    _resource(
        key="staff",
        selector=selectors.staff,
        form_class=forms.StaffForm,
        filterset_class=filters.StaffFilter,
        columns=("staff_no", "name", "gender", "department", "position", "title"),
        related=(
            Related(
                _("Teaching assignments"),
                lambda record: record.assignments.select_related("school_class", "term"),
                ("term", "school_class", "subject", "weekly_hours"),
            ),
        ),
    ),
    _resource(
        key="student",
        selector=selectors.students,
        form_class=forms.StudentForm,
        filterset_class=filters.StudentFilter,
        columns=("student_no", "name", "gender", "school_class", "status"),
        related=(
            Related(
                _("Guardians"),
                lambda record: record.guardian_links.select_related("guardian"),
                ("guardian", "relation"),
            ),
        ),
    ),
    _resource(
        key="guardian",
        detail_extra=lambda record: {"link_form": forms.GuardianLinkForm()},
        selector=selectors.guardians,
        form_class=forms.GuardianForm,
        filterset_class=filters.GuardianFilter,
        columns=("name", "phone", "workplace"),
        related=(
            Related(
                _("Students"),
                lambda record: record.links.select_related("student__school_class"),
                ("student", "relation"),
            ),
        ),
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
