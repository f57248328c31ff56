"""Excel imports of the outreach records (see ``qingshan.core.importing`` and
``qingshan.core.importing.RecordImporter``): a row without a number adds a record, a row
with the number of a record updates it; nothing is written while any row has an error.

A visit's row may give the copies of leaflets and booklets handed out; they are recorded as the
visit's materials when the visit is added (an existing visit's materials change on its page).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from qingshan.core.importing import RECORD_ID_COLUMN, Importer, Planned, RecordImporter
from qingshan.core.tabular.errors import ErrorCategory, RowError
from qingshan.core.tabular.parsing import ChoiceParser, parse_bool, parse_date, parse_int
from qingshan.core.tabular.reading import RawRow
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.outreach.enums import MaterialKind, ProblemField
from qingshan.outreach.models import (
    Handout,
    Household,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)


def _copies(value: str) -> int:
    return parse_int(value, min_value=0, max_value=10_000_000)


TOWNSHIP = Column("township", "乡镇", "Township", required=True, example="民胜镇")
VILLAGE = Column("village", "村", "Village", example="青山村")

VISIT_SHEET = SheetSpec(
    key="visits",
    title_zh="科技下乡活动",
    title_en="Outreach visits",
    columns=(
        RECORD_ID_COLUMN,
        Column("date", "日期", "Date", parse_date, required=True, example="2013-04-10"),
        TOWNSHIP,
        VILLAGE,
        Column("team", "下乡人员", "Team", required=True, example="张三、李四"),
        Column("topic", "主题", "Topic", required=True, example="科学养猪技术下乡"),
        Column("leaflets", "宣传资料份数", "Leaflets handed out", _copies, example="650"),
        Column("booklets", "技术手册份数", "Booklets handed out", _copies, example="80"),
        Column("note", "备注", "Note"),
    ),
)
PROBLEM_SHEET = SheetSpec(
    key="problems",
    title_zh="技术难题",
    title_en="Technical problems",
    columns=(
        RECORD_ID_COLUMN,
        Column(
            "raised_on", "提出日期", "Raised on", parse_date, required=True, example="2013-04-10"
        ),
        TOWNSHIP,
        VILLAGE,
        Column(
            "field", "领域", "Field", ChoiceParser(ProblemField), required=True, example="畜禽养殖"
        ),
        Column("description", "问题", "Problem", required=True, example="仔猪腹泻"),
        Column("solution", "解决办法", "Solution", example="调整饲料并消毒"),
        Column("solved_on", "解决日期", "Solved on", parse_date, example="2013-04-12"),
        Column("verified_by", "核实人", "Solution verified by", example="王五"),
        Column("verified_on", "核实日期", "Verified on", parse_date, example="2013-04-20"),
    ),
)
PRACTICAL_SHEET = SheetSpec(
    key="practical_things",
    title_zh="为民办实事",
    title_en="Practical things done",
    columns=(
        RECORD_ID_COLUMN,
        Column("date", "日期", "Date", parse_date, required=True, example="2013-05-01"),
        TOWNSHIP,
        VILLAGE,
        Column(
            "description", "所办实事", "Practical thing done", required=True, example="义务维修家电"
        ),
        Column("beneficiaries", "受益对象", "For whom", example="留守老人"),
    ),
)
BASE_SHEET = SheetSpec(
    key="bases",
    title_zh="科普基地",
    title_en="Science popularisation bases",
    columns=(
        RECORD_ID_COLUMN,
        Column("name", "名称", "Name", required=True, example="民胜镇生猪养殖科普基地"),
        TOWNSHIP,
        Column("host", "依托单位", "Host", required=True, example="某家庭农场"),
        Column("since", "建立日期", "Since", parse_date, required=True, example="2010-03-01"),
        Column("until", "停办日期", "Closed on", parse_date),
        Column("activities", "开展的活动", "Activities", example="养殖技术示范与培训"),
    ),
)
HOUSEHOLD_SHEET = SheetSpec(
    key="households",
    title_zh="农户",
    title_en="Farm households",
    columns=(
        RECORD_ID_COLUMN,
        Column("head", "户主", "Head of household", required=True, example="王大山"),
        TOWNSHIP,
        Column("village", "村", "Village", required=True, example="青山村3组"),
        Column("specialty", "主要产业", "What the household farms", example="生猪养殖"),
        Column("is_demonstration", "示范户", "Demonstration household", parse_bool, example="否"),
        Column(
            "demonstration_since", "成为示范户日期", "Demonstration household since", parse_date
        ),
    ),
)


class VisitImporter(RecordImporter[Visit]):
    sheet = VISIT_SHEET
    model = Visit
    fields = ("date", "township", "village", "team", "topic", "note")

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        counts = [key for key in ("leaflets", "booklets") if values[key]]
        if record.pk is not None and counts:
            return [
                self.error(
                    row,
                    counts[0],
                    ErrorCategory.CONFLICT,
                    gettext("Change the materials of a visit already recorded on its page."),
                )
            ]
        return []

    def after_write(self, planned: list[Planned]) -> None:
        handouts = []
        for item in planned:
            for key, kind in (
                ("leaflets", MaterialKind.LEAFLET),
                ("booklets", MaterialKind.BOOKLET),
            ):
                if item.is_new and item.extra[key]:
                    handouts.append(
                        Handout(
                            school=self.school,
                            visit=item.record,
                            kind=kind,
                            title=item.record.topic,
                            count=item.extra[key],
                        )
                    )
        Handout.objects.bulk_create(handouts)


class ProblemImporter(RecordImporter[TechProblem]):
    sheet = PROBLEM_SHEET
    model = TechProblem
    fields = (
        "raised_on",
        "township",
        "village",
        "field",
        "description",
        "solution",
        "solved_on",
        "verified_by",
        "verified_on",
    )


class PracticalThingImporter(RecordImporter[PracticalThing]):
    sheet = PRACTICAL_SHEET
    model = PracticalThing
    fields = ("date", "township", "village", "description", "beneficiaries")


class BaseImporter(RecordImporter[ScienceBase]):
    sheet = BASE_SHEET
    model = ScienceBase
    fields = ("name", "township", "host", "since", "until", "activities")
    unique_together = ("name",)


class HouseholdImporter(RecordImporter[Household]):
    sheet = HOUSEHOLD_SHEET
    model = Household
    fields = ("head", "township", "village", "specialty", "demonstration_since")
    unique_together = ("township", "village", "head")

    def check(self, row: RawRow, values: dict[str, Any], record: Any) -> list[RowError]:
        record.is_demonstration = bool(values["is_demonstration"])
        return []


IMPORTERS: dict[str, type[Importer[Any]]] = {
    importer.sheet.key: importer
    for importer in (
        VisitImporter,
        ProblemImporter,
        PracticalThingImporter,
        BaseImporter,
        HouseholdImporter,
    )
}
