"""The import pipeline every roster import follows (after EvaP): read, check every row, then
either report (dry run) or write all rows in one transaction. Nothing is written when any row
has an error.

A subclass of ``Importer`` names its sheet, its model and the column that identifies a record
(a row whose key exists is an update, otherwise a creation), and turns a cleaned row into an
unsaved model instance in ``build``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar, cast

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from qingshan.core import statistics
from qingshan.core.audit import log_bulk
from qingshan.core.constraints import ConstraintChecker
from qingshan.core.models import School, SchoolOwned
from qingshan.core.tabular.errors import ErrorCategory, RowError, sorted_errors
from qingshan.core.tabular.parsing import clean_row, find_duplicates, parse_int
from qingshan.core.tabular.reading import RawRow, read_table
from qingshan.core.tabular.spec import Column, SheetSpec


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


RecordT = TypeVar("RecordT", bound=SchoolOwned)


@dataclass
class Planned(Generic[RecordT]):
    row: RawRow
    record: RecordT
    is_new: bool
    extra: dict[str, Any] = field(default_factory=dict)


class Importer(Generic[RecordT]):
    sheet: ClassVar[SheetSpec]
    model: type[RecordT]
    key_column: ClassVar[str]
    unique_columns: ClassVar[tuple[str, ...]] = ()
    # Columns naming another record of the school, each with the attribute (a dict from the name
    # to the record, filled by ``prepare``) that finds it: checked on every row, even one whose
    # other cells are wrong, so that one pass reports all of a row's errors.
    references: ClassVar[dict[str, str]] = {}

    def __init__(self, school: School) -> None:
        self.school = school
        self.existing: dict[str, RecordT] = {}

    # --- hooks for subclasses --------------------------------------------------------------
    def prepare(self) -> None:
        """Load what rows refer to, once, before any row is built."""
        records = cast(list[RecordT], list(self.model._default_manager.filter(school=self.school)))
        self.existing = {str(getattr(record, self.key_column)): record for record in records}
        self.constraints = ConstraintChecker(self.model, records)

    def key_of(self, values: dict[str, Any]) -> str:
        """The key that finds a row's existing record (a composite key overrides this)."""
        return str(values[self.key_column])

    def duplicate_columns(self) -> tuple[str, ...]:
        """Columns whose values must not repeat within a file."""
        return (self.key_column, *self.unique_columns)

    def build(self, row: RawRow, values: dict[str, Any], record: RecordT) -> list[RowError]:
        """Copy ``values`` onto ``record``; return reference errors."""
        raise NotImplementedError

    def after_write(self, planned: list[Planned[RecordT]]) -> None:
        """Write what depends on the saved records (links, secondary rows)."""

    def referenced(self, key: str, values: dict[str, Any]) -> Any:
        """The record a reference column names, or None when the cell is blank or unknown."""
        value = values.get(key)
        return getattr(self, self.references[key]).get(value) if value else None

    def reference_errors(self, row: RawRow, values: dict[str, Any]) -> list[RowError]:
        message = gettext("“%(value)s” does not exist at this school; add it first.")
        return [
            self.error(row, key, ErrorCategory.REFERENCE, message % {"value": values[key]})
            for key in self.references
            if values.get(key) and self.referenced(key, values) is None
        ]

    def error(self, row: RawRow, key: str | None, category: str, message: str) -> RowError:
        """A row error in the column ``key`` (None: the whole row), headed in the reader's
        language."""
        column = self.sheet.column(key).header(translation.get_language()) if key else None
        return RowError(row.number, column, ErrorCategory(category), message)

    # --- the pipeline ----------------------------------------------------------------------
    def run(self, data: bytes, filename: str, *, dry_run: bool, actor: Any = None) -> ImportReport:
        read = read_table(data, filename, self.sheet)
        report = ImportReport(rows=len(read.rows), errors=list(read.errors))
        if any(error.row is None for error in read.errors) or not read.rows:
            if not read.rows and not report.errors:
                report.errors.append(
                    RowError(
                        None,
                        None,
                        ErrorCategory.FILE,
                        translation.gettext("The file has no data rows."),
                    )
                )
            return report
        for column in self.duplicate_columns():
            report.errors += find_duplicates(read.rows, self.sheet.column(column))
        self.prepare()
        planned = []
        for row in read.rows:
            values, errors = clean_row(row, self.sheet)
            errors += self.reference_errors(row, values)
            if errors:
                report.errors += errors
                continue
            existing = self.existing.get(self.key_of(values))
            record = existing or self.model(school=self.school)
            build_errors = self.build(row, values, record)
            if build_errors:
                report.errors += build_errors
                continue
            report.errors += self._validate(row, record)
            planned.append(Planned(row=row, record=record, is_new=existing is None, extra=values))
        report.created = sum(1 for item in planned if item.is_new)
        report.updated = len(planned) - report.created
        report.errors = sorted_errors(report.errors)
        if report.errors or dry_run:
            return report
        self._write(planned, actor)
        report.written = True
        # A large import changes the tables' shape: the planner's statistics follow it.
        transaction.on_commit(statistics.refresh)
        return report

    def _validate(self, row: RawRow, record: RecordT) -> list[RowError]:
        foreign_keys = [
            f.name for f in record._meta.concrete_fields if isinstance(f, models.ForeignKey)
        ]
        try:
            record.full_clean(
                exclude=foreign_keys, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            return self._row_errors(row, error)
        conflicts = self.constraints.errors(record)
        return [self._conflict(row, error) for error in conflicts]

    def _conflict(self, row: RawRow, error: ValidationError) -> RowError:
        return RowError(row.number, None, ErrorCategory.CONFLICT, " ".join(error.messages))

    def _row_errors(self, row: RawRow, error: ValidationError) -> list[RowError]:
        language = translation.get_language()
        errors = []
        for name, messages in error.message_dict.items():
            column = next((c for c in self.sheet.columns if c.key == name), None)
            header = column.header(language) if column else None
            category = ErrorCategory.CONFLICT if name == "__all__" else ErrorCategory.INVALID
            errors += [RowError(row.number, header, category, message) for message in messages]
        return errors

    @transaction.atomic
    def _write(self, planned: list[Planned[RecordT]], actor: Any) -> None:
        now = timezone.now()
        new = [item.record for item in planned if item.is_new]
        changed = [item.record for item in planned if not item.is_new]
        for record in changed:
            record.updated_at = now
        self.model.objects.bulk_create(new, batch_size=500)
        if changed:
            names = [
                f.name
                for f in self.model._meta.concrete_fields
                if not f.primary_key and f.name not in ("school", "created_at")
            ]
            self.model.objects.bulk_update(changed, names, batch_size=500)
        self.after_write(planned)
        log_bulk(new, action=LogEntry.Action.CREATE, actor=actor)
        log_bulk(changed, action=LogEntry.Action.UPDATE, actor=actor)


RECORD_ID_COLUMN = Column(
    "id",
    "编号（新记录留空）",
    "Number (empty for a new record)",
    lambda v: parse_int(v, min_value=1),
    help_text="The number of a record to update, as on its page; leave it empty to add one.",
)


class RecordImporter(Importer[RecordT]):
    """Rows that add records, or update the record whose number they give. ``fields`` are copied
    onto the record (an empty optional cell clears a text field); ``unique_together`` names the
    fields that may not repeat within the file (the model's constraints check existing rows)."""

    key_column = "id"
    fields: ClassVar[tuple[str, ...]] = ()
    unique_together: ClassVar[tuple[str, ...]] = ()

    def prepare(self) -> None:
        records = cast(
            list[RecordT],
            list(self.model._default_manager.filter(school=self.school, archived_at=None)),
        )
        self.existing = {str(record.pk): record for record in records}
        self.constraints = ConstraintChecker(self.model, records)
        self.seen: dict[tuple[Any, ...], int] = {}

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        if values["id"] is not None and record.pk is None:
            return [
                self.error(
                    row,
                    "id",
                    ErrorCategory.REFERENCE,
                    gettext("There is no record number %(value)s here.") % {"value": values["id"]},
                )
            ]
        for name in self.fields:
            value = values[name]
            if isinstance(value, str):
                value = value.strip()
            if value is None and isinstance(
                record._meta.get_field(name), models.CharField | models.TextField
            ):
                value = ""
            setattr(record, name, value)
        errors = self.check(row, values, record)
        if self.unique_together:
            key = tuple(getattr(record, name) for name in self.unique_together)
            first = self.seen.setdefault(key, row.number)
            if first != row.number:
                errors.append(
                    RowError(
                        row.number,
                        None,
                        ErrorCategory.DUPLICATE,
                        gettext("This row repeats row %(first)s.") % {"first": first},
                    )
                )
        return errors

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        """Rules beyond the model's own; return row errors."""
        return []
