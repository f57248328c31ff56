"""Excel imports of honours and commendations (see ``qingshan.core.importing`` and
``qingshan.core.importing.RecordImporter``): a row without a number adds a record, a row
with the number of a record updates it; nothing is written while any row has an error.

A commendation names a party member of the branch by name (one member of that name), or, for
someone without a record here, just the person's name.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from qingshan.core.importing import RECORD_ID_COLUMN, Importer, RecordImporter
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_date
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.honours.enums import Level, Recipient
from qingshan.honours.models import Commendation, Honour
from qingshan.party.models import Member

HONOUR_SHEET = SheetSpec(
    key="honours",
    title_zh="荣誉",
    title_en="Honours",
    columns=(
        RECORD_ID_COLUMN,
        Column(
            "recipient",
            "授予对象",
            "Awarded to",
            ChoiceParser(Recipient),
            required=True,
            example="学校",
        ),
        Column("title", "荣誉称号", "Honorary title", required=True, example="市职业教育先进单位"),
        Column("level", "级别", "Level", ChoiceParser(Level), required=True, example="市级"),
        Column("issuer", "授予单位", "Awarded by", required=True, example="市人民政府"),
        Column(
            "awarded_on", "授予日期", "Awarded on", parse_date, required=True, example="2013-03-15"
        ),
        Column("note", "备注", "Note"),
    ),
)
COMMENDATION_SHEET = SheetSpec(
    key="commendations",
    title_zh="表彰",
    title_en="Commendations",
    columns=(
        RECORD_ID_COLUMN,
        Column("title", "表彰称号", "Commended as", required=True, example="优秀共产党员"),
        Column("level", "级别", "Level", ChoiceParser(Level), required=True, example="县级"),
        Column("issuer", "表彰单位", "Commended by", required=True, example="中共县委"),
        Column(
            "awarded_on",
            "表彰日期",
            "Commended on",
            parse_date,
            required=True,
            example="2013-06-28",
        ),
        Column("member", "党员姓名", "Party member", example="王青山"),
        Column("person_name", "其他人员姓名", "Someone else", example=""),
    ),
)


class HonourImporter(RecordImporter[Honour]):
    sheet = HONOUR_SHEET
    model = Honour
    fields = ("recipient", "title", "level", "issuer", "awarded_on", "note")
    unique_together = ("recipient", "title", "awarded_on")


class CommendationImporter(RecordImporter[Commendation]):
    sheet = COMMENDATION_SHEET
    model = Commendation
    fields = ("title", "level", "issuer", "awarded_on", "person_name")

    def prepare(self) -> None:
        super().prepare()
        self.members: dict[str, list[Any]] = {}
        for member in Member.objects.for_school(self.school).active():
            self.members.setdefault(member.name, []).append(member)

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        record.member = None
        if values["member"] is None:
            return []
        found = self.members.get(values["member"].strip(), [])
        if len(found) != 1:
            message = (
                gettext("There is no party member named “%(value)s”.")
                if not found
                else gettext(
                    "Several party members are named “%(value)s”; add this one on the page."
                )
            )
            return [
                self.error(
                    row,
                    "member",
                    ErrorCategory.REFERENCE,
                    message % {"value": values["member"]},
                )
            ]
        record.member = found[0]
        return []


IMPORTERS: dict[str, type[Importer[Any]]] = {
    HONOUR_SHEET.key: HonourImporter,
    COMMENDATION_SHEET.key: CommendationImporter,
}
