"""Writes of the alumni list and the League branches of graduates. Keyword-only, one transaction.

Invariants:
- a graduate is listed only with consent; withdrawing it keeps the record (so the list knows not
  to ask again) and takes the graduate off every list at once; consent given again lists them;
- a branch's secretary and members, and alumni, are graduates of the school (their graduation
  carried out in the students app);
- feedback naming an agreement says what the school changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.careers.models import (
    Alumnus,
    BranchActivity,
    BranchFeedback,
    BranchMember,
    LeagueBranch,
)
from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.organization.models import Student
from qingshan.students.selectors.paths import graduation_of


def _check_graduate(name: str, student: Student | None) -> None:
    if student is not None and graduation_of(student) is None:
        raise field_error(
            name,
            _("%(student)s has not graduated from the school.") % {"student": student},
            code="not_graduated",
            domain=True,
        )


@transaction.atomic
def give_consent(*, student: Student, on: dt.date, values: dict[str, Any] | None = None) -> Alumnus:
    """List the graduate among the alumni from ``on``; consent withdrawn before is given again."""
    _check_graduate("student", student)
    # Locked: two consents for one graduate at once (a link and the office) make one entry.
    alumnus = (
        Alumnus.objects.select_for_update()
        .filter(school=student.school_id, student=student)
        .first()
    )
    if alumnus is None:
        return core_services.create_record(
            school=student.school,
            model=Alumnus,
            values={"student": student, "consented_on": on, **(values or {})},
        )
    changes: dict[str, Any] = dict(values or {})
    if alumnus.withdrawn_on is not None:
        changes.update(consented_on=on, withdrawn_on=None)
    return core_services.update_record(record=alumnus, values=changes) if changes else alumnus


@transaction.atomic
def add_alumnus(*, school: School, model: Any = Alumnus, values: dict[str, Any]) -> Alumnus:
    """The record pages' way in: a graduate's written consent."""
    values = dict(values)
    student = values.pop("student", None)
    if student is None or student.school_id != school.pk:
        return core_services.create_record(school=school, model=Alumnus, values=values)
    return give_consent(student=student, on=values.pop("consented_on"), values=values)


@transaction.atomic
def withdraw_consent(*, alumnus: Alumnus, on: dt.date) -> Alumnus:
    if alumnus.withdrawn_on is not None:
        raise DomainError(_("Consent is withdrawn already."), code="withdrawn_already")
    return core_services.update_record(record=alumnus, values={"withdrawn_on": on})


def _check_secretary(branch: LeagueBranch) -> None:
    _check_graduate("secretary", branch.secretary)


@transaction.atomic
def create_branch(
    *, school: School, model: Any = LeagueBranch, values: dict[str, Any]
) -> LeagueBranch:
    return core_services.create_record(
        school=school, model=LeagueBranch, values=values, checks=[_check_secretary]
    )


@transaction.atomic
def update_branch(*, record: LeagueBranch, values: dict[str, Any]) -> LeagueBranch:
    return core_services.update_record(record=record, values=values, checks=[_check_secretary])


def _check_member(member: BranchMember) -> None:
    _check_graduate("student", member.student)


@transaction.atomic
def add_member(
    *, school: School, model: Any = BranchMember, values: dict[str, Any]
) -> BranchMember:
    return core_services.create_record(
        school=school, model=BranchMember, values=values, checks=[_check_member]
    )


@transaction.atomic
def update_member(*, record: BranchMember, values: dict[str, Any]) -> BranchMember:
    return core_services.update_record(record=record, values=values, checks=[_check_member])


@transaction.atomic
def record_activity(
    *, school: School, model: Any = BranchActivity, values: dict[str, Any]
) -> BranchActivity:
    return core_services.create_record(school=school, model=BranchActivity, values=values)


@transaction.atomic
def record_feedback(
    *, school: School, model: Any = BranchFeedback, values: dict[str, Any]
) -> BranchFeedback:
    return core_services.create_record(school=school, model=BranchFeedback, values=values)
