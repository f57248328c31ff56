"""Imports of graduates' destinations and of phone follow-ups already made: a row names a
graduate by student number; a destination only for a graduate, a follow-up only once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext

from qingshan.careers.enums import FollowUpMethod
from qingshan.careers.importers.sheets import (
    ANSWER_FIELDS,
    DESTINATION_SHEET,
    FOLLOW_UP_SHEET,
)
from qingshan.careers.models import Destination, Enterprise, FollowUp, OrderClass
from qingshan.careers.services.destinations import apply_answer, check_destination, check_fields
from qingshan.careers.services.followups import due_on
from qingshan.core.constraints import ConstraintChecker
from qingshan.core.importing import Importer, Planned
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import parse_date
from qingshan.core.tabular.reading import RawRow
from qingshan.organization.models import Student
from qingshan.students.selectors.paths import graduations

EARLIEST, LATEST = "1990-01-01", "2100-12-31"


def _copy(values: dict[str, Any], record: Any, names: tuple[str, ...]) -> None:
    """Copy cells onto the record; an empty cell clears a text field."""
    for name in names:
        value = values[name]
        if isinstance(value, str):
            value = value.strip()
        if value is None and isinstance(record._meta.get_field(name), models.CharField):
            value = ""
        setattr(record, name, value)


class GraduateRows:
    """What the destination and follow-up imports look rows up in: graduates by student number,
    each with their graduation date, and the school's enterprises and order classes by name."""

    def load_graduates(self, school: Any) -> None:
        graduated = graduations([school.pk], _date(EARLIEST), _date(LATEST))
        self.graduated_on = dict(graduated.values_list("student", "effective_on"))
        self.students = {
            student.student_no: student
            for student in Student.objects.for_school(school).filter(pk__in=list(self.graduated_on))
        }
        self.enterprises = {
            enterprise.name: enterprise
            for enterprise in Enterprise.objects.for_school(school).active()
        }

    def graduate_error(self, importer: Importer[Any], row: RawRow, number: str) -> RowError:
        return importer.error(
            row,
            "student",
            ErrorCategory.REFERENCE,
            gettext("No graduate of the school has the student number “%(value)s”.")
            % {"value": number},
        )


def _date(text: str) -> Any:
    return parse_date(text)


class DestinationImporter(GraduateRows, Importer[Destination]):
    sheet = DESTINATION_SHEET
    model = Destination
    key_column = "student"

    def prepare(self) -> None:
        self.load_graduates(self.school)
        records = list(Destination.objects.for_school(self.school).select_related("student"))
        self.existing = {record.student.student_no: record for record in records}
        self.constraints = ConstraintChecker(Destination, records)
        self.order_classes = {
            order_class.name: order_class
            for order_class in OrderClass.objects.for_school(self.school).active()
        }

    def build(self, row: RawRow, values: dict[str, Any], record: Destination) -> list[RowError]:
        student = self.students.get(values["student"])
        if student is None:
            return [self.graduate_error(self, row, values["student"])]
        record.student = student
        record.graduated_on = self.graduated_on[student.pk]
        _copy(values, record, (*ANSWER_FIELDS, "channel", "starting_salary", "recorded_on", "note"))
        record.enterprise = self.enterprises.get(record.employer)
        errors = []
        name = values["order_class"]
        record.order_class = self.order_classes.get(name.strip()) if name else None
        if name and record.order_class is None:
            errors.append(
                self.error(
                    row,
                    "order_class",
                    ErrorCategory.REFERENCE,
                    gettext("There is no order class named “%(value)s”.") % {"value": name},
                )
            )
            return errors
        return errors + _domain_errors(self, row, record, check_destination)


class FollowUpImporter(GraduateRows, Importer[FollowUp]):
    """Phone follow-ups already made: each row is one answer, made the graduate's destination."""

    sheet = FOLLOW_UP_SHEET
    model = FollowUp
    key_column = "student"

    def prepare(self) -> None:
        self.load_graduates(self.school)
        self.destinations = {
            destination.student_id: destination
            for destination in Destination.objects.for_school(self.school)
        }
        records = list(
            FollowUp.objects.for_school(self.school).select_related("destination__student")
        )
        self.existing = {
            f"{follow_up.destination.student.student_no}:{follow_up.months}": follow_up
            for follow_up in records
        }
        self.constraints = ConstraintChecker(FollowUp, records)
        self.seen: dict[str, int] = {}

    def duplicate_columns(self) -> tuple[str, ...]:
        return ()  # a graduate has a row per follow-up: the pair is checked in ``build``

    def key_of(self, values: dict[str, Any]) -> str:
        return f"{values['student']}:{values['months']}"

    def build(self, row: RawRow, values: dict[str, Any], record: FollowUp) -> list[RowError]:
        first = self.seen.setdefault(self.key_of(values), row.number)
        if first != row.number:
            message = gettext("This row repeats row %(first)s.") % {"first": first}
            return [RowError(row.number, None, ErrorCategory.DUPLICATE, message)]
        student = self.students.get(values["student"])
        if student is None:
            return [self.graduate_error(self, row, values["student"])]
        destination = self.destinations.get(student.pk)
        if destination is None:
            return [
                self.error(
                    row,
                    "student",
                    ErrorCategory.REFERENCE,
                    gettext("%(student)s has no destination yet; record it first.")
                    % {"student": student},
                )
            ]
        if record.is_answered:
            return [
                self.error(
                    row,
                    None,
                    ErrorCategory.CONFLICT,
                    gettext("This follow-up was answered on %(day)s already.")
                    % {"day": record.answered_on},
                )
            ]
        record.destination = destination
        record.months = values["months"]
        record.due_on = due_on(destination.graduated_on, values["months"])
        record.method = FollowUpMethod.PHONE
        record.answered_on = values["answered_on"]
        _copy(values, record, (*ANSWER_FIELDS, "still_with_employer", "note"))
        record.enterprise = self.enterprises.get(record.employer)
        return _domain_errors(self, row, record, check_fields)

    def after_write(self, planned: list[Planned[FollowUp]]) -> None:
        for item in planned:
            apply_answer(follow_up=item.record)


def _domain_errors(importer: Importer[Any], row: RawRow, record: Any, check: Any) -> list[RowError]:
    try:
        check(record)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            return [importer.error(row, None, ErrorCategory.CONFLICT, " ".join(error.messages))]
        return [
            importer.error(
                row,
                name if name in {c.key for c in importer.sheet.columns} else None,
                ErrorCategory.INVALID,
                message,
            )
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []
