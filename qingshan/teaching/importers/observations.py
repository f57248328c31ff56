"""Excel import of lesson observations kept on paper (听课记录本), as submitted observations on
the school's published rubric (see ``qingshan.core.importing``).

Invariants: every imported observation is submitted with a score for every item of the
published rubric, in the rubric's order, each between 0 and the item's maximum, and its total
is their sum; its term is the school's term holding its date; an observation already recorded
(same observer, teacher, date and topic) is refused, never overwritten; nothing is written
while any row has an error.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from django.utils.translation import gettext, gettext_lazy

from qingshan.core.constraints import ConstraintChecker
from qingshan.core.importing import Importer, Planned
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_date, parse_int
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.models import SchoolClass, Staff, Term
from qingshan.teaching.enums import ObservationKind, ObservationStatus, Venue
from qingshan.teaching.models import Observation, ObservationScore, RubricItem
from qingshan.teaching.selectors.rubrics import items_of, published_rubric

SEPARATORS = re.compile(r"[,，、;；\s]+")
TENTH = Decimal("0.1")

OBSERVATION_SHEET = SheetSpec(
    key="observations",
    title_zh="听课记录",
    title_en="Lesson observations",
    columns=(
        Column(
            "observer", "听课人工号", "Observer's staff number", required=True, example="T00004"
        ),
        Column(
            "teacher", "授课教师工号", "Teacher's staff number", required=True, example="T00014"
        ),
        Column("observed_on", "上课日期", "Date", parse_date, required=True, example="2013-10-08"),
        Column(
            "periods",
            "节数",
            "Periods",
            lambda v: parse_int(v, min_value=1, max_value=8),
            required=True,
            example="1",
        ),
        Column("school_class", "班级", "Class", example="2013级种植1班"),
        Column("subject", "学科", "Subject", required=True, example="语文"),
        Column("topic", "课题", "Topic", required=True, example="《荷塘月色》"),
        Column("kind", "类别", "Kind", ChoiceParser(ObservationKind), example="常规听课"),
        Column("venue", "校内/校外", "Inside or outside", ChoiceParser(Venue), example="校内"),
        Column(
            "scores",
            "各项得分",
            "Item scores",
            required=True,
            example="9, 14, 9, 13, 9, 9, 13, 14",
            help_text=gettext_lazy(
                "The points of every item of the school's published rubric, in its order, "
                "separated by commas; the observation is imported as submitted."
            ),
        ),
        Column("strengths", "优点", "Strengths"),
        Column("suggestions", "建议", "Suggestions"),
    ),
)


class ObservationImporter(Importer[Observation]):
    sheet = OBSERVATION_SHEET
    model = Observation
    key_column = "observer"
    references: ClassVar[dict[str, str]] = {
        "observer": "staff",
        "teacher": "staff",
        "school_class": "classes",
    }

    def prepare(self) -> None:
        self.staff = {member.staff_no: member for member in Staff.objects.for_school(self.school)}
        self.classes = {
            group.name: group for group in SchoolClass.objects.for_school(self.school).active()
        }
        self.terms = list(Term.objects.for_school(self.school).order_by("start_date"))
        self.rubric = published_rubric(self.school)
        self.items: list[RubricItem] = items_of(self.rubric) if self.rubric else []
        recorded = Observation.objects.for_school(self.school).values_list(
            "observer__staff_no", "teacher__staff_no", "observed_on", "topic"
        )
        self.recorded = {self._key(*row) for row in recorded}
        self.existing = {}  # observations are only added: a row never updates one
        self.constraints = ConstraintChecker(Observation, [])
        self.seen: dict[str, int] = {}

    @staticmethod
    def _key(observer: str, teacher: str, day: Any, topic: str) -> str:
        return f"{observer}|{teacher}|{day}|{topic.strip()}"

    def duplicate_columns(self) -> tuple[str, ...]:
        return ()

    def _scores(self, row: RawRow, text: str) -> tuple[list[Decimal], list[RowError]]:
        parts = [part for part in SEPARATORS.split(text.strip()) if part]
        if len(parts) != len(self.items):
            message = gettext(
                "Give %(expected)s scores, one per item of the rubric in its order (%(items)s); "
                "this row has %(given)s."
            ) % {
                "expected": len(self.items),
                "items": "、".join(item.text for item in self.items),
                "given": len(parts),
            }
            return [], [self.error(row, "scores", ErrorCategory.INVALID, message)]
        points: list[Decimal] = []
        for item, part in zip(self.items, parts, strict=True):
            try:
                value = Decimal(part)
            except InvalidOperation:
                value = Decimal("NaN")
            if (
                not value.is_finite()
                or value != value.quantize(TENTH)
                or not 0 <= value <= item.max_points
            ):
                message = gettext("%(item)s: “%(value)s” is not 0 to %(maximum)s points.") % {
                    "item": item.text,
                    "value": part,
                    "maximum": item.max_points,
                }
                return [], [self.error(row, "scores", ErrorCategory.INVALID, message)]
            points.append(value)
        return points, []

    def build(self, row: RawRow, values: dict[str, Any], record: Observation) -> list[RowError]:
        if self.rubric is None:
            message = gettext("The school has no published observation rubric yet.")
            return [self.error(row, None, ErrorCategory.REFERENCE, message)]
        errors: list[RowError] = []
        day = values["observed_on"]
        term = next((t for t in self.terms if t.start_date <= day <= t.end_date), None)
        if term is None:
            message = gettext("No term of the school holds %(day)s.") % {"day": day.isoformat()}
            errors.append(self.error(row, "observed_on", ErrorCategory.REFERENCE, message))
        if values["observer"] == values["teacher"]:
            message = gettext("Nobody observes their own lesson.")
            errors.append(self.error(row, "teacher", ErrorCategory.INVALID, message))
        key = self._key(values["observer"], values["teacher"], day, values["topic"])
        first = self.seen.setdefault(key, row.number)
        if key in self.recorded:
            message = gettext("This observation is recorded already.")
            errors.append(self.error(row, None, ErrorCategory.CONFLICT, message))
        elif first != row.number:
            message = gettext("This row repeats row %(first)s.") % {"first": first}
            errors.append(RowError(row.number, None, ErrorCategory.DUPLICATE, message))
        points, score_errors = self._scores(row, values["scores"])
        errors += score_errors
        if errors or term is None:
            return errors
        record.observer = self.referenced("observer", values)
        record.teacher = self.referenced("teacher", values)
        record.school_class = self.referenced("school_class", values)
        record.term = term
        record.rubric = self.rubric
        record.observed_on, record.periods = day, values["periods"]
        record.subject, record.topic = values["subject"].strip(), values["topic"].strip()
        record.kind = values["kind"] or ObservationKind.ROUTINE
        record.venue = values["venue"] or Venue.INSIDE
        record.strengths = (values["strengths"] or "").strip()
        record.suggestions = (values["suggestions"] or "").strip()
        record.status, record.submitted_on = ObservationStatus.SUBMITTED, day
        record.total = sum(points, Decimal(0))
        values["points"] = points
        return []

    def after_write(self, planned: list[Planned[Observation]]) -> None:
        ObservationScore.objects.bulk_create(
            (
                ObservationScore(
                    school=self.school, observation=item.record, item=rubric_item, points=points
                )
                for item in planned
                for rubric_item, points in zip(self.items, item.extra["points"], strict=True)
            ),
            batch_size=1000,
        )
