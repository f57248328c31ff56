"""The record types of the organisation pages: one description each, one set of views for all.

A ``Resource`` names the model, its scoped selector, form, filter and the columns shown; the
views in ``views.py`` and the URL patterns in ``urls.py`` are built from this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qingshan.organization import filters, forms, selectors
from qingshan.organization.models import School


@dataclass(frozen=True)
class Related:
    label: Any
    rows: Callable[[Any], QuerySet[Any]]
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    key: str
    selector: Callable[[School], QuerySet[Any]]
    form_class: type[forms.SchoolModelForm]
    filterset_class: type[filters.SchoolFilterSet]
    columns: tuple[str, ...]
    detail_fields: tuple[str, ...] = ()
    related: tuple[Related, ...] = field(default_factory=tuple)

    @property
    def model(self) -> Any:
        return self.form_class._meta.model

    @property
    def verbose_name(self) -> Any:
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self) -> Any:
        return self.model._meta.verbose_name_plural

    @property
    def fields_for_detail(self) -> tuple[str, ...]:
        return self.detail_fields or tuple(self.form_class._meta.fields or ())


RESOURCES: tuple[Resource, ...] = (
    Resource(
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
    Resource(
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
    Resource(
        key="term",
        selector=selectors.terms,
        form_class=forms.TermForm,
        filterset_class=filters.TermFilter,
        columns=("school_year", "semester", "start_date", "end_date"),
    ),
    Resource(
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
    Resource(
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
    Resource(
        key="teachingassignment",
        selector=selectors.teaching_assignments,
        form_class=forms.TeachingAssignmentForm,
        filterset_class=filters.TeachingAssignmentFilter,
        columns=("term", "school_class", "subject", "teacher", "weekly_hours"),
    ),
    Resource(
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
    Resource(
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
    Resource(
        key="guardian",
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
