"""Excel import of the trainings the school's teachers have done (see ``qingshan.core.importing``
and ``qingshan.core.importing.RecordImporter``): a ledger of what was done, so every row is
imported as done and counts towards hours and months of enterprise practice. A row without a
number adds a record, a row with the number of a done record updates it; nothing is written
while any row has an error. The teacher is named by staff number.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.utils.translation import gettext, gettext_lazy

from qingshan.core.importing import RECORD_ID_COLUMN, RecordImporter
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_date, parse_decimal
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.models import Staff
from qingshan.teaching.enums import TrainingKind, TrainingStatus
from qingshan.teaching.models import TrainingRecord


def _amount(value: str) -> Any:
    return parse_decimal(value, decimal_places=2, min_value=0, max_value=9_999_999)


def _hours(value: str) -> Any:
    return parse_decimal(value, decimal_places=1, min_value=0, max_value=99_999)


TRAINING_SHEET = SheetSpec(
    key="trainings",
    title_zh="已完成的培训",
    title_en="Trainings done",
    columns=(
        RECORD_ID_COLUMN,
        Column(
            "teacher",
            "教师工号",
            "Teacher's staff number",
            required=True,
            example="T00001",
            help_text=gettext_lazy(
                "Each row is a training the teacher has done: it is imported as done and "
                "counts towards the hours and the months of enterprise practice."
            ),
        ),
        Column("title", "培训名称", "Title", required=True, example="国培计划中职骨干教师培训"),
        Column("kind", "类别", "Kind", ChoiceParser(TrainingKind), required=True, example="国培"),
        Column("organiser", "主办单位", "Organised by", required=True, example="四川省教育厅"),
        Column(
            "starts_on", "开始日期", "Starts on", parse_date, required=True, example="2013-07-01"
        ),
        Column("ends_on", "结束日期", "Ends on", parse_date, required=True, example="2013-07-20"),
        Column("hours", "学时", "Hours", _hours, required=True, example="120"),
        Column("certificate", "证书编号", "Certificate", example="GP2013-0456"),
        Column("cost", "费用（元）", "Cost (yuan)", _amount, example="0"),
        Column("note", "备注", "Note"),
    ),
)


class TrainingImporter(RecordImporter[TrainingRecord]):
    sheet = TRAINING_SHEET
    model = TrainingRecord
    fields = ("title", "kind", "organiser", "starts_on", "ends_on", "hours", "certificate", "note")
    unique_together = ("teacher_id", "title", "starts_on")
    references: ClassVar[dict[str, str]] = {"teacher": "staff"}

    def prepare(self) -> None:
        super().prepare()
        self.staff = {member.staff_no: member for member in Staff.objects.for_school(self.school)}

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        if record.pk is not None and record.status != TrainingStatus.DONE:
            return [
                self.error(
                    row,
                    "id",
                    ErrorCategory.CONFLICT,
                    gettext("Record %(value)s is a training not yet done; decide it on its page.")
                    % {"value": values["id"]},
                )
            ]
        record.teacher = self.referenced("teacher", values)
        record.cost = values["cost"] if values["cost"] is not None else Decimal(0)
        record.status = TrainingStatus.DONE
        return []
