"""Excel/CSV import of a list of documents (bilingual template, dry run, all or nothing).

Each row is a document issued and in force, or repealed on the day given. A number that the
issuer has used already, at this school or earlier in the file, is refused: the import never
changes a document that exists. A row may only name an issuer whose documents the importing
person keeps (the secretary the branch's, the administrator the school's and departments').
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from qingshan.core.constraints import ConstraintChecker
from qingshan.core.importing import Importer, Planned
from qingshan.core.models import School
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_date
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec, normalize_header
from qingshan.documents.enums import AUDIENCE_FIELDS, Audience, DocumentKind, DocumentStatus, Issuer
from qingshan.documents.models import MAX_SEQUENCE, Document, format_number
from qingshan.documents.rules import managed_issuers
from qingshan.organization.models import Department

_NUMBER = re.compile(
    r"^(?P<prefix>.*?)[〔\[(［（【{](?P<year>\d{4})[〕\])］）】}](?P<sequence>\d+)号?$"
)
_SPLIT = re.compile(r"[、,，;；/\s]+")


class ParsedNumber(NamedTuple):
    prefix: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return format_number(self.prefix, self.year, self.sequence)


def parse_number(value: str) -> ParsedNumber:
    """``通职中发〔2013〕5号``, also with [ ] or ( ) around the year and without 号."""
    text = unicodedata.normalize("NFC", value).strip()
    match = _NUMBER.match(text)
    sequence = int(match["sequence"]) if match else 0
    if match is None or not 1 <= sequence <= MAX_SEQUENCE:
        raise ValidationError(
            _("“%(value)s” is not a document number; write it like 通职中发〔2013〕5号."),
            code="invalid_number",
            params={"value": value},
        )
    return ParsedNumber(match["prefix"].strip()[:20], int(match["year"]), sequence)


_AUDIENCE = ChoiceParser(Audience)


def parse_audience(value: str) -> list[str]:
    """Audiences separated by 、 , ; or spaces: ``全体教职工、学生``."""
    return [_AUDIENCE(part) for part in _SPLIT.split(value) if part]


ISSUER_HELP = _("学校 / school, 党支部 / branch, or the name of a department of the school.")

DOCUMENT_SHEET = SheetSpec(
    key="documents",
    title_zh="文件",
    title_en="Documents",
    columns=(
        Column(
            "number", "文号", "Number", parse_number, required=True, example="通职中支〔2013〕1号"
        ),
        Column(
            "title",
            "标题",
            "Title",
            required=True,
            example="关于进一步加强基层组织建设的意见",
        ),
        Column("kind", "文种", "Kind", ChoiceParser(DocumentKind), required=True, example="意见"),
        Column(
            "issuer", "发文单位", "Issuer", required=True, example="党支部", help_text=ISSUER_HELP
        ),
        Column(
            "issued_on", "发文日期", "Issued on", parse_date, required=True, example="2013-02-25"
        ),
        Column("effective_on", "施行日期", "In force from", parse_date, example="2013-03-01"),
        Column(
            "audience",
            "发放范围",
            "Addressed to",
            parse_audience,
            required=True,
            example="全体教职工、党员",
        ),
        Column("repealed_on", "废止日期", "Repealed on", parse_date),
        Column("body", "正文", "Full text"),
    ),
)

_ISSUERS = {
    normalize_header(word): issuer
    for issuer, words in (
        (Issuer.SCHOOL, ("学校", "school", "the school")),
        (Issuer.BRANCH, ("党支部", "支部", "branch", "the party branch", "party branch")),
    )
    for word in words
}


class DocumentImporter(Importer[Document]):
    sheet = DOCUMENT_SHEET
    model = Document
    key_column = "number"
    # The issuers whose documents may be imported (set per person by ``importers_for``).
    issuers: frozenset[str] = frozenset()

    def prepare(self) -> None:
        records = list(Document.objects.filter(school=self.school))
        self.existing = {}  # an import never updates: a number in use is refused in ``build``
        self.constraints = ConstraintChecker(Document, records)
        self.taken = {
            (record.issuer, record.department_id, record.year, record.sequence): record
            for record in records
        }
        self.in_file: dict[tuple[Any, ...], tuple[int, str]] = {}
        self.departments = {
            normalize_header(department.name): department
            for department in Department.objects.for_school(self.school).active()
        }

    def _issuer(self, row: RawRow, value: str, record: Document) -> list[RowError]:
        name = normalize_header(value)
        if name in _ISSUERS:
            record.issuer, record.department = _ISSUERS[name], None
        elif name in self.departments:
            record.issuer, record.department = Issuer.DEPARTMENT, self.departments[name]
        else:
            return [
                self.error(
                    row,
                    "issuer",
                    ErrorCategory.REFERENCE,
                    gettext(
                        "“%(value)s” is neither the school, the branch nor a department of this "
                        "school."
                    )
                    % {"value": value},
                )
            ]
        if record.issuer not in self.issuers:
            return [
                self.error(
                    row,
                    "issuer",
                    ErrorCategory.CONFLICT,
                    gettext("You do not keep the documents of “%(value)s”.") % {"value": value},
                )
            ]
        return []

    def build(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        errors = self._issuer(row, values["issuer"], record)
        number: ParsedNumber = values["number"]
        record.prefix, record.year, record.sequence = number
        record.title = values["title"][:200]
        record.kind = values["kind"]
        record.issued_on = values["issued_on"]
        record.effective_on = values.get("effective_on") or values["issued_on"]
        record.body = values.get("body") or ""
        for audience, name in AUDIENCE_FIELDS.items():
            setattr(record, name, audience in values["audience"])
        if values.get("repealed_on"):
            record.status, record.ended_on = DocumentStatus.REPEALED, values["repealed_on"]
            record.repeal_reason = gettext("Repealed before it was imported.")
            if record.ended_on < record.effective_on:
                errors.append(
                    self.error(
                        row,
                        "repealed_on",
                        ErrorCategory.INVALID,
                        gettext("A document cannot be repealed before it takes effect."),
                    )
                )
        if record.issued_on.year != number.year:
            errors.append(
                self.error(
                    row,
                    "number",
                    ErrorCategory.INVALID,
                    gettext("The year of the number is not the year of issue (%(year)s).")
                    % {"year": record.issued_on.year},
                )
            )
        if errors:
            return errors
        key = (record.issuer, record.department_id, record.year, record.sequence)
        holder = self.taken.get(key)
        if holder is not None:
            errors.append(
                self.error(
                    row,
                    "number",
                    ErrorCategory.CONFLICT,
                    gettext("The number %(number)s is already used by “%(title)s”.")
                    % {"number": str(number), "title": holder.title},
                )
            )
        elif key in self.in_file:
            first_row, first_text = self.in_file[key]
            if first_text == normalize_header(row.values.get("number", "")):
                return errors  # the same text twice: the pipeline reports the repetition
            errors.append(
                self.error(
                    row,
                    "number",
                    ErrorCategory.DUPLICATE,
                    gettext("The number %(number)s repeats row %(first)s.")
                    % {"number": str(number), "first": first_row},
                )
            )
        else:
            self.in_file[key] = (row.number, normalize_header(row.values.get("number", "")))
        record.refresh_search_columns()
        return errors

    def after_write(self, planned: list[Planned]) -> None:
        """Nothing depends on the new rows; the search columns were filled in ``build``."""


def importers_for(issuers: Collection[str]) -> dict[str, type[Importer[Any]]]:
    """The document importer for a person who keeps the documents of ``issuers``."""
    importer = type("DocumentImporterFor", (DocumentImporter,), {"issuers": frozenset(issuers)})
    return {DOCUMENT_SHEET.key: importer}


def importers_of(user: Any, school: School) -> dict[str, type[Importer[Any]]]:
    """The import sheets of the issuers whose documents the person keeps."""
    return importers_for(managed_issuers(user, school))
