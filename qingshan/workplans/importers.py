"""Excel/CSV import of a term's responsibility grid: one row per cell.

Work lines and places must exist; a slot of the term's timetable is created when a row names a
time that has none yet. Staff are named by their staff number; an empty number is a blank post.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from qingshan.core.constraints import ConstraintChecker
from qingshan.core.importing import Importer, Planned
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_int
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.enums import Semester
from qingshan.organization.models import Staff, Term
from qingshan.workplans.enums import Weekday
from qingshan.workplans.models import GridCell, Place, TimeSlot, WorkLine


def parse_time(value: str) -> datetime.time:
    for pattern in ("%H:%M", "%H:%M:%S", "%H.%M"):
        try:
            return datetime.datetime.strptime(value.strip(), pattern).time()
        except ValueError:
            continue
    raise ValidationError(gettext_lazy("Give the time as HH:MM, such as 07:30."), code="time")


def _school_year(value: str) -> int:
    return parse_int(value, min_value=1990, max_value=2100)


GRID_SHEET = SheetSpec(
    key="grid",
    title_zh="责任网格",
    title_en="Responsibility grid",
    columns=(
        Column("school_year", "学年", "School year", _school_year, required=True, example="2013"),
        Column("semester", "学期", "Semester", ChoiceParser(Semester), required=True, example="1"),
        Column("line", "工作线", "Work line", required=True, example="安全"),
        Column("place", "地点", "Place", required=True, example="教学楼"),
        Column(
            "weekday", "星期", "Weekday", ChoiceParser(Weekday), required=True, example="星期一"
        ),
        Column("starts_at", "开始时间", "From", parse_time, required=True, example="07:00"),
        Column("ends_at", "结束时间", "Until", parse_time, required=True, example="08:00"),
        Column("staff_no", "工号", "Staff number", example="T0001"),
        Column("note", "备注", "Note"),
    ),
)


class GridImporter(Importer[GridCell]):
    sheet = GRID_SHEET
    model = GridCell
    key_column = "line"

    def duplicate_columns(self) -> tuple[str, ...]:
        return ()  # a cell is named by several columns; repeats are found in ``build``

    def key_of(self, values: dict[str, Any]) -> str:
        return self._key(
            values["school_year"],
            values["semester"],
            values["line"],
            values["place"],
            values["weekday"],
            values["starts_at"],
        )

    @staticmethod
    def _key(*parts: Any) -> str:
        return "|".join(str(part) for part in parts)

    def prepare(self) -> None:
        school = self.school
        self.terms = {
            (term.school_year, term.semester): term for term in Term.objects.for_school(school)
        }
        self.lines = {line.name: line for line in WorkLine.objects.for_school(school).active()}
        self.places = {place.name: place for place in Place.objects.for_school(school).active()}
        self.staff = {person.staff_no: person for person in Staff.objects.for_school(school)}
        self.slots: dict[tuple[int, int, datetime.time], TimeSlot] = {
            (slot.term_id, slot.weekday, slot.starts_at): slot
            for slot in TimeSlot.objects.for_school(school)
        }
        records = list(
            GridCell.objects.for_school(school).select_related("term", "line", "place", "slot")
        )
        self.existing = {
            self._key(
                cell.term.school_year,
                cell.term.semester,
                cell.line.name,
                cell.place.name,
                cell.slot.weekday,
                cell.slot.starts_at,
            ): cell
            for cell in records
        }
        self.constraints = ConstraintChecker(GridCell, [])
        self.seen: set[str] = set()

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        errors = []
        key = self.key_of(values)
        if key in self.seen:
            return [
                self.error(
                    row, None, ErrorCategory.DUPLICATE, gettext("This cell is already in the file.")
                )
            ]
        self.seen.add(key)
        term = self.terms.get((values["school_year"], values["semester"]))
        if term is None:
            errors.append(
                self.error(
                    row, "school_year", ErrorCategory.REFERENCE, gettext("There is no such term.")
                )
            )
        for name, found in (("line", self.lines), ("place", self.places)):
            if values[name] not in found:
                errors.append(
                    self.error(
                        row,
                        name,
                        ErrorCategory.REFERENCE,
                        gettext("“%(value)s” does not exist at this school; add it first.")
                        % {"value": values[name]},
                    )
                )
        person = None
        if values.get("staff_no"):
            person = self.staff.get(values["staff_no"])
            if person is None:
                errors.append(
                    self.error(
                        row,
                        "staff_no",
                        ErrorCategory.REFERENCE,
                        gettext("“%(value)s” does not exist at this school; add it first.")
                        % {"value": values["staff_no"]},
                    )
                )
        if values["ends_at"] <= values["starts_at"]:
            errors.append(
                self.error(
                    row,
                    "ends_at",
                    ErrorCategory.INVALID,
                    gettext("A slot must end after it starts."),
                )
            )
        if errors or term is None:
            return errors
        slot_key = (term.pk, values["weekday"], values["starts_at"])
        slot = self.slots.get(slot_key)
        if slot is None:
            slot = TimeSlot(
                school=self.school,
                term=term,
                weekday=values["weekday"],
                starts_at=values["starts_at"],
                ends_at=values["ends_at"],
            )
            self.slots[slot_key] = slot
        elif slot.ends_at != values["ends_at"]:
            return [
                self.error(
                    row,
                    "ends_at",
                    ErrorCategory.CONFLICT,
                    gettext("The term's slot starting then ends at %(time)s.")
                    % {"time": f"{slot.ends_at:%H:%M}"},
                )
            ]
        record.term = term
        record.line = self.lines[values["line"]]
        record.place = self.places[values["place"]]
        record.slot = slot
        record.person = person
        record.note = values.get("note") or ""
        return []

    @transaction.atomic
    def _write(self, planned: list[Planned], actor: Any) -> None:
        for slot in self.slots.values():
            if slot.pk is None:
                slot.save()
        for item in planned:
            item.record.slot = item.record.slot  # re-bind the saved slot's id
        super()._write(planned, actor)


IMPORTERS: dict[str, type[Importer[Any]]] = {"grid": GridImporter}
