"""The national internship rules as checks: one versioned rule set per text, chosen by the date a
placement starts, as the party's recruitment rules are.

The 2021 rules (职业学校学生实习管理规定, 教职成〔2021〕4号) are kept. A province's stricter rules are
added as a rule set derived from the national one (``dataclasses.replace``) and registered in
``PROVINCIAL`` under the province's two-digit code (GB/T 2260, the start of the authority's
region code); ``ruleset_for`` then prefers it for that province.
A placement that starts before the earliest kept text is checked against that text, and its page
says the text was not yet in force.

Each rule carries its article, what it requires, whether a breach refuses the placement or flags
it, and whether the text allows an explained exception ("一般", "原则上", or a named exception).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.internships.enums import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    article: object
    requirement: object
    severity: Severity
    exception_allowed: bool = False


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: object
    source: object
    effective_from: dt.date
    minimum_age: int
    consent_below_age: int | None  # informed consent needed below this age; None: always
    pay_share: Decimal  # of the same post's wage (or the lowest grade), at least
    pay_interval_days: int  # paid at least this often
    unit_share: Decimal  # interns at most this share of the unit's staff
    post_share: Decimal  # ... and of one post's staff
    usual_months: int  # a post internship usually lasts this long
    night_from: dt.time  # work at or after this time, or before ``night_until``, is night work
    night_until: dt.time
    day_hours: int  # more in a day is overtime
    week_hours: int  # more in a week is overtime
    rules: dict[str, Rule] = field(default_factory=dict)

    def rule(self, code: str) -> Rule:
        return self.rules[code]


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.code: rule for rule in rules}


R, F = Severity.REFUSE, Severity.FLAG

RULES_2021 = RuleSet(
    key="2021",
    name=_("2021 national internship rules"),
    source=_("职业学校学生实习管理规定 (教职成〔2021〕4号)"),
    effective_from=dt.date(2021, 12, 31),
    minimum_age=16,
    consent_below_age=None,
    pay_share=Decimal("0.80"),
    pay_interval_days=31,
    unit_share=Decimal("0.10"),
    post_share=Decimal("0.20"),
    usual_months=6,
    night_from=dt.time(22, 0),
    night_until=dt.time(6, 0),
    day_hours=8,
    week_hours=40,
    rules=_rules(
        Rule(
            "own_unit_registered",
            _("article 2, paragraph 4"),
            _(
                "A unit of the school's own hosts interns only when it is registered as a legal person or another organisation."
            ),
            R,
        ),
        Rule(
            "first_year", _("article 16 (1)"), _("No post internship for first-year students."), R
        ),
        Rule("minimum_age", _("article 16 (2)"), _("No post internship for students under 16."), R),
        Rule(
            "forbidden_work",
            _("article 16 (3)"),
            _("Students under 18 never do work the protection rules for minor workers forbid."),
            R,
        ),
        Rule(
            "venue",
            _("article 16 (5)"),
            _(
                "No internship in bars, night clubs, KTV, bath houses, game rooms, internet cafés and the like."
            ),
            R,
        ),
        Rule(
            "agent",
            _("article 16 (6)"),
            _("No internship arranged or managed through an agent or a paid intermediary."),
            R,
        ),
        Rule(
            "guardian_consent",
            _("article 9, paragraph 1"),
            _(
                "A post internship needs the informed consent signed by the student and the guardian (or parent)."
            ),
            F,
        ),
        Rule(
            "agreement",
            _("article 14, paragraph 2"),
            _("No three-party agreement signed, no post internship."),
            F,
        ),
        Rule(
            "insurance",
            _("article 35, paragraph 1"),
            _("Internship liability insurance covers the whole internship."),
            F,
        ),
        Rule(
            "premium",
            _("article 35, paragraph 2"),
            _("The student never pays the insurance premium."),
            F,
        ),
        Rule(
            "pay_level",
            _("article 18"),
            _("Pay at least 80 per cent of the same post's wage or of the unit's lowest grade."),
            F,
            exception_allowed=True,
        ),
        Rule(
            "pay_interval", _("article 18"), _("Pay at least monthly."), F, exception_allowed=True
        ),
        Rule(
            "pay_direct", _("article 18"), _("Pay in money, in full, directly to the student."), F
        ),
        Rule(
            "fees",
            _("article 20"),
            _("No deposit, fee or share of the pay taken by the school or the unit."),
            F,
        ),
        Rule(
            "working_time",
            _("article 17 (2) and (3)"),
            _(
                "No night shift, overtime, rest-day or statutory-holiday work, unless the major and post require it and it was filed with the authority beforehand."
            ),
            F,
            exception_allowed=True,
        ),
        Rule(
            "unit_share",
            _("article 11, paragraph 1"),
            _("Interns usually at most 10 per cent of the unit's staff."),
            F,
            exception_allowed=True,
        ),
        Rule(
            "post_share",
            _("article 11, paragraph 1"),
            _("Interns usually at most 20 per cent of one post's staff."),
            F,
            exception_allowed=True,
        ),
        Rule(
            "duration",
            _("article 12"),
            _("A post internship usually lasts 6 months."),
            F,
            exception_allowed=True,
        ),
        Rule(
            "major",
            _("article 8, paragraph 3"),
            _("The post matches or is close to the student's major."),
            F,
            exception_allowed=True,
        ),
    ),
)

NATIONAL: tuple[RuleSet, ...] = (RULES_2021,)  # oldest first
PROVINCIAL: dict[str, tuple[RuleSet, ...]] = {}


def ruleset_for(day: dt.date, province: str = "") -> RuleSet:
    """The rule set a placement starting on ``day`` is checked against: the newest in force that
    day (a province's own first), else the earliest kept."""
    for candidates in (PROVINCIAL.get(province, ()), NATIONAL):
        in_force = [ruleset for ruleset in candidates if ruleset.effective_from <= day]
        if in_force:
            return max(in_force, key=lambda ruleset: ruleset.effective_from)
    return NATIONAL[0]


def ruleset_by_key(key: str) -> RuleSet:
    for ruleset in (*NATIONAL, *(item for group in PROVINCIAL.values() for item in group)):
        if ruleset.key == key:
            return ruleset
    return NATIONAL[-1]


def province_of(school: Any) -> str:
    """The province's two-digit code (GB/T 2260), from the school's authority's region code."""
    return str(school.authority.region_code)[:2]


def ruleset_of(placement: Any) -> RuleSet:
    """The rule set a placement was checked against (or would be, unsaved)."""
    if placement.ruleset_key:
        return ruleset_by_key(placement.ruleset_key)
    return ruleset_for(placement.starts_on, province_of(placement.school))


def rule_choices() -> list[tuple[str, object]]:
    """Every rule code of the rule sets kept, with its requirement (newest text first)."""
    found: dict[str, object] = {}
    for ruleset in (
        *reversed(NATIONAL),
        *(item for group in PROVINCIAL.values() for item in group),
    ):
        for code, rule in ruleset.rules.items():
            found.setdefault(code, rule.requirement)
    return list(found.items())
