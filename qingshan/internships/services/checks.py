"""The national internship rules as checks on a placement (``rulesets``).

``check`` returns what is wrong with a placement, each with its rule: refusals (never saved)
and flags (saved as open findings). ``recheck`` makes the placement's open findings what the
checks find now: a new breach opens a finding, a mended one is closed with the day it was found
mended, and nothing is deleted.

Invariants:
- a rule that allows an exception is not flagged while the placement holds one for it;
- the refusing rules on age and year of study apply to post internships (认识实习 visits are
  not refused by them); the venue, agent and forbidden-work rules apply to every internship;
- the shares of interns count the most post interns at the unit (or the post) on any one day
  of the placement, this one included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core.dates import add_months, age_on
from qingshan.internships.enums import PlacementKind, PremiumPayer
from qingshan.internships.models import Day, Finding, Placement
from qingshan.internships.rulesets import Rule, RuleSet, ruleset_of


@dataclass(frozen=True)
class Breach:
    rule: Rule
    detail: str = ""


@dataclass(frozen=True)
class Checked:
    ruleset: RuleSet
    refusals: list[Breach]
    flags: list[Breach]


def year_of_study(entry_year: int, day: dt.date) -> int:
    """The year of study on ``day`` of a class that entered in September of ``entry_year``."""
    return day.year - entry_year + (1 if day.month >= 9 else 0)


def _percent(share: Decimal | float) -> str:
    return f"{float(share) * 100:.1f} %"


def _peak(intervals: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> int:
    """The most intervals that hold on one day between ``start`` and ``end``."""
    events: list[tuple[dt.date, int]] = []
    for first, last in intervals:
        first, last = max(first, start), min(last, end)
        if first <= last:
            events += [(first, 1), (last + dt.timedelta(days=1), -1)]
    peak = count = 0
    for _day, change in sorted(events, key=lambda event: (event[0], event[1])):
        count += change
        peak = max(peak, count)
    return peak


def _concurrent(placement: Placement, same_post: bool) -> int:
    others = (
        Placement.objects.filter(unit_id=placement.unit_id, kind=PlacementKind.POST)
        .active()
        .filter(starts_on__lte=placement.ends_on, ends_on__gte=placement.starts_on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=placement.starts_on))
        .exclude(pk=placement.pk)
    )
    if same_post:
        others = others.filter(post__iexact=placement.post)
    intervals = [
        (first, ended or last)
        for first, last, ended in others.values_list("starts_on", "ends_on", "ended_on")
    ]
    intervals.append((placement.starts_on, placement.ended_on or placement.ends_on))
    return _peak(intervals, placement.starts_on, placement.ends_on)


def _refusals(placement: Placement, rules: RuleSet) -> list[Breach]:
    found: list[Breach] = []
    student, unit = placement.student, placement.unit
    post = placement.kind == PlacementKind.POST
    age = age_on(student.birth_date, placement.starts_on) if student.birth_date else None
    if post and unit.is_own and unit.legal_status == "none":
        found.append(Breach(rules.rule("own_unit_registered")))
    if post and year_of_study(student.school_class.entry_year, placement.starts_on) <= 1:
        found.append(Breach(rules.rule("first_year")))
    if post and age is None:
        found.append(Breach(rules.rule("minimum_age"), _("date of birth not recorded")))
    elif post and age is not None and age < rules.minimum_age:
        found.append(Breach(rules.rule("minimum_age"), str(age)))
    if placement.forbidden_work and (age is None or age < 18):
        found.append(Breach(rules.rule("forbidden_work")))
    if unit.entertainment_venue:
        found.append(Breach(rules.rule("venue")))
    if placement.through_agent:
        found.append(Breach(rules.rule("agent")))
    return found


def _pay(placement: Placement, rules: RuleSet) -> list[Breach]:
    found: list[Breach] = []
    pay, wage = placement.monthly_pay, placement.reference_wage
    if pay is None or not wage:
        found.append(Breach(rules.rule("pay_level"), _("pay not recorded")))
    elif pay < rules.pay_share * wage:
        found.append(Breach(rules.rule("pay_level"), f"{pay} / {wage} = {_percent(pay / wage)}"))
    if placement.pay_interval_days > rules.pay_interval_days:
        found.append(Breach(rules.rule("pay_interval"), str(placement.pay_interval_days)))
    if not placement.paid_directly:
        found.append(Breach(rules.rule("pay_direct")))
    return found


def _shares(placement: Placement, rules: RuleSet) -> list[Breach]:
    found: list[Breach] = []
    staff = placement.unit.staff_count
    interns = _concurrent(placement, same_post=False)
    if not staff:
        found.append(Breach(rules.rule("unit_share"), _("staff at work not recorded")))
    elif interns > rules.unit_share * staff:
        found.append(
            Breach(rules.rule("unit_share"), f"{interns} / {staff} = {_percent(interns / staff)}")
        )
    post_interns = _concurrent(placement, same_post=True)
    if not placement.post_staff:
        found.append(Breach(rules.rule("post_share"), _("staff at work in the post not recorded")))
    elif post_interns > rules.post_share * placement.post_staff:
        share = post_interns / placement.post_staff
        found.append(
            Breach(
                rules.rule("post_share"),
                f"{post_interns} / {placement.post_staff} = {_percent(share)}",
            )
        )
    return found


def working_time_detail(placement: Placement) -> str:
    """What the logged days show against the working-time rule; empty when nothing."""
    if placement.pk is None:
        return ""
    days = Day.objects.filter(week__placement=placement).active()
    flagged = days.aggregate(
        night=Count("pk", filter=Q(night=True)),
        overtime=Count("pk", filter=Q(overtime=True)),
        rest=Count("pk", filter=Q(rest_day=True)),
    )
    night, overtime, rest = flagged["night"], flagged["overtime"], flagged["rest"]
    long_weeks = (
        days.values("week")
        .annotate(total=Sum("minutes"))
        .filter(total__gt=ruleset_of(placement).week_hours * 60)
        .count()
    )
    parts = [
        _("%(count)s night") % {"count": night} if night else "",
        _("%(count)s overtime") % {"count": overtime} if overtime else "",
        _("%(count)s on rest days") % {"count": rest} if rest else "",
        _("%(count)s weeks over the hours") % {"count": long_weeks} if long_weeks else "",
    ]
    return ", ".join(part for part in parts if part)


def _flags(placement: Placement, rules: RuleSet) -> list[Breach]:
    found: list[Breach] = []
    post = placement.kind == PlacementKind.POST
    if post and placement.agreement_signed_on is None:
        found.append(Breach(rules.rule("agreement")))
    needs_consent = rules.consent_below_age is None or (
        placement.student.birth_date is not None
        and age_on(placement.student.birth_date, placement.starts_on) < rules.consent_below_age
    )
    if post and needs_consent and placement.consent_signed_on is None:
        found.append(Breach(rules.rule("guardian_consent")))
    covered = (
        placement.policy_no
        and placement.insured_from is not None
        and placement.insured_until is not None
        and placement.insured_from <= placement.starts_on
        and placement.insured_until >= placement.ends_on
    )
    if not covered:
        found.append(Breach(rules.rule("insurance")))
    if placement.premium_payer == PremiumPayer.STUDENT:
        found.append(Breach(rules.rule("premium")))
    if placement.fees_charged:
        found.append(Breach(rules.rule("fees"), str(placement.fees_charged)))
    if post:
        found += _pay(placement, rules)
        found += _shares(placement, rules)
        if placement.ends_on > add_months(placement.starts_on, rules.usual_months):
            found.append(
                Breach(rules.rule("duration"), f"{placement.starts_on} – {placement.ends_on}")
            )
    logged = working_time_detail(placement)
    if placement.irregular_hours or logged:
        found.append(Breach(rules.rule("working_time"), logged))
    if not placement.matches_major:
        found.append(Breach(rules.rule("major")))
    return found


def check(placement: Placement, excepted: set[str] | None = None) -> Checked:
    """What the rules find in ``placement`` as it stands (saved or not)."""
    rules = ruleset_of(placement)
    if excepted is None:
        excepted = set()
        if placement.pk is not None:
            excepted = set(placement.exceptions.active().values_list("rule", flat=True))
    flags = [
        breach
        for breach in _flags(placement, rules)
        if not (breach.rule.exception_allowed and breach.rule.code in excepted)
    ]
    return Checked(rules, _refusals(placement, rules), flags)


def refusals(placement: Placement) -> list[Breach]:
    """The refusing rules ``placement`` breaks (no query beyond its own relations)."""
    return _refusals(placement, ruleset_of(placement))


def recheck(placement: Placement, today: dt.date | None = None) -> list[Finding]:
    """Open a finding for each new breach and close those mended; the open findings."""
    today = today or timezone.localdate()
    checked = check(placement)
    found = {breach.rule.code: breach for breach in checked.flags}
    open_findings = {
        finding.rule: finding for finding in placement.findings.filter(mended_on__isnull=True)
    }
    for code, finding in open_findings.items():
        if code not in found:
            finding.mended_on = today
            finding.save(update_fields=["mended_on", "updated_at"])
        elif finding.detail != found[code].detail[:300]:
            finding.detail = found[code].detail[:300]
            finding.save(update_fields=["detail", "updated_at"])
    Finding.objects.bulk_create(
        [
            Finding(
                school_id=placement.school_id,
                placement=placement,
                rule=code,
                ruleset_key=checked.ruleset.key,
                detail=breach.detail[:300],
                found_on=today,
            )
            for code, breach in found.items()
            if code not in open_findings
        ]
    )
    return list(placement.findings.filter(mended_on__isnull=True))
