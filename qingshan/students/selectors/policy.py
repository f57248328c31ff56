"""The rules a roll change meets: the school's own, else its province's, else the national
defaults; and the window of a term in which a change may take effect."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qingshan.core.errors import field_error
from qingshan.core.models import School
from qingshan.organization.models import Term
from qingshan.students.enums import Approver, ChangeKind
from qingshan.students.models import ChangeRule

RULE_SOURCES = {
    "school": gettext_lazy("the school's own rule"),
    "province": gettext_lazy("the province's rule"),
    "national": gettext_lazy("the national default"),
}


@dataclass(frozen=True)
class Rule:
    kind: str
    window_days: int | None
    approver: str
    source: str  # "school", "province" or "national"

    @property
    def label(self) -> str:
        return str(ChangeKind(self.kind).label)

    @property
    def approver_label(self) -> str:
        return str(Approver(self.approver).label)

    @property
    def source_label(self) -> str:
        return str(RULE_SOURCES[self.source])


# What the 2010 rules for secondary vocational school records leave to the school and province,
# as most provinces practise it: moves between tracks, majors and classes at the start of a term
# (the first two weeks), a track transfer and a transfer between schools confirmed by the bureau.
NATIONAL_DEFAULTS: dict[str, tuple[int | None, str]] = {
    ChangeKind.TRACK: (14, Approver.BUREAU),
    ChangeKind.MAJOR: (14, Approver.SCHOOL),
    ChangeKind.LENGTH: (14, Approver.SCHOOL),
    ChangeKind.REPEAT: (14, Approver.SCHOOL),
    ChangeKind.SUSPEND: (None, Approver.SCHOOL),
    ChangeKind.RETURN: (14, Approver.SCHOOL),
    ChangeKind.WITHDRAW: (None, Approver.SCHOOL),
    ChangeKind.TRANSFER_IN: (14, Approver.BUREAU),
    ChangeKind.TRANSFER_OUT: (None, Approver.BUREAU),
    ChangeKind.DEATH: (None, Approver.SCHOOL),
    ChangeKind.GRADUATE: (None, Approver.SCHOOL),
}
# A province's own rules, by the first two digits of its region code, where they differ from the
# national defaults; a school's saved rule overrides both.
PROVINCE_DEFAULTS: dict[str, dict[str, tuple[int | None, str]]] = {}


def province_of(school: School) -> str:
    return (school.authority.region_code or "")[:2]


def rules_of(school: School) -> dict[str, Rule]:
    """Every kind's rule for the school, with where it comes from."""
    province = PROVINCE_DEFAULTS.get(province_of(school), {})
    saved = {rule.kind: rule for rule in ChangeRule.objects.for_school(school).active()}
    result: dict[str, Rule] = {}
    for kind in ChangeKind.values:
        if kind in saved:
            rule = saved[kind]
            result[kind] = Rule(kind, rule.window_days, rule.approver, "school")
        elif kind in province:
            result[kind] = Rule(kind, *province[kind], "province")
        else:
            result[kind] = Rule(kind, *NATIONAL_DEFAULTS[kind], "national")
    return result


def rule_for(school: School, kind: str) -> Rule:
    return rules_of(school)[kind]


def term_on(school: School, day: dt.date) -> Term | None:
    return Term.objects.for_school(school).filter(start_date__lte=day, end_date__gte=day).first()


def check_window(school: School, kind: str, day: dt.date) -> None:
    """Raise DomainError when a change of ``kind`` may not take effect on ``day``: outside every
    term, or past the first days of its term that the rule allows."""
    rule = rule_for(school, kind)
    if rule.window_days is None:
        return
    term = term_on(school, day)
    if term is None:
        raise field_error(
            "effective_on",
            _("No term of the school includes this day."),
            code="no_term",
            domain=True,
        )
    last = term.start_date + dt.timedelta(days=rule.window_days - 1)
    if day > last:
        raise field_error(
            "effective_on",
            _(
                "This change may take effect only in the first %(days)s days of a term: "
                "from %(start)s to %(last)s."
            )
            % {"days": rule.window_days, "start": term.start_date, "last": last},
            code="outside_window",
            domain=True,
        )


def change_rules(school: School) -> QuerySet[ChangeRule]:
    """The rules the school has saved (the others are read from the defaults)."""
    return ChangeRule.objects.for_school(school)
