"""Excel or CSV import of screening results answered on paper or in another system (see
``qingshan.core.importing``): one row per student's sheet, naming the campaign, the student's
number, the day the sheet was answered and the answers in item order.

Invariants:
- every row is handed in through ``services.screening.hand_in`` (``imported=True``, answered at
  noon of its day on the school's clock), so an imported sheet is checked, sealed, scored and
  raises its alert exactly as one answered online;
- the rows are applied in one transaction, each in a savepoint: a dry run, or a file with any
  row error, is rolled back whole and writes nothing; a dry run reports exactly the errors a
  real import would meet;
- each row error names its row, its column where one is to blame, and its category: a blank
  cell is missing; a cell that is no date, no answers, the wrong number of answers or an
  answer out of range is invalid; an unknown campaign or student is an unknown reference; a
  second row of one student in one campaign is a duplicate; a campaign not taking answers, a
  student it does not screen or a sheet handed in already is a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from qingshan.core import statistics
from qingshan.core.importing import Importer, ImportReport
from qingshan.core.tabular.errors import ErrorCategory, RowError, sorted_errors
from qingshan.core.tabular.parsing import clean_row, parse_date
from qingshan.core.tabular.reading import RawRow, read_table
from qingshan.core.tabular.spec import Column, SheetSpec, normalize_header
from qingshan.counseling.models import Campaign, Scale, Sheet
from qingshan.counseling.services import screening
from qingshan.organization.models import Student

_SEPARATORS = re.compile(r"[\s,;、]+")
# A sheet is answered at noon of its day: the day stays the same on any clock of the country.
NOON = dt.time(12)


def parse_answers(value: str) -> tuple[int, ...]:
    """The answers in item order: numbers separated by commas, spaces, semicolons or ``、``
    (full-width ones too), ``1,2,4,3``; a run of digits with no separator is one answer per
    digit (``1243``, as a spreadsheet may turn ``1,2,4,3`` into a number)."""
    text = unicodedata.normalize("NFKC", value).strip()
    parts = [part for part in _SEPARATORS.split(text) if part]
    if len(parts) == 1 and parts[0].isdigit():
        parts = list(parts[0])
    if not parts or not all(part.isascii() and part.isdigit() for part in parts):
        raise ValidationError(
            gettext_lazy(
                "“%(value)s” are not answers: write each answer as a number, separated by "
                "commas, like 1,2,4,3."
            ),
            code="invalid_answers",
            params={"value": value},
        )
    return tuple(int(part) for part in parts)


SCREENING_SHEET = SheetSpec(
    key="screening_results",
    title_zh="心理普查结果",
    title_en="Screening results",
    columns=(
        Column("campaign", "普查名称", "Campaign", required=True, example="秋季心理普查"),
        Column("student", "学号", "Student number", required=True, example="201300001"),
        Column(
            "answered_on",
            "作答日期",
            "Answered on",
            parse_date,
            required=True,
            example="2013-10-12",
        ),
        Column(
            "answers",
            "各题作答",
            "Answers",
            parse_answers,
            required=True,
            example="1,2,1,1,1,2,4,1,2,4,4,4,1,2",
            help_text=gettext_lazy(
                "The answers in item order, one number per item, separated by commas or spaces."
            ),
        ),
    ),
)

# A service's refusal, by its code: the column to blame (None: the whole row) and the category.
_REFUSALS: dict[str, tuple[str | None, ErrorCategory]] = {
    "unanswered": ("answers", ErrorCategory.INVALID),
    "no_item": ("answers", ErrorCategory.INVALID),
    "out_of_range": ("answers", ErrorCategory.INVALID),
    "not_open": ("campaign", ErrorCategory.CONFLICT),
    "outside_window": ("answered_on", ErrorCategory.CONFLICT),
    "not_in_scope": ("student", ErrorCategory.CONFLICT),
    "answered": (None, ErrorCategory.CONFLICT),
}


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run or a file with errors."""


class ScreeningResultImporter(Importer[Sheet]):
    """Sheets answered on paper or elsewhere, handed in as imported; see the module's
    invariants. ``created`` counts the sheets new to the campaign, ``updated`` those that
    existed unanswered (a link issued) or invalid (answered again)."""

    sheet = SCREENING_SHEET
    model = Sheet
    key_column = "student"
    references: ClassVar[dict[str, str]] = {"campaign": "campaigns", "student": "students"}

    def prepare(self) -> None:
        """The school's campaigns by name (a name two campaigns share names none), its students
        by number, each scale's number of items and the sheets that exist already."""
        campaigns = list(Campaign.objects.for_school(self.school).select_related("scale"))
        by_name: dict[str, list[Campaign]] = {}
        for campaign in campaigns:
            by_name.setdefault(normalize_header(campaign.name), []).append(campaign)
        self.shared_names = {name for name, found in by_name.items() if len(found) > 1}
        self.campaigns = {name: found[0] for name, found in by_name.items() if len(found) == 1}
        self.students = {
            student.student_no: student for student in Student.objects.for_school(self.school)
        }
        self.item_counts = dict(
            Scale.objects.for_school(self.school).annotate(n=Count("items")).values_list("pk", "n")
        )
        self.existing_sheets = set(
            Sheet.objects.filter(campaign__in=campaigns).values_list("campaign_id", "student_id")
        )
        self.seen: dict[tuple[int, int], int] = {}

    def referenced(self, key: str, values: dict[str, Any]) -> Any:
        value = values.get(key)
        if not value:
            return None
        if key == "campaign":
            return self.campaigns.get(normalize_header(value))
        return self.students.get(str(value).strip())

    def reference_errors(self, row: RawRow, values: dict[str, Any]) -> list[RowError]:
        errors = []
        if values.get("campaign") and self.referenced("campaign", values) is None:
            shared = normalize_header(values["campaign"]) in self.shared_names
            message = (
                gettext("Several campaigns are named “%(value)s”; rename one of them first.")
                if shared
                else gettext("There is no campaign named “%(value)s” at this school.")
            )
            errors.append(
                self.error(
                    row,
                    "campaign",
                    ErrorCategory.REFERENCE,
                    message % {"value": values["campaign"]},
                )
            )
        if values.get("student") and self.referenced("student", values) is None:
            message = gettext("There is no student numbered “%(value)s” at this school.")
            errors.append(
                self.error(
                    row, "student", ErrorCategory.REFERENCE, message % {"value": values["student"]}
                )
            )
        return errors

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
        try:
            with transaction.atomic():
                for row in read.rows:
                    report.errors += self._row(row, report)
                if report.errors or dry_run:
                    raise _Rollback
        except _Rollback:
            report.written = False
        else:
            report.written = True
            transaction.on_commit(statistics.refresh)
        report.errors = sorted_errors(report.errors)
        if report.errors:
            report.created = report.updated = 0
        return report

    def _row(self, row: RawRow, report: ImportReport) -> list[RowError]:
        """Check one row and hand its sheet in; its errors (none: counted in ``report``)."""
        values, errors = clean_row(row, self.sheet)
        errors += self.reference_errors(row, values)
        campaign = self.referenced("campaign", values)
        student = self.referenced("student", values)
        if campaign is not None and student is not None:
            errors += self._duplicate(row, campaign, student)
        if campaign is not None and values["answers"] is not None:
            errors += self._count_errors(row, campaign, values["answers"])
        if values["answered_on"] is not None and values["answered_on"] > timezone.localdate():
            errors.append(
                self.error(
                    row,
                    "answered_on",
                    ErrorCategory.INVALID,
                    gettext("A sheet is answered today or earlier."),
                )
            )
        if errors:
            return errors
        errors = self._hand_in(row, campaign, student, values)
        if not errors:
            is_new = (campaign.pk, student.pk) not in self.existing_sheets
            report.created += is_new
            report.updated += not is_new
        return errors

    def _duplicate(self, row: RawRow, campaign: Campaign, student: Student) -> list[RowError]:
        first = self.seen.setdefault((campaign.pk, student.pk), row.number)
        if first == row.number:
            return []
        message = gettext("This student's sheet in this campaign is in row %(first)s already.")
        return [self.error(row, "student", ErrorCategory.DUPLICATE, message % {"first": first})]

    def _count_errors(
        self, row: RawRow, campaign: Campaign, answers: tuple[int, ...]
    ) -> list[RowError]:
        needed = self.item_counts.get(campaign.scale_id, 0)
        if len(answers) == needed:
            return []
        message = gettext(
            "The scale of this campaign has %(needed)s items: give %(needed)s answers, one per "
            "item (the row has %(given)s)."
        ) % {"needed": needed, "given": len(answers)}
        return [self.error(row, "answers", ErrorCategory.INVALID, message)]

    def _hand_in(
        self, row: RawRow, campaign: Campaign, student: Student, values: dict[str, Any]
    ) -> list[RowError]:
        answered_at = timezone.make_aware(dt.datetime.combine(values["answered_on"], NOON))
        answers = dict(enumerate(values["answers"], start=1))
        try:
            with transaction.atomic():  # a refused row leaves the rows before it applied
                screening.hand_in(
                    campaign=campaign,
                    student=student,
                    answers=answers,
                    imported=True,
                    answered_at=answered_at,
                )
        except ValidationError as refusal:
            return self._refusal_errors(row, refusal)
        return []

    def _refusal_errors(self, row: RawRow, refusal: ValidationError) -> list[RowError]:
        """A service's refusal on the column and in the category its code calls for."""
        if hasattr(refusal, "error_dict"):
            return [
                self.error(row, None, ErrorCategory.INVALID, message)
                for message in refusal.messages
            ]
        key, category = _REFUSALS.get(str(refusal.code), (None, ErrorCategory.CONFLICT))
        return [self.error(row, key, category, message) for message in refusal.messages]


IMPORTERS: dict[str, type[Importer[Any]]] = {SCREENING_SHEET.key: ScreeningResultImporter}
