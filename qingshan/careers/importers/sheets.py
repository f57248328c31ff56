"""The sheets careers imports: their columns in Chinese and English, with examples."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from qingshan.careers.enums import Channel, DestinationKind, Region, Sector
from qingshan.core.importing import RECORD_ID_COLUMN
from qingshan.core.tabular.parsing import ChoiceParser, parse_bool, parse_date, parse_int
from qingshan.core.tabular.spec import Column, SheetSpec


def _salary(value: str) -> int:
    return parse_int(value, min_value=0, max_value=200_000)


def _answer_columns() -> tuple[Column, ...]:
    return (
        Column(
            "kind",
            "毕业去向",
            "Destination",
            ChoiceParser(DestinationKind),
            required=True,
            example="到企事业单位就业",
        ),
        Column(
            "employer", "就业单位或就读学校", "Employer or school", example="深圳富士康科技集团"
        ),
        Column("region", "就业地区", "Region", ChoiceParser(Region), example="外省"),
        Column("sector", "行业", "Sector", ChoiceParser(Sector), example="制造业"),
        Column("matches_major", "专业对口", "Matches the major", parse_bool, example="是"),
        Column("labour_contract", "签订劳动合同", "Labour contract", parse_bool, example="是"),
        Column("social_insurance", "缴纳社会保险", "Social insurance", parse_bool, example="是"),
        Column("salary", "月收入（元）", "Monthly salary (yuan)", _salary, example="2600"),
    )


DESTINATION_SHEET = SheetSpec(
    key="destinations",
    title_zh="毕业去向",
    title_en="Graduate destinations",
    columns=(
        Column("student", "学号", "Student number", required=True, example="200900012"),
        *_answer_columns(),
        Column("channel", "就业渠道", "Channel", ChoiceParser(Channel), example="学校推荐"),
        Column("order_class", "订单班", "Order class", example=""),
        Column("starting_salary", "起薪（元/月）", "Starting salary (yuan a month)", _salary),
        Column(
            "recorded_on",
            "登记日期",
            "Recorded on",
            parse_date,
            required=True,
            example="2013-09-30",
        ),
        Column("note", "备注", "Note"),
    ),
)

FOLLOW_UP_SHEET = SheetSpec(
    key="followups",
    title_zh="毕业生回访",
    title_en="Follow-ups of graduates",
    columns=(
        Column("student", "学号", "Student number", required=True, example="200900012"),
        Column(
            "months",
            "毕业后月数",
            "Months after graduation",
            lambda value: parse_int(value, min_value=1, max_value=120),
            required=True,
            example="12",
        ),
        Column(
            "answered_on",
            "回访日期",
            "Answered on",
            parse_date,
            required=True,
            example="2014-07-05",
        ),
        *_answer_columns(),
        Column(
            "still_with_employer",
            "仍在首个就业单位",
            "Still with the first employer",
            parse_bool,
            example="是",
        ),
        Column("note", "备注", "Note"),
    ),
)

AGREEMENT_SHEET = SheetSpec(
    key="agreements",
    title_zh="合作协议",
    title_en="Cooperation agreements",
    columns=(
        RECORD_ID_COLUMN,
        Column("enterprise", "企业名称", "Enterprise", required=True, example="深圳富士康科技集团"),
        Column("title", "协议名称", "Title", required=True, example="校企长期合作协议"),
        Column(
            "signed_on", "签订日期", "Signed on", parse_date, required=True, example="2011-03-01"
        ),
        Column(
            "starts_on",
            "生效日期",
            "In force from",
            parse_date,
            required=True,
            example="2011-03-01",
        ),
        Column(
            "ends_on", "有效期至", "In force until", parse_date, required=True, example="2016-02-28"
        ),
        Column(
            "majors",
            "涉及专业",
            "Majors covered",
            example="电子技术应用、计算机应用",
            help_text=gettext_lazy("Names of the school's majors, separated by 、 or commas."),
        ),
        Column(
            "places_per_year",
            "每年用工名额",
            "Places per year",
            lambda value: parse_int(value, min_value=0, max_value=5000),
            example="60",
        ),
        Column("renews_on", "续签日期", "Renewal due on", parse_date, example="2016-01-15"),
        Column(
            "remind_days",
            "提前提醒天数",
            "Remind this many days before",
            lambda value: parse_int(value, min_value=1, max_value=365),
            example="60",
        ),
        Column("note", "备注", "Note"),
    ),
)

ANSWER_FIELDS = (
    "kind",
    "employer",
    "region",
    "sector",
    "matches_major",
    "labour_contract",
    "social_insurance",
    "salary",
)
