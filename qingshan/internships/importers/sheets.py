"""The sheets internships imports: their columns in Chinese and English, with examples."""

from __future__ import annotations

from decimal import Decimal

from qingshan.core.importing import RECORD_ID_COLUMN
from qingshan.core.tabular.parsing import (
    ChoiceParser,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_int,
)
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.internships.enums import LegalStatus, PayBasis, PlacementKind, PremiumPayer, UnitKind


def _money(value: str) -> Decimal:
    return parse_decimal(value, min_value=Decimal(0), max_value=Decimal(10_000_000_000))


def _count(value: str) -> int:
    return parse_int(value, min_value=0, max_value=1_000_000)


UNIT_SHEET = SheetSpec(
    key="units",
    title_zh="实习单位",
    title_en="Internship units",
    columns=(
        RECORD_ID_COLUMN,
        Column("name", "单位名称", "Unit name", required=True, example="学校农场"),
        Column(
            "kind",
            "单位类型",
            "Kind of unit",
            ChoiceParser(UnitKind),
            required=True,
            example="农场",
        ),
        Column("enterprise", "企业名录中的企业", "Company in the enterprise register", example=""),
        Column(
            "area_mu",
            "面积（亩）",
            "Area (mu)",
            lambda v: parse_decimal(v, min_value=Decimal(0), max_value=Decimal(1_000_000)),
            example="300",
        ),
        Column(
            "legal_status", "登记状态", "Legal status", ChoiceParser(LegalStatus), example="法人"
        ),
        Column("registration_no", "登记证号", "Registration number", example="12370000MB0000000X"),
        Column("staff_count", "在岗职工数", "Staff at work", _count, example="40"),
        Column(
            "entertainment_venue", "营业性娱乐场所", "Entertainment venue", parse_bool, example="否"
        ),
        Column("address", "地址", "Address"),
        Column("note", "备注", "Note"),
    ),
)

PLACEMENT_SHEET = SheetSpec(
    key="placements",
    title_zh="学生实习",
    title_en="Placements",
    columns=(
        RECORD_ID_COLUMN,
        Column("student", "学号", "Student number", required=True, example="201100012"),
        Column("unit", "实习单位", "Unit", required=True, example="学校农场"),
        Column(
            "kind",
            "实习类型",
            "Kind of internship",
            ChoiceParser(PlacementKind),
            required=True,
            example="岗位实习",
        ),
        Column(
            "starts_on", "开始日期", "Starts on", parse_date, required=True, example="2013-03-01"
        ),
        Column("ends_on", "结束日期", "Ends on", parse_date, required=True, example="2013-08-31"),
        Column("post", "实习岗位", "Post", required=True, example="果树管理"),
        Column("matches_major", "专业对口", "Post matches the major", parse_bool, example="是"),
        Column(
            "school_supervisor",
            "学校指导教师工号",
            "School supervisor's staff number",
            required=True,
            example="T0012",
        ),
        Column(
            "unit_supervisor", "单位指导人员", "Unit supervisor", required=True, example="王师傅"
        ),
        Column("unit_supervisor_phone", "单位指导人员电话", "Unit supervisor's phone"),
        Column(
            "agreement_signed_on", "三方协议签订日期", "Three-party agreement signed on", parse_date
        ),
        Column("consent_signed_on", "知情同意书签署日期", "Informed consent signed on", parse_date),
        Column("insurer", "保险公司", "Insurer"),
        Column("policy_no", "保单号", "Policy number"),
        Column("insured_from", "保险起期", "Insured from", parse_date),
        Column("insured_until", "保险止期", "Insured until", parse_date),
        Column("premium_payer", "保费承担方", "Premium paid by", ChoiceParser(PremiumPayer)),
        Column("monthly_pay", "实习报酬（元/月）", "Pay per month (yuan)", _money),
        Column("pay_basis", "报酬参照", "Pay compared with", ChoiceParser(PayBasis)),
        Column("reference_wage", "参照工资（元/月）", "That wage per month (yuan)", _money),
        Column(
            "pay_interval_days",
            "支付周期（天）",
            "Paid every (days)",
            lambda v: parse_int(v, min_value=1, max_value=366),
            example="30",
        ),
        Column(
            "paid_directly",
            "直接支付给学生",
            "Paid directly to the student",
            parse_bool,
            example="是",
        ),
        Column(
            "fees_charged",
            "押金、收费或扣款（元）",
            "Deposits, fees or deductions (yuan)",
            _money,
            example="0",
        ),
        Column(
            "post_staff",
            "同类岗位在岗职工数",
            "Staff at work in the same post",
            _count,
            example="20",
        ),
        Column("note", "备注", "Note"),
    ),
)

PRODUCTION_SHEET = SheetSpec(
    key="production",
    title_zh="校办产业生产",
    title_en="Production of the school's enterprises",
    columns=(
        RECORD_ID_COLUMN,
        Column("unit", "单位", "Unit", required=True, example="学校果园"),
        Column(
            "period_start",
            "起始日期",
            "Period from",
            parse_date,
            required=True,
            example="2013-07-01",
        ),
        Column(
            "period_end", "截止日期", "Period to", parse_date, required=True, example="2013-09-30"
        ),
        Column("output", "产品", "Output", required=True, example="苹果"),
        Column(
            "quantity",
            "数量",
            "Quantity",
            lambda v: parse_decimal(v, min_value=Decimal(0), max_value=Decimal(10_000_000_000)),
            required=True,
            example="42000",
        ),
        Column("quantity_unit", "计量单位", "Unit of quantity", required=True, example="公斤"),
        Column("plot", "地块", "Plot"),
        Column("crop", "作物", "Crop"),
        Column("revenue", "收入（元）", "Revenue (yuan)", _money, required=True, example="126000"),
        Column("cost", "成本（元）", "Cost (yuan)", _money, required=True, example="70000"),
        Column(
            "teaching_use", "反哺教学（元）", "Used for teaching (yuan)", _money, example="20000"
        ),
        Column("students_worked", "参与学生数", "Students who worked", _count, example="120"),
        Column("teachers_worked", "参与教师数", "Teachers who worked", _count, example="6"),
        Column("note", "备注", "Note"),
    ),
)
