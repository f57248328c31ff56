"""Excel import of students' paths as they were kept before (see ``qingshan.core.importing``):
one row per event of a student's path, oldest first. A row of kind 入学 (admission) opens the
path of a student who has none, in the class it names; every other row is a roll change carried
out on its day, checked by the same services as one made on the pages (its window is not checked:
the change was decided then). Nothing is written while any row has an error; a dry run applies
the rows and rolls them back, so it reports exactly the errors a real import would meet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from qingshan.core.importing import Importer, ImportReport
from qingshan.core.tabular.errors import ErrorCategory, RowError, sorted_errors
from qingshan.core.tabular.parsing import ChoiceParser, clean_row, parse_date, parse_int
from qingshan.core.tabular.reading import RawRow, read_table
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.models import SchoolClass, Student
from qingshan.students.enums import ChangeKind, EntryRoute, Programme
from qingshan.students.models import RollChange
from qingshan.students.services import changes
from qingshan.students.services.paths import admit

ADMISSION = "admission"
EVENT_KINDS = [(ADMISSION, pgettext_lazy("path event", "admission")), *ChangeKind.choices]

PATH_SHEET = SheetSpec(
    key="paths",
    title_zh="学籍记录与异动",
    title_en="Enrolments and roll changes",
    columns=(
        Column("student", "学号", "Student number", required=True, example="201300001"),
        Column(
            "kind",
            "类别",
            "Kind",
            ChoiceParser(EVENT_KINDS),
            required=True,
            example="入学",
            help_text=gettext_lazy(
                "入学 (admission) opens a student's path; the other kinds are roll changes, "
                "in the order they happened."
            ),
        ),
        Column("effective_on", "日期", "Date", parse_date, required=True, example="2013-09-01"),
        Column("school_class", "班级", "Class", example="2013级果树栽培1班"),
        Column("programme", "培养方式", "Programme", ChoiceParser(Programme), example=""),
        Column("entry_route", "入学方式", "Entry route", ChoiceParser(EntryRoute), example=""),
        Column(
            "length_years",
            "学制（年）",
            "Length of schooling (years)",
            lambda value: parse_int(value, min_value=2, max_value=6),
        ),
        Column("reason", "原因", "Reason", example="本人申请"),
        Column("other_school", "对方学校", "The other school"),
        Column("certificate_no", "毕业证书编号", "Certificate number"),
        Column("decided_on", "学校批准日期", "Approved by the school on", parse_date),
        Column("bureau_reference", "教育局批复文号", "The bureau's reply"),
        Column("bureau_approved_on", "教育局批复日期", "Approved by the bureau on", parse_date),
    ),
)


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run or a file with errors."""


class PathImporter(Importer[RollChange]):
    sheet = PATH_SHEET
    model = RollChange
    key_column = "student"
    references: ClassVar[dict[str, str]] = {"student": "students", "school_class": "classes"}

    def prepare(self) -> None:
        self.students = {
            student.student_no: student
            for student in Student.objects.for_school(self.school).select_related("school")
        }
        self.classes = {
            school_class.name: school_class
            for school_class in SchoolClass.objects.for_school(self.school)
        }

    def duplicate_columns(self) -> tuple[str, ...]:
        return ()  # a student has many rows

    def run(self, data: bytes, filename: str, *, dry_run: bool, actor: Any = None) -> ImportReport:
        read = read_table(data, filename, self.sheet)
        report = ImportReport(rows=len(read.rows), errors=list(read.errors))
        if any(error.row is None for error in read.errors) or not read.rows:
            if not read.rows and not report.errors:
                report.errors.append(
                    RowError(None, None, ErrorCategory.FILE, gettext("The file has no data rows."))
                )
            return report
        self.prepare()
        cleaned: list[tuple[RawRow, dict[str, Any]]] = []
        for row in read.rows:
            values, errors = clean_row(row, self.sheet)
            errors += self.reference_errors(row, values)
            report.errors += errors
            if not errors:
                cleaned.append((row, values))
        try:
            with transaction.atomic():
                for row, values in sorted(cleaned, key=lambda item: item[1]["effective_on"]):
                    report.errors += self._apply(row, values, actor)
                    report.created += 1
                if report.errors or dry_run:
                    raise _Rollback
        except _Rollback:
            report.written = False
        else:
            report.written = True
        report.errors = sorted_errors(report.errors)
        if report.errors:
            report.created = 0
        return report

    def _apply(self, row: RawRow, values: dict[str, Any], actor: Any) -> list[RowError]:
        student = self.referenced("student", values)
        school_class = self.referenced("school_class", values)
        day: dt.date = values["effective_on"]
        try:
            # each row in its own savepoint: a refused row leaves the rows before it applied
            with transaction.atomic():
                if values["kind"] == ADMISSION:
                    if school_class is None:
                        return [
                            self.error(
                                row,
                                "school_class",
                                ErrorCategory.MISSING,
                                gettext("Name the class the student was admitted to."),
                            )
                        ]
                    admit(
                        student=student,
                        school_class=school_class,
                        starts_on=day,
                        entry_route=values.get("entry_route") or EntryRoute.EXAM,
                        programme=values.get("programme") or Programme.STANDARD,
                        length_years=values.get("length_years"),
                    )
                    return []
                self._change(student, school_class, values, actor)
        except ValidationError as error:
            return self._service_errors(row, error)
        return []

    def _service_errors(self, row: RawRow, error: ValidationError) -> list[RowError]:
        """A service's refusal, on the column it names (a change's target class is the row's
        class) or on the whole row."""
        if not hasattr(error, "error_dict"):
            return [self.error(row, None, ErrorCategory.CONFLICT, " ".join(error.messages))]
        columns = {"to_class": "school_class", "to_length_years": "length_years"}
        found = []
        for name, messages in error.message_dict.items():
            key = columns.get(name, name)
            known = any(column.key == key for column in self.sheet.columns)
            found += [
                self.error(row, key if known else None, ErrorCategory.INVALID, message)
                for message in messages
            ]
        return found

    def _change(
        self, student: Student, school_class: Any, values: dict[str, Any], actor: Any
    ) -> RollChange:
        day: dt.date = values["effective_on"]
        decided_on = values.get("decided_on") or day
        change = RollChange(
            school=self.school,
            student=student,
            kind=values["kind"],
            effective_on=day,
            reason=values.get("reason") or gettext("imported from the school's records"),
            to_class=school_class,
            to_programme=values.get("programme") or "",
            to_length_years=values.get("length_years"),
            other_school=values.get("other_school") or "",
            certificate_no=values.get("certificate_no") or "",
            requested_on=decided_on,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        return changes.record_decided_change(
            change=change,
            user=actor,
            decided_on=decided_on,
            bureau_reference=values.get("bureau_reference") or "",
            bureau_approved_on=values.get("bureau_approved_on"),
        )


IMPORTERS: dict[str, type[Importer[Any]]] = {PATH_SHEET.key: PathImporter}
