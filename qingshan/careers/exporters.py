"""The employment report (中职毕业生就业情况统计表) of a graduation year: one row per major and a
total, in the fields the national statistics ask for — graduates, each kind of destination,
the employment and matching rates, where the work is, contracts, insurance and starting pay."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext

from qingshan.careers.enums import EMPLOYED_KINDS, DestinationKind
from qingshan.careers.models import Destination
from qingshan.careers.selectors.rates import graduate_majors, graduated_in, year_by_major
from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.organization.enums import Track

KIND_COLUMNS = (
    ("enterprise", "到企事业单位就业", "Enterprise or institution"),
    ("self_employed", "从事个体经营", "Self-employed"),
    ("other_work", "以其他方式就业", "Employed in another way"),
    ("army", "应征入伍", "Army"),
    ("abroad", "境外就业", "Abroad"),
    ("further_study", "升入高一级学校", "Further study"),
    ("unemployed", "待就业", "Not yet employed"),
)
REGION_COLUMNS = (
    ("local", "本地就业", "Local"),
    ("province", "省内异地就业", "Elsewhere in the province"),
    ("other_province", "省外就业", "Another province"),
)
REPORT = SheetSpec(
    key="employment_report",
    title_zh="毕业生就业情况统计表",
    title_en="Employment of graduates",
    columns=(
        Column("major", "专业", "Major"),
        Column("graduates", "毕业生数", "Graduates"),
        Column("employed", "就业人数", "Employed"),
        Column("employment_rate", "就业率（%）", "Employment rate (%)"),
        *(Column(key, zh, en) for key, zh, en in KIND_COLUMNS),
        Column("unknown", "去向未登记", "Destination not recorded"),
        Column("working", "直接就业人数", "In direct employment"),
        Column("matching", "对口就业人数", "In jobs matching the major"),
        Column("matching_rate", "对口就业率（%）", "Matching rate (%)"),
        *(Column(key, zh, en) for key, zh, en in REGION_COLUMNS),
        Column("contract", "签订劳动合同", "Labour contract"),
        Column("insurance", "缴纳社会保险", "Social insurance"),
        Column("starting_salary", "平均起薪（元/月）", "Mean starting salary (yuan a month)"),
    ),
)


def _percent(value: float | None) -> float | str:
    return round(value * 100, 2) if value is not None else ""


def employment_report(schools: list[int], year: int) -> tuple[SheetSpec, Iterator[dict[str, Any]]]:
    """The report of the graduates of ``year`` (three queries whatever their number)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    majors = graduate_majors(schools, start, end)
    rates = year_by_major(schools, year)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    salaries: dict[str, list[int]] = defaultdict(list)
    recorded = (
        Destination.objects.for_schools(schools)
        .active()
        .filter(student__in=graduated_in(schools, start, end).values("student"))
        .values_list(
            "student", "kind", "region", "labour_contract", "social_insurance", "starting_salary"
        )
    )
    for student, kind, region, contract, insurance, salary in recorded:
        for key in (majors[student], ""):
            found = counts[key]
            found[kind] += 1
            if kind in EMPLOYED_KINDS and kind != DestinationKind.FURTHER_STUDY:
                found[region or "unknown_region"] += 1
                found["contract"] += bool(contract)
                found["insurance"] += bool(insurance)
                if salary:
                    salaries[key].append(salary)

    def row(key: str, label: str) -> dict[str, Any]:
        found, rate = counts[key], rates[key]
        pay = salaries[key]
        return {
            "major": label,
            "graduates": rate.graduates,
            "employed": rate.employed,
            "employment_rate": _percent(rate.employment_rate),
            **{name: found[name] for name, _zh, _en in KIND_COLUMNS},
            "unknown": rate.unknown,
            "working": rate.working,
            "matching": rate.matching,
            "matching_rate": _percent(rate.matching_rate),
            **{name: found[name] for name, _zh, _en in REGION_COLUMNS},
            "contract": found["contract"],
            "insurance": found["insurance"],
            "starting_salary": round(statistics.fmean(pay)) if pay else "",
        }

    def rows() -> Iterator[dict[str, Any]]:
        general = str(Track.GENERAL.label)
        for key in sorted(name for name in rates if name):
            yield row(key, general if key == Track.GENERAL.value else key)
        if "" in rates:
            yield row("", gettext("Total"))

    return REPORT, rows()
