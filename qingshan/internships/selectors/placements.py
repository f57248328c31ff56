"""Reads of placements, their findings, exceptions, visits and weeks, and the compliance board.

A placement is fully compliant when it has no open finding; refused breaches are never saved.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from qingshan.core.models import School
from qingshan.internships.models import Finding, Placement, RuleException, Visit, Week
from qingshan.internships.rulesets import ruleset_of

PAPER_RULES = ("agreement", "guardian_consent", "insurance")
INSURANCE_WARNING_DAYS = 30


def placements(school: School) -> QuerySet[Placement]:
    return (
        Placement.objects.for_school(school)
        .select_related("student__school_class__major", "unit", "school_supervisor")
        .annotate(open_findings=Count("findings", filter=Q(findings__mended_on__isnull=True)))
    )


def placements_of_student(student: Any) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(student=student)
        .active()
        .select_related("unit", "school_supervisor")
        .order_by("-starts_on")
    )


def running_on(school: School, day: dt.date) -> QuerySet[Placement]:
    return (
        Placement.objects.for_school(school)
        .active()
        .filter(starts_on__lte=day, ends_on__gte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
    )


def findings(school: School) -> QuerySet[Finding]:
    return Finding.objects.for_school(school).select_related(
        "placement__student", "placement__unit"
    )


def open_findings(school: School) -> QuerySet[Finding]:
    return findings(school).filter(mended_on__isnull=True, placement__archived_at__isnull=True)


def exceptions(school: School) -> QuerySet[RuleException]:
    return RuleException.objects.for_school(school).select_related(
        "placement__student", "granted_by"
    )


def visits(school: School) -> QuerySet[Visit]:
    return Visit.objects.for_school(school).select_related(
        "placement__student", "placement__unit", "visitor"
    )


def weeks(school: School) -> QuerySet[Week]:
    return Week.objects.for_school(school).select_related(
        "placement__student", "placement__unit", "reviewed_by"
    )


def unconfirmed_weeks(school: School, today: dt.date) -> QuerySet[Week]:
    """Weeks handed in and over, that the unit supervisor has not confirmed yet."""
    return weeks(school).filter(
        submitted_at__isnull=False,
        confirmed_at__isnull=True,
        week_start__lte=today - dt.timedelta(days=7),
        placement__archived_at__isnull=True,
    )


def journals_to_review(school: School, staff: Any) -> QuerySet[Week]:
    return weeks(school).filter(
        placement__school_supervisor=staff, submitted_at__isnull=False, reviewed_on__isnull=True
    )


def insurance_expiring(school: School, today: dt.date) -> QuerySet[Placement]:
    """Running placements whose insurance ends within the warning days."""
    return (
        running_on(school, today)
        .filter(
            insured_until__isnull=False,
            insured_until__lte=today + dt.timedelta(days=INSURANCE_WARNING_DAYS),
        )
        .select_related("student", "unit")
        .order_by("insured_until")
    )


@dataclass
class Board:
    """The compliance board of a school (or of one unit)."""

    placements: int = 0
    compliant: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    # unit pk, unit name, placements, in breach
    by_unit: list[tuple[int, str, int, int]] = field(default_factory=list)
    missing_papers: list[Finding] = field(default_factory=list)

    @property
    def compliant_share(self) -> float | None:
        return self.compliant / self.placements if self.placements else None


def board(school: School, unit: Any = None) -> Board:
    placed = Placement.objects.for_school(school).active()
    if unit is not None:
        placed = placed.filter(unit=unit)
    open_here = Finding.objects.filter(placement=OuterRef("pk"), mended_on__isnull=True)
    scope: Any = placed.annotate(in_breach=Exists(open_here))
    result = Board()
    result.placements = scope.count()
    result.compliant = scope.filter(in_breach=False).count()
    found = open_findings(school)
    if unit is not None:
        found = found.filter(placement__unit=unit)
    result.by_rule = Counter(
        dict(found.values_list("rule").annotate(n=Count("pk")).values_list("rule", "n"))
    )
    rows = (
        scope.values("unit", "unit__name")
        .annotate(total=Count("pk"), breaching=Count("pk", filter=Q(in_breach=True)))
        .order_by("-breaching", "unit__name")
    )
    result.by_unit = [
        (row["unit"], row["unit__name"], row["total"], row["breaching"]) for row in rows
    ]
    result.missing_papers = list(
        found.filter(rule__in=PAPER_RULES).order_by("placement__starts_on")[:200]
    )
    return result


def compliance_of(placement: Placement) -> dict[str, Any]:
    """What the placement's page shows of the rules: the rule set, the open and mended findings
    with their rules, the exceptions, and the rules that still allow one."""
    ruleset = ruleset_of(placement)
    found = list(placement.findings.order_by("mended_on", "found_on", "rule"))
    excepted = list(placement.exceptions.active().select_related("granted_by"))
    held = {exception.rule for exception in excepted}
    return {
        "ruleset": ruleset,
        "in_force": ruleset.effective_from <= placement.starts_on,
        "open": [
            (finding, ruleset.rules.get(finding.rule)) for finding in found if finding.is_open
        ],
        "mended": [
            (finding, ruleset.rules.get(finding.rule)) for finding in found if not finding.is_open
        ],
        "exceptions": [(exception, ruleset.rules.get(exception.rule)) for exception in excepted],
        "exception_rules": [
            (rule.code, f"{rule.article} · {rule.requirement}")
            for rule in ruleset.rules.values()
            if rule.exception_allowed and rule.code not in held
        ],
        "weeks": list(placement.weeks.order_by("week_start")),
        "visits": list(placement.visits.active().select_related("visitor")),
    }


def interned_at_companies(school: School) -> set[tuple[int, int]]:
    """(company, student) of every post internship at an outside company of the register."""
    return set(
        Placement.objects.for_school(school)
        .active()
        .filter(kind="post", unit__enterprise__isnull=False)
        .values_list("unit__enterprise", "student")
    )
