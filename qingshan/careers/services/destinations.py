"""Writes of graduates' destinations. Keyword-only, one transaction, nothing changed on bad input.

Invariants, for pages, API, imports and follow-up answers alike:
- a destination is recorded only for a graduate: a student whose graduation the students app has
  carried out; ``graduated_on`` is that graduation's date and never set by hand;
- the employer of a working destination is named (or taken from the enterprise register);
  further study names the school; a not-yet-employed graduate has no employer, salary, contract
  or insurance;
- a destination through an order class names an order class the graduate was trained in;
- how the first job was found (channel, order class) and its starting salary are facts of the
  placement: a later follow-up changes where the graduate is now, never these.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.careers.enums import WORKING_KINDS, Channel, DestinationKind
from qingshan.careers.models import Destination, FollowUp
from qingshan.careers.models.destinations import DestinationFields
from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.organization.models import Student
from qingshan.students.selectors.paths import graduation_of

# Fields empty for a graduate not yet employed.
NOT_WORKING_EMPTY = ("employer", "enterprise", "salary", "labour_contract", "social_insurance")


def check_fields(record: DestinationFields) -> None:
    """The destination's fields agree with its kind (shared with follow-up answers). An employer
    or sector left empty is first taken from the enterprise named in the register."""
    enterprise = record.enterprise
    if enterprise is not None:
        record.employer = record.employer or enterprise.name
        record.sector = record.sector or enterprise.sector
    if record.kind == DestinationKind.UNEMPLOYED:
        filled = [
            name
            for name in NOT_WORKING_EMPTY
            if getattr(record, name) not in (None, "") and name != "enterprise"
        ]
        if filled or record.enterprise_id is not None:
            raise field_error(
                "kind",
                _("A graduate not yet employed has no employer, salary, contract or insurance."),
                code="unemployed_with_job",
            )
        return
    salaried = record.salary is not None or getattr(record, "starting_salary", None) is not None
    if record.kind == DestinationKind.FURTHER_STUDY and salaried:
        raise field_error(
            "salary",
            _("A graduate in further study has no salary."),
            code="study_with_salary",
        )
    if record.kind in (DestinationKind.ENTERPRISE, DestinationKind.FURTHER_STUDY) and not (
        record.employer
    ):
        raise field_error(
            "employer",
            _("Name the employer, or the school the graduate studies at."),
            code="employer_missing",
        )


def check_destination(destination: Destination) -> None:
    """The destination agrees with its kind and its order class (shared with the import)."""
    check_fields(destination)
    if (
        destination.pk is None
        and destination.kind == DestinationKind.UNEMPLOYED
        and destination.starting_salary is not None
    ):
        raise field_error(
            "starting_salary",
            _("A graduate not yet employed has no salary."),
            code="unemployed_with_job",
        )
    order_class = destination.order_class
    if destination.channel == Channel.ORDER_CLASS and order_class is None:
        raise field_error(
            "order_class",
            _("Name the order class the graduate was trained in."),
            code="order_class_missing",
        )
    if (
        order_class is not None
        and not order_class.students.filter(pk=destination.student_id).exists()
    ):
        raise field_error(
            "order_class",
            _("%(student)s was not trained in %(order_class)s.")
            % {"student": destination.student, "order_class": order_class},
            code="not_in_order_class",
        )


def _graduated_on(school: School, student: Student | None) -> Any:
    if student is None:
        return None  # the model's own validation reports the missing graduate
    if student.school_id != school.pk:
        raise field_error(
            "student",
            _("%(value)s belongs to another school.") % {"value": student},
            code="other_school",
            domain=True,
        )
    graduation = graduation_of(student)
    if graduation is None:
        raise field_error(
            "student",
            _("%(student)s has not graduated: record the graduation in the students' paths first.")
            % {"student": student},
            code="not_graduated",
            domain=True,
        )
    return graduation.effective_on


@transaction.atomic
def record_destination(
    *, school: School, model: Any = Destination, values: dict[str, Any]
) -> Destination:
    """Record a graduate's destination; the graduation date comes from their roll."""
    values = dict(values)
    graduated_on = _graduated_on(school, values.get("student"))
    values.setdefault("recorded_on", timezone.localdate())
    if graduated_on is not None:
        values["graduated_on"] = graduated_on
    return core_services.create_record(
        school=school, model=Destination, values=values, checks=[check_destination]
    )


@transaction.atomic
def update_destination(*, record: Destination, values: dict[str, Any]) -> Destination:
    """Correct a destination; the graduate it belongs to never changes."""
    values = dict(values)
    student = values.pop("student", None)
    if student is not None and student.pk != record.student_id:
        raise DomainError(
            _("A destination stays with its graduate; record the other graduate's own."),
            code="graduate_fixed",
        )
    return core_services.update_record(record=record, values=values, checks=[check_destination])


ANSWER_FIELDS = (
    "kind",
    "employer",
    "enterprise",
    "region",
    "sector",
    "matches_major",
    "labour_contract",
    "social_insurance",
    "salary",
)


def apply_answer(*, follow_up: FollowUp) -> Destination:
    """Make an answered follow-up the graduate's destination as it stands now. How the first
    job was found (channel, order class) and its starting salary are facts of the placement
    and stay as they were."""
    destination = Destination.objects.select_for_update().get(pk=follow_up.destination_id)
    for name in ANSWER_FIELDS:
        setattr(destination, name, getattr(follow_up, name))
    if destination.starting_salary is None and destination.kind in WORKING_KINDS:
        destination.starting_salary = follow_up.salary
    destination.recorded_on = follow_up.answered_on or timezone.localdate()
    core_services.validate_record(destination, [check_fields])
    destination.save()
    return destination
