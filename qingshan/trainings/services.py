"""Writes of the training records. Keyword-only, one transaction, nothing changed on bad input.

Invariants: a cohort lies within its course's dates; a trainee attends at most the course's days;
only a trainee who completed the course holds a certificate; a follow-up comes after the cohort
ended; a cohort's party group is a party group of the branch of kind "training cohort".
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.core.validators import normalize_resident_id
from qingshan.party.enums import GroupKind
from qingshan.party.services.organisation import create_group
from qingshan.trainings.models import Certificate, Cohort, Course, Enrolment, FollowUp, Trainee


def _check_cohort(cohort: Cohort) -> None:
    course = cohort.course
    if cohort.start_on < course.start_on or cohort.end_on > course.end_on:
        raise ValidationError(
            {
                "start_on": _("A cohort lies within its course's dates (%(start)s – %(end)s).")
                % {"start": course.start_on, "end": course.end_on}
            },
            code="outside_course",
        )


def _check_course(course: Course) -> None:
    if course.pk is None:
        return
    outside = course.cohorts.filter(start_on__lt=course.start_on) | course.cohorts.filter(
        end_on__gt=course.end_on
    )
    if outside.exists():
        raise ValidationError(
            {"start_on": _("Some cohorts of this course lie outside these dates.")},
            code="cohorts_outside",
        )


def _normalized(values: dict[str, Any]) -> dict[str, Any]:
    """Resident ID in its canonical form, place names without surrounding spaces."""
    cleaned = dict(values)
    if "id_number" in cleaned:
        cleaned["id_number"] = normalize_resident_id(cleaned["id_number"] or "")
    for name in ("township", "village", "name"):
        if isinstance(cleaned.get(name), str):
            cleaned[name] = cleaned[name].strip()
    return cleaned


def _check_enrolment(enrolment: Enrolment) -> None:
    days = enrolment.cohort.course.days
    if enrolment.days_attended > days:
        raise ValidationError(
            {"days_attended": _("The course lasts %(days)d days.") % {"days": days}},
            code="too_many_days",
        )
    if not enrolment.completed and enrolment.pk and enrolment.certificates.exists():
        raise ValidationError(
            {"completed": _("A trainee who holds a certificate has completed the course.")},
            code="certified",
        )


def _check_certificate(certificate: Certificate) -> None:
    enrolment = certificate.enrolment
    if not enrolment.completed:
        raise ValidationError(
            {"enrolment": _("Only a trainee who completed the course is certified.")},
            code="not_completed",
        )
    if certificate.issued_on < enrolment.cohort.start_on:
        raise ValidationError(
            {"issued_on": _("A certificate is issued after the cohort starts.")},
            code="before_cohort",
        )


def _check_follow_up(follow_up: FollowUp) -> None:
    if follow_up.checked_on < follow_up.enrolment.cohort.end_on:
        raise ValidationError(
            {
                "checked_on": _("A follow-up comes after the cohort ended (%(end)s).")
                % {"end": follow_up.enrolment.cohort.end_on}
            },
            code="before_end",
        )
    if not follow_up.employed and (follow_up.employer or follow_up.monthly_income is not None):
        raise ValidationError(
            {"employed": _("An employer or an income is recorded only for an employed trainee.")},
            code="not_employed",
        )


@transaction.atomic
def create_course(*, school: School, model: Any = Course, values: dict[str, Any]) -> Course:
    return core_services.create_record(school=school, model=Course, values=values)


@transaction.atomic
def update_course(*, record: Course, values: dict[str, Any]) -> Course:
    return core_services.update_record(record=record, values=values, checks=(_check_course,))


@transaction.atomic
def create_cohort(*, school: School, model: Any = Cohort, values: dict[str, Any]) -> Cohort:
    return core_services.create_record(
        school=school, model=Cohort, values=values, checks=(_check_cohort,)
    )


@transaction.atomic
def update_cohort(*, record: Cohort, values: dict[str, Any]) -> Cohort:
    return core_services.update_record(record=record, values=values, checks=(_check_cohort,))


@transaction.atomic
def create_trainee(*, school: School, model: Any = Trainee, values: dict[str, Any]) -> Trainee:
    return core_services.create_record(school=school, model=Trainee, values=_normalized(values))


@transaction.atomic
def update_trainee(*, record: Trainee, values: dict[str, Any]) -> Trainee:
    return core_services.update_record(record=record, values=_normalized(values))


@transaction.atomic
def enrol(*, school: School, model: Any = Enrolment, values: dict[str, Any]) -> Enrolment:
    return core_services.create_record(
        school=school, model=Enrolment, values=values, checks=(_check_enrolment,)
    )


@transaction.atomic
def update_enrolment(*, record: Enrolment, values: dict[str, Any]) -> Enrolment:
    return core_services.update_record(record=record, values=values, checks=(_check_enrolment,))


@transaction.atomic
def issue_certificate(
    *, school: School, model: Any = Certificate, values: dict[str, Any]
) -> Certificate:
    return core_services.create_record(
        school=school, model=Certificate, values=values, checks=(_check_certificate,)
    )


@transaction.atomic
def update_certificate(*, record: Certificate, values: dict[str, Any]) -> Certificate:
    return core_services.update_record(record=record, values=values, checks=(_check_certificate,))


@transaction.atomic
def record_follow_up(*, school: School, model: Any = FollowUp, values: dict[str, Any]) -> FollowUp:
    return core_services.create_record(
        school=school, model=FollowUp, values=values, checks=(_check_follow_up,)
    )


@transaction.atomic
def update_follow_up(*, record: FollowUp, values: dict[str, Any]) -> FollowUp:
    return core_services.update_record(record=record, values=values, checks=(_check_follow_up,))


@transaction.atomic
def form_party_group(*, cohort: Cohort, leader: Any = None) -> Cohort:
    """Form the cohort's party group (成立临时党小组) through the party app's service; the party
    members among the trainees are its members, a member of the branch may lead it."""

    if cohort.party_group_id is not None:
        raise DomainError(_("This cohort has a party group already."), code="group_exists")
    if cohort.is_archived:
        raise DomainError(_("An archived cohort forms no party group."), code="archived")
    if leader is not None and leader.school_id != cohort.school_id:
        raise DomainError(
            _("%(value)s belongs to another school.") % {"value": leader}, code="other_school"
        )
    group = create_group(
        school=cohort.school,
        values={
            "name": _("Party group of %(cohort)s") % {"cohort": cohort.name},
            "kind": GroupKind.TRAINING_COHORT,
            "leader": leader,
            "sort_order": 900,
        },
    )
    cohort.party_group = group
    cohort.save(update_fields=["party_group", "updated_at"])
    return cohort
