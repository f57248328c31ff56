"""Exports of internships beyond the record lists: the findings of the compliance board, each
with its rule's article and rule set, open or mended."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from qingshan.core.tabular.spec import Column, SheetSpec
from qingshan.internships.models import Finding
from qingshan.internships.rulesets import ruleset_by_key

FINDINGS = SheetSpec(
    key="findings",
    title_zh="实习合规检查发现",
    title_en="Internship findings",
    columns=(
        Column("student_no", "学号", "Student number"),
        Column("student", "学生", "Student"),
        Column("unit", "实习单位", "Unit"),
        Column("kind", "实习类型", "Kind of internship"),
        Column("ruleset", "依据", "Rule set"),
        Column("article", "条款", "Article"),
        Column("requirement", "要求", "Requirement"),
        Column("detail", "发现", "What was found"),
        Column("found_on", "发现日期", "Found on"),
        Column("mended_on", "整改日期", "Mended on"),
    ),
)


def findings_rows(findings: QuerySet[Finding]) -> Iterator[dict[str, Any]]:
    for finding in findings.select_related("placement__student", "placement__unit").order_by(
        "placement__unit__name", "placement__student__student_no", "found_on"
    ):
        ruleset = ruleset_by_key(finding.ruleset_key)
        rule = ruleset.rules.get(finding.rule)
        placement = finding.placement
        yield {
            "student_no": placement.student.student_no,
            "student": placement.student.name,
            "unit": placement.unit.name,
            "kind": placement.get_kind_display(),
            "ruleset": str(ruleset.source),
            "article": str(rule.article) if rule else finding.rule,
            "requirement": str(rule.requirement) if rule else "",
            "detail": finding.detail,
            "found_on": finding.found_on,
            "mended_on": finding.mended_on or "",
        }
