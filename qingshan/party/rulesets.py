"""The statutory rules of recruitment, chosen by the date of the step they apply to.

Before 2014-06-10 the 1990 trial rules (中国共产党发展党员工作细则（试行）) apply; from that day the
2014 rules (中国共产党发展党员工作细则). Local practice (settings of the branch, not law) is in
``Branch`` fields and checked alongside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from qingshan.core.dates import age_on

__all__ = ["RULES_1990", "RULES_2014", "RuleSet", "age_on", "ruleset_for"]

RULES_2014_EFFECTIVE = dt.date(2014, 6, 10)


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: object
    minimum_age: int
    activist_months: int  # at least this long as activist before candidacy
    sponsors: int
    talk_within_months: int | None  # talk with the applicant within this many months
    training_min_days: int | None  # concentrated training: days ...
    training_min_hours: int | None  # ... or class hours
    filing_required: bool  # activists and candidates filed with the higher committee
    approval_months: int  # higher committee approves within ...
    approval_months_special: int  # ... or this many in special circumstances, with the reason
    probation_months: int
    extension_min_months: int
    extension_max_months: int


RULES_1990 = RuleSet(
    key="1990",
    name=_("1990 trial rules"),
    minimum_age=18,
    activist_months=12,
    sponsors=2,
    talk_within_months=None,
    training_min_days=None,
    training_min_hours=None,
    filing_required=False,
    approval_months=3,
    approval_months_special=6,
    probation_months=12,
    extension_min_months=1,
    extension_max_months=12,
)

RULES_2014 = RuleSet(
    key="2014",
    name=_("2014 rules"),
    minimum_age=18,
    activist_months=12,
    sponsors=2,
    talk_within_months=1,
    training_min_days=3,
    training_min_hours=24,
    filing_required=True,
    approval_months=3,
    approval_months_special=6,
    probation_months=12,
    extension_min_months=6,
    extension_max_months=12,
)


def ruleset_for(day: dt.date) -> RuleSet:
    return RULES_2014 if day >= RULES_2014_EFFECTIVE else RULES_1990
