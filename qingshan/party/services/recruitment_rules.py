"""The rules of recruitment (发展党员) that ``services.recruitment`` applies before every write.

A rule is HARD (the write is always refused) or OVERRIDABLE (a time limit or local practice: the
write is refused unless the step carries a justified exception, and is then saved with the rule's
name in ``exception_rule``). Every function here only reads: it returns the breaches it finds, and
``enforce`` turns them into a ``DomainError`` whose message names the rule.

The statutory numbers come from the rule set of the step's date (``rulesets.ruleset_for``): the
1990 trial rules before 2014-06-10, the 2014 rules from that day. Local practice comes from the
school's ``Branch`` (an unsaved ``Branch`` with the default settings when there is none yet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from qingshan.core.dates import add_months
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.organization.models import Staff, Student
from qingshan.party.enums import CultivationKind, MemberStatus, RecruitStatus, Step
from qingshan.party.models import Branch, CultivationRecord, Member, Recruit, RecruitmentStep
from qingshan.party.rulesets import RuleSet, age_on
from qingshan.party.selectors.organisation import full_members_on

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

LAST_STEP = 25
VOTE_STEPS = frozenset({Step.BRANCH_VOTE, Step.CONVERSION_VOTE})
# Filing with the higher committee: optional under the 1990 rules, required under the 2014 rules.
FILING_STEPS = frozenset(
    {Step.ACTIVIST_FILED, Step.CANDIDATE_FILED, Step.PRE_REVIEW, Step.APPROVAL_FILED}
)
EXCEPTION_RULE_MAX_LENGTH = 200
# Working days of the public notice of a candidate (公示), by rule set: the 2014 rules ask for 5.
PUBLIC_NOTICE_WORKING_DAYS = {"1990": 0, "2014": 5}


@dataclass(frozen=True)
class Rule:
    """A named rule. ``name`` is what ``exception_rule`` stores when the rule is excepted."""

    code: str
    name: _StrPromise | str
    overridable: bool = False


@dataclass(frozen=True)
class Breach:
    """A rule broken by a write; ``earliest`` is the first day the write would keep the rule,
    when waiting is what the rule asks for."""

    rule: Rule
    message: str
    earliest: dt.date | None = None


class RuleRefusal(DomainError):
    """A write refused by the rules: the ``DomainError`` with the breaches it was built from."""

    breaches: tuple[Breach, ...] = ()


# --- The rules ---------------------------------------------------------------------------------
# Order and integrity (hard).
RECRUIT_ACTIVE = Rule("not_active", gettext_lazy("Only a recruitment in progress moves on"))
STEP_NUMBER = Rule("no_such_step", gettext_lazy("Steps 1 to 25"))
STEP_ORDER = Rule("step_order", gettext_lazy("Steps in order"))
DATE_ORDER = Rule("date_order", gettext_lazy("Dates in order"))
SAME_SCHOOL = Rule("other_school", gettext_lazy("Records of the same school"))
ONE_PERSON = Rule("one_person", gettext_lazy("One person, one recruitment"))
EXCEPTION_WITHOUT_BREACH = Rule(
    "no_exception_needed", gettext_lazy("A justified exception only for a broken rule")
)
REASON_REQUIRED = Rule("reason_required", gettext_lazy("A reason is required"))
# Statutory rules (hard).
MINIMUM_AGE = Rule("minimum_age", gettext_lazy("Minimum age of an applicant"))
CONTACTS = Rule("contacts", gettext_lazy("Cultivation contacts are active members"))
ACTIVIST_PERIOD = Rule("activist_period", gettext_lazy("One year as activist before candidacy"))
SPONSORS = Rule("sponsors", gettext_lazy("Two full members as sponsors"))
TRAINING = Rule("training", gettext_lazy("Concentrated training of 3 days or 24 class hours"))
VOTE_RECORD = Rule("vote_record", gettext_lazy("Complete and consistent vote counts"))
QUORUM = Rule("quorum", gettext_lazy("Quorum of the branch general meeting"))
PROBATION_END = Rule(
    "probation_not_over", gettext_lazy("Conversion vote not before the end of probation")
)
PUBLIC_NOTICE = Rule("public_notice", gettext_lazy("Public notice of at least 5 working days"))
EXTENSION = Rule("extension", gettext_lazy("Probation extended once, within the limits"))
WITHDRAWAL = Rule("withdrawal", gettext_lazy("A probationary member does not withdraw"))
REVOCATION = Rule("revocation", gettext_lazy("A full member's candidacy is not revoked"))
# Time limits and local practice (overridable).
TALK_TIME_LIMIT = Rule(
    "talk_time_limit",
    gettext_lazy("Talk with the applicant within one month"),
    overridable=True,
)
LEAGUE_RECOMMENDATION = Rule(
    "league_recommendation",
    gettext_lazy("Youth League recommendation of young League members"),
    overridable=True,
)
THOUGHT_REPORTS = Rule(
    "thought_reports", gettext_lazy("A thought report every quarter"), overridable=True
)
ASSESSMENTS = Rule(
    "assessments", gettext_lazy("An assessment by the branch every half year"), overridable=True
)
RESUBMISSION_WAIT = Rule(
    "resubmission_wait",
    gettext_lazy("Waiting time before a failed candidate is voted on again"),
    overridable=True,
)
APPROVAL_TIME_LIMIT = Rule(
    "approval_time_limit",
    gettext_lazy("Approval within three months (six in special circumstances)"),
    overridable=True,
)
APPROVAL_OUTER_LIMIT = Rule(
    "approval_outer_limit",
    gettext_lazy("Approval within six months at the latest"),
)
CONVERSION_APPROVAL_TIME_LIMIT = Rule(
    "conversion_approval_time_limit",
    gettext_lazy("Approval of conversion within three months"),
    overridable=True,
)


# --- Helpers shared with the selectors (pure functions) ---------------------------------------
def vote_passed(step: RecruitmentStep) -> bool:
    """A resolution passes when more than half of those entitled to vote said yes.

    Yes votes in writing from absent full members count; exactly half does not pass.
    """
    return step.total_yes_votes * 2 > (step.entitled_to_vote or 0)


def expected_steps(steps: Sequence[RecruitmentStep], ruleset: RuleSet) -> tuple[int, ...]:
    """The step numbers that may be recorded next, lowest first.

    ``steps`` are the recorded steps in order. The next step is the lowest number after the last
    one; a filing step that the rule set does not require may be skipped, so the step after it is
    allowed as well. A branch vote that did not pass may be held again, and nothing else follows
    it until it passes.
    """
    if not steps:
        return (Step.APPLICATION,)
    last = steps[-1]
    if last.step in VOTE_STEPS and not vote_passed(last):
        return (last.step,)
    allowed: list[int] = []
    number = last.step + 1
    while number <= LAST_STEP:
        allowed.append(number)
        if number not in FILING_STEPS or ruleset.filing_required:
            break
        number += 1
    return tuple(allowed)


def last_step(
    steps: Sequence[RecruitmentStep], number: int, *, passed: bool | None = None
) -> RecruitmentStep | None:
    """The latest recorded step ``number`` (for a vote, optionally only one that passed or not)."""
    for step in reversed(steps):
        if step.step == number and (passed is None or vote_passed(step) == passed):
            return step
    return None


def working_days(start: dt.date, end: dt.date) -> int:
    """Monday to Friday from ``start`` to ``end``, both included (public holidays not known)."""
    full_weeks, rest = divmod((end - start).days + 1, 7)
    return full_weeks * 5 + sum(
        (start + dt.timedelta(days=offset)).weekday() < 5 for offset in range(rest)
    )


def uncovered_periods(
    *, start: dt.date, end: dt.date, months: int, dates: Iterable[dt.date]
) -> list[tuple[dt.date, dt.date]]:
    """The full periods of ``months`` from ``start`` up to ``end`` without a date in them.

    Period k runs from ``start`` + k·months to ``start`` + (k+1)·months, both days included (a
    record on the day between two periods counts for both); a period not over by ``end`` is not
    required yet.
    """
    days = sorted(dates)
    missing: list[tuple[dt.date, dt.date]] = []
    k = 0
    while (period_end := add_months(start, months * (k + 1))) <= end:
        period_start = add_months(start, months * k)
        if not any(period_start <= day <= period_end for day in days):
            missing.append((period_start, period_end))
        k += 1
    return missing


def branch_of(school: School) -> Branch:
    """The school's branch, or an unsaved one with the default settings of local practice."""
    return Branch.objects.for_school(school).first() or Branch(school=school)


# --- Enforcement ---------------------------------------------------------------------------------
def _error(breaches: Sequence[Breach], *, overridable: bool = False) -> RuleRefusal:
    hint = _("Record a justified exception to go ahead.") if overridable else ""
    errors = [
        ValidationError(f"{breach.message} {hint}".strip(), code=breach.rule.code)
        for breach in breaches
    ]
    refusal = (
        RuleRefusal(errors[0].message, code=errors[0].code)
        if len(errors) == 1
        else RuleRefusal(errors)
    )
    refusal.breaches = tuple(breaches)
    return refusal


def refusal_sentence(*, step: int, date: dt.date, error: ValidationError) -> str:
    """Why a step was refused, in one sentence for the top of the form: the earliest day it may
    be recorded and the rule that asks to wait, or the rules it breaks (whether an exception
    may be recorded). Any other error: its first message."""
    breaches = getattr(error, "breaches", ())
    if not breaches:
        return error.messages[0] if error.messages else ""
    name = Step(step).label if 1 <= step <= LAST_STEP else str(step)
    waits = [
        breach for breach in breaches if breach.earliest is not None and breach.earliest > date
    ]
    if waits:
        wait = max(waits, key=lambda breach: breach.earliest or date)
        return _(
            "“%(step)s” may be recorded from %(earliest)s at the earliest, not on %(date)s "
            "(rule: %(rule)s)."
        ) % {
            "step": name,
            "earliest": (wait.earliest or date).isoformat(),
            "date": date.isoformat(),
            "rule": wait.rule.name,
        }
    names = "; ".join(dict.fromkeys(str(breach.rule.name) for breach in breaches))
    if all(breach.rule.overridable for breach in breaches):
        return _(
            "“%(step)s” on %(date)s breaks a rule that allows exceptions (%(rules)s): record "
            "a justified exception to go ahead."
        ) % {"step": name, "date": date.isoformat(), "rules": names}
    return _("“%(step)s” cannot be recorded on %(date)s (rule: %(rules)s).") % {
        "step": name,
        "date": date.isoformat(),
        "rules": names,
    }


def enforce(breaches: Sequence[Breach], *, exception_reason: str = "") -> str:
    """Refuse the write for any hard breach, or for overridable ones without a justified exception.

    Returns the names of the rules excepted ("" when none), for ``exception_rule``. A justified
    exception given when no rule is broken is refused too, so that every explained exception on a
    dashboard names its rule.
    """
    hard = [breach for breach in breaches if not breach.rule.overridable]
    if hard:
        raise _error(hard)
    if breaches and not exception_reason:
        raise _error(breaches, overridable=True)
    if exception_reason and not breaches:
        raise _error(
            [
                Breach(
                    EXCEPTION_WITHOUT_BREACH,
                    _("No rule is broken by this step; leave the justified exception empty."),
                )
            ]
        )
    names = "; ".join(dict.fromkeys(str(breach.rule.name) for breach in breaches))
    return names[:EXCEPTION_RULE_MAX_LENGTH]


def refuse(rule: Rule, message: str) -> DomainError:
    """The error for a single hard breach, for the writes that know at once they must refuse."""
    return _error([Breach(rule, message)])


# --- Checks before any step ------------------------------------------------------------------------
def check_active(recruit: Recruit) -> list[Breach]:
    if recruit.status == RecruitStatus.ACTIVE:
        return []
    message = _("The recruitment of %(name)s is %(status)s; nothing more can be recorded.") % {
        "name": recruit.name,
        "status": recruit.get_status_display(),
    }
    return [Breach(RECRUIT_ACTIVE, message)]


def check_reason(reason: str) -> list[Breach]:
    return [] if reason.strip() else [Breach(REASON_REQUIRED, _("A reason is required."))]


def check_not_before_last_step(steps: Sequence[RecruitmentStep], date: dt.date) -> list[Breach]:
    if not steps or date >= steps[-1].date:
        return []
    previous = steps[-1]
    message = _(
        "Steps are recorded in date order: %(date)s is before step %(previous)s on "
        "%(previous_date)s."
    ) % {"date": date.isoformat(), "previous": previous.step, "previous_date": previous.date}
    return [Breach(DATE_ORDER, message, earliest=previous.date)]


def check_dates(
    *, steps: Sequence[RecruitmentStep], date: dt.date, end_date: dt.date | None = None
) -> list[Breach]:
    """A date is not before the last recorded step; a period does not end before it starts."""
    breaches = check_not_before_last_step(steps, date)
    if end_date is not None and end_date < date:
        message = _("A period does not end before it starts (%(start)s to %(end)s).") % {
            "start": date.isoformat(),
            "end": end_date.isoformat(),
        }
        breaches.append(Breach(DATE_ORDER, message))
    return breaches


def check_order(*, steps: Sequence[RecruitmentStep], step: int, ruleset: RuleSet) -> list[Breach]:
    """The step exists and is one that may come next (``expected_steps``)."""
    if not 1 <= step <= LAST_STEP:
        message = _("There is no step %(step)s: the steps are numbered 1 to %(last)s.") % {
            "step": step,
            "last": LAST_STEP,
        }
        return [Breach(STEP_NUMBER, message)]
    expected = expected_steps(steps, ruleset)
    if step not in expected:
        if not expected:
            message = _("All %(last)s steps are recorded already.") % {"last": LAST_STEP}
        else:
            message = ngettext(
                "Steps are recorded in order: the next step is %(expected)s, not %(step)s.",
                "Steps are recorded in order: the next step is one of %(expected)s, not %(step)s.",
                len(expected),
            ) % {"expected": ", ".join(str(number) for number in expected), "step": step}
        return [Breach(STEP_ORDER, message)]
    return []


def check_actors_of_school(recruit: Recruit, actors: Sequence[Member]) -> list[Breach]:
    return [
        Breach(
            SAME_SCHOOL,
            _("%(value)s belongs to another school.") % {"value": actor.name},
        )
        for actor in actors
        if actor.school_id != recruit.school_id
    ]


# --- Applications --------------------------------------------------------------------------------
def check_application(
    *,
    school: School,
    birth_date: dt.date,
    applied_on: dt.date,
    ruleset: RuleSet,
    staff: Staff | None,
    student: Student | None,
) -> list[Breach]:
    """The applicant is old enough, and the person record is of the school and not taken."""
    breaches: list[Breach] = []
    age = age_on(birth_date, applied_on)
    if age < ruleset.minimum_age:
        message = _(
            "Applicants must be at least %(minimum)s years old on the day they apply (born "
            "%(birth)s; %(age)s on %(date)s)."
        ) % {
            "minimum": ruleset.minimum_age,
            "birth": birth_date.isoformat(),
            "age": age,
            "date": applied_on.isoformat(),
        }
        breaches.append(Breach(MINIMUM_AGE, message))
    if staff is not None and student is not None:
        message = _("A recruit is linked to a staff record or a student record, not both.")
        breaches.append(Breach(ONE_PERSON, message))
    people: tuple[tuple[Staff | Student | None, str], ...] = (
        (staff, "staff"),
        (student, "student"),
    )
    for person, field in people:
        if person is None:
            continue
        if person.school_id != school.pk:
            message = _("%(value)s belongs to another school.") % {"value": person}
            breaches.append(Breach(SAME_SCHOOL, message))
            continue
        if Recruit.objects.filter(**{field: person}, status=RecruitStatus.ACTIVE).exists():
            message = _("%(name)s has a recruitment in progress already.") % {"name": person}
            breaches.append(Breach(ONE_PERSON, message))
        breaches.extend(_check_not_a_member(person, field))
    return breaches


def _check_not_a_member(person: Staff | Student, field: str) -> list[Breach]:
    if not Member.objects.filter(**{field: person}).exists():
        return []
    message = _("%(name)s has a party member record already.") % {"name": person}
    return [Breach(ONE_PERSON, message)]


# --- The rules of each step -----------------------------------------------------------------------
@dataclass
class StepContext:
    """A step about to be recorded: the unsaved ``new`` step and what its rules look at."""

    recruit: Recruit
    new: RecruitmentStep
    ruleset: RuleSet
    branch: Branch
    steps: Sequence[RecruitmentStep]  # recorded before, in order
    actors: Sequence[Member]


def check_step(ctx: StepContext) -> list[Breach]:
    """Every rule of the step's number, hard and overridable alike."""
    checks = _STEP_CHECKS.get(ctx.new.step, ())
    return [breach for check in checks for breach in check(ctx)]


def _months(count: int) -> str:
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def _talk(ctx: StepContext) -> list[Breach]:
    months = ctx.ruleset.talk_within_months
    application = last_step(ctx.steps, Step.APPLICATION)
    if months is None or application is None:
        return []
    due = add_months(application.date, months)
    if ctx.new.date <= due:
        return []
    message = _(
        "The talk with the applicant is due within %(months)s of the application (applied on "
        "%(applied)s; due by %(due)s)."
    ) % {"months": _months(months), "applied": application.date.isoformat(), "due": due}
    return [Breach(TALK_TIME_LIMIT, message)]


def _league(ctx: StepContext) -> list[Breach]:
    age = age_on(ctx.recruit.birth_date, ctx.new.date)
    max_age = ctx.branch.league_recommendation_max_age
    if not ctx.recruit.is_league_member or age > max_age or ctx.new.league_recommended:
        return []
    message = _(
        "Youth League members aged up to %(max_age)s become activists on the Youth League's "
        "recommendation (%(name)s is %(age)s)."
    ) % {"max_age": max_age, "name": ctx.recruit.name, "age": age}
    return [Breach(LEAGUE_RECOMMENDATION, message)]


def _is_active_member(member: Member) -> bool:
    return member.is_active and member.archived_at is None


def _contacts(ctx: StepContext) -> list[Breach]:
    if not ctx.actors:
        return [Breach(CONTACTS, _("At least one cultivation contact is required."))]
    return [
        Breach(
            CONTACTS,
            _("Cultivation contacts are active members of the branch (%(name)s is not).")
            % {"name": actor.name},
        )
        for actor in ctx.actors
        if not _is_active_member(actor)
    ]


def _candidacy(ctx: StepContext) -> list[Breach]:
    activist = last_step(ctx.steps, Step.ACTIVIST_CHOSEN)
    if activist is None:  # the order of steps guarantees it; nothing to measure without it
        return []
    breaches: list[Breach] = []
    earliest = add_months(activist.date, ctx.ruleset.activist_months)
    if ctx.new.date < earliest:
        message = _(
            "At least one year as activist is required before candidacy (activist since "
            "%(since)s; earliest %(earliest)s)."
        ) % {"since": activist.date.isoformat(), "earliest": earliest.isoformat()}
        breaches.append(Breach(ACTIVIST_PERIOD, message, earliest=earliest))
    required = {
        CultivationKind.THOUGHT_REPORT: (ctx.branch.require_thought_reports, 3, THOUGHT_REPORTS),
        CultivationKind.ASSESSMENT: (ctx.branch.require_half_yearly_assessment, 6, ASSESSMENTS),
    }
    records = list(
        CultivationRecord.objects.filter(
            recruit=ctx.recruit, date__range=(activist.date, ctx.new.date)
        ).values_list("kind", "date")
    )
    for kind, (is_required, months, rule) in required.items():
        if not is_required:
            continue
        missing = uncovered_periods(
            start=activist.date,
            end=ctx.new.date,
            months=months,
            dates=[day for record_kind, day in records if record_kind == kind],
        )
        if missing:
            breaches.append(Breach(rule, _missing_cultivation(kind, missing)))
    return breaches


def _missing_cultivation(kind: str, missing: Sequence[tuple[dt.date, dt.date]]) -> str:
    """One sentence however many periods lack a record: the first one, and how many."""
    (start, end), count = missing[0], len(missing)
    period = f"{start.isoformat()} – {end.isoformat()}"
    if count == 1:
        if kind == CultivationKind.THOUGHT_REPORT:
            text = _("An activist hands in a thought report every quarter (none for %(periods)s).")
        else:
            text = _(
                "The branch assesses an activist every half year (no assessment for %(periods)s)."
            )
        return text % {"periods": period}
    if kind == CultivationKind.THOUGHT_REPORT:
        text = _(
            "An activist hands in a thought report every quarter (none for %(count)s quarters, "
            "the first %(first)s)."
        )
    else:
        text = _(
            "The branch assesses an activist every half year (no assessment for %(count)s "
            "half years, the first %(first)s)."
        )
    return text % {"count": count, "first": period}


def _sponsor_problem(ctx: StepContext, sponsor: Member) -> str | None:
    recruit = ctx.recruit
    if sponsor.pk == recruit.member_id or (
        (recruit.staff_id and sponsor.staff_id == recruit.staff_id)
        or (recruit.student_id and sponsor.student_id == recruit.student_id)
    ):
        return _("is the recruit")
    if not _is_active_member(sponsor):
        return _("not an active member of the branch")
    if sponsor.status != MemberStatus.FULL:
        return _("a probationary member")
    if sponsor.on_party_probation:
        return _("under party probation")
    return None


def _sponsors(ctx: StepContext) -> list[Breach]:
    count = ctx.ruleset.sponsors
    given = len({actor.pk for actor in ctx.actors})
    breaches: list[Breach] = []
    if given != count or len(ctx.actors) != given:
        message = ngettext(
            "Exactly %(count)s full member sponsors the candidate (%(given)s given).",
            "Exactly %(count)s full members sponsor the candidate (%(given)s given).",
            count,
        ) % {"count": count, "given": len(ctx.actors)}
        breaches.append(Breach(SPONSORS, message))
    for sponsor in ctx.actors:
        problem = _sponsor_problem(ctx, sponsor)
        if problem is not None:
            message = _(
                "Sponsors are full members not under party probation (%(name)s: %(problem)s)."
            ) % {"name": sponsor.name, "problem": problem}
            breaches.append(Breach(SPONSORS, message))
    return breaches


def _training(ctx: StepContext) -> list[Breach]:
    min_days, min_hours = ctx.ruleset.training_min_days, ctx.ruleset.training_min_hours
    if min_days is None or min_hours is None:
        return []
    days = Decimal(ctx.new.training_days or 0)
    hours = ctx.new.training_hours or 0
    if days >= min_days or hours >= min_hours:
        return []
    message = _(
        "Concentrated training lasts at least %(min_days)s days or %(min_hours)s class hours "
        "(%(days)s days and %(hours)s hours recorded)."
    ) % {"min_days": min_days, "min_hours": min_hours, "days": days, "hours": hours}
    return [Breach(TRAINING, message)]


def _vote(ctx: StepContext) -> list[Breach]:
    new = ctx.new
    entitled, attended, yes = new.entitled_to_vote, new.attended, new.yes_votes
    if entitled is None or attended is None or yes is None:
        message = _(
            "The resolution of a branch general meeting records the full members entitled to "
            "vote, those present and the yes votes."
        )
        return [Breach(VOTE_RECORD, message)]
    breaches: list[Breach] = []
    register = full_members_on(schools=[ctx.branch.school_id], day=new.date).count()
    if entitled != register:
        message = _(
            "On %(day)s the branch's register lists %(register)s full members entitled to vote; "
            "the resolution records %(entitled)s."
        ) % {"day": new.date.isoformat(), "register": register, "entitled": entitled}
        breaches.append(Breach(QUORUM, message))
    cast = yes + (new.no_votes or 0) + (new.abstentions or 0)
    written = new.written_yes_votes or 0
    if attended > entitled:
        message = _("More members present (%(attended)s) than entitled to vote (%(entitled)s).") % {
            "attended": attended,
            "entitled": entitled,
        }
        breaches.append(Breach(VOTE_RECORD, message))
    if cast > attended:
        message = _(
            "Yes and no votes and abstentions (%(cast)s) may not exceed the members present "
            "(%(attended)s)."
        ) % {"cast": cast, "attended": attended}
        breaches.append(Breach(VOTE_RECORD, message))
    if written > max(entitled - attended, 0):
        message = _(
            "Yes votes in writing (%(written)s) come only from absent full members "
            "(%(absent)s absent)."
        ) % {"written": written, "absent": max(entitled - attended, 0)}
        breaches.append(Breach(VOTE_RECORD, message))
    if attended * 2 <= entitled:
        message = _(
            "The meeting had no quorum: more than half of the %(entitled)s full members entitled "
            "to vote must be present (%(attended)s were)."
        ) % {"entitled": entitled, "attended": attended}
        breaches.append(Breach(QUORUM, message))
    return breaches


def _resubmission(ctx: StepContext) -> list[Breach]:
    failed = last_step(ctx.steps, Step.BRANCH_VOTE, passed=False)
    if failed is None:
        return []
    months = ctx.branch.resubmission_wait_months
    earliest = add_months(failed.date, months)
    if ctx.new.date >= earliest:
        return []
    message = _(
        "A candidate whose vote failed is voted on again after %(months)s (failed on "
        "%(failed)s; earliest %(earliest)s)."
    ) % {"months": _months(months), "failed": failed.date.isoformat(), "earliest": earliest}
    return [Breach(RESUBMISSION_WAIT, message, earliest=earliest)]


def _approval(ctx: StepContext) -> list[Breach]:
    resolution = last_step(ctx.steps, Step.BRANCH_VOTE, passed=True)
    if resolution is None:
        return []
    breaches: list[Breach] = []
    special = bool(ctx.new.special_circumstances.strip())
    months = ctx.ruleset.approval_months_special if special else ctx.ruleset.approval_months
    due = add_months(resolution.date, months)
    latest = add_months(resolution.date, ctx.ruleset.approval_months_special)
    if ctx.new.date > latest:
        message = _(
            "The higher committee approves at the latest %(special)s after the branch resolution "
            "(resolution on %(resolved)s; latest %(latest)s): past that, no exception applies."
        ) % {
            "special": _months(ctx.ruleset.approval_months_special),
            "resolved": resolution.date.isoformat(),
            "latest": latest.isoformat(),
        }
        breaches.append(Breach(APPROVAL_OUTER_LIMIT, message))
    elif ctx.new.date > due:
        message = _(
            "The higher committee approves within %(months)s of the branch resolution, or "
            "%(special)s in special circumstances (resolution on %(resolved)s; due by %(due)s)."
        ) % {
            "months": _months(ctx.ruleset.approval_months),
            "special": _months(ctx.ruleset.approval_months_special),
            "resolved": resolution.date.isoformat(),
            "due": due.isoformat(),
        }
        breaches.append(Breach(APPROVAL_TIME_LIMIT, message))
    if ctx.recruit.staff is not None:
        breaches.extend(_check_not_a_member(ctx.recruit.staff, "staff"))
    if ctx.recruit.student is not None:
        breaches.extend(_check_not_a_member(ctx.recruit.student, "student"))
    return breaches


def _conversion_vote(ctx: StepContext) -> list[Breach]:
    member = ctx.recruit.member
    if member is None or member.probation_ends_on is None:
        return []
    if ctx.new.date >= member.probation_ends_on:
        return []
    message = _(
        "The conversion vote is held when probation is over (probation ends on %(ends)s)."
    ) % {"ends": member.probation_ends_on.isoformat()}
    return [Breach(PROBATION_END, message, earliest=member.probation_ends_on)]


def _conversion_approval(ctx: StepContext) -> list[Breach]:
    resolution = last_step(ctx.steps, Step.CONVERSION_VOTE, passed=True)
    if resolution is None:
        return []
    months = ctx.ruleset.approval_months
    due = add_months(resolution.date, months)
    if ctx.new.date <= due:
        return []
    message = _(
        "The higher committee approves a conversion within %(months)s of the branch "
        "resolution (resolution on %(resolved)s; due by %(due)s)."
    ) % {"months": _months(months), "resolved": resolution.date.isoformat(), "due": due}
    return [Breach(CONVERSION_APPROVAL_TIME_LIMIT, message)]


StepCheck = Callable[[StepContext], list[Breach]]
_STEP_CHECKS: dict[int, tuple[StepCheck, ...]] = {
    Step.APPLICATION_TALK: (_talk,),
    Step.ACTIVIST_CHOSEN: (_league,),
    Step.CONTACTS_ASSIGNED: (_contacts,),
    Step.CANDIDATE_CHOSEN: (_candidacy,),
    Step.SPONSORS_CHOSEN: (_sponsors,),
    Step.TRAINING: (_training,),
    Step.BRANCH_VOTE: (_vote, _resubmission),
    Step.APPROVAL: (_approval,),
    Step.CONVERSION_VOTE: (_conversion_vote, _vote),
    Step.CONVERSION_APPROVAL: (_conversion_approval,),
}


# --- Events ------------------------------------------------------------------------------------------
def check_public_notice(*, start: dt.date, end: dt.date, ruleset: RuleSet) -> list[Breach]:
    """The notice ends after it starts; under the 2014 rules it lasts 5 working days or more."""
    if end <= start:
        message = _("A public notice ends after it starts (%(start)s to %(end)s).") % {
            "start": start.isoformat(),
            "end": end.isoformat(),
        }
        return [Breach(PUBLIC_NOTICE, message)]
    minimum = PUBLIC_NOTICE_WORKING_DAYS[ruleset.key]
    count = working_days(start, end)
    if count >= minimum:
        return []
    message = _(
        "A public notice lasts at least %(minimum)s working days, Monday to Friday (%(start)s to "
        "%(end)s has %(count)s)."
    ) % {"minimum": minimum, "start": start.isoformat(), "end": end.isoformat(), "count": count}
    return [Breach(PUBLIC_NOTICE, message)]


def check_extension(
    *,
    recruit: Recruit,
    steps: Sequence[RecruitmentStep],
    months: int,
    ruleset: RuleSet,
    extended_on: dt.date | None,
) -> list[Breach]:
    """Only a probationary member not yet voted full, only once, by the months the rules allow."""
    member = recruit.member
    if (
        member is None
        or member.status != MemberStatus.PROBATIONARY
        or last_step(steps, Step.CONVERSION_VOTE, passed=True) is not None
    ):
        return [Breach(EXTENSION, _("Probation is extended only for a probationary member."))]
    breaches: list[Breach] = []
    if extended_on is not None:
        message = _("Probation is extended only once (extended on %(date)s).") % {
            "date": extended_on.isoformat()
        }
        breaches.append(Breach(EXTENSION, message))
    low, high = ruleset.extension_min_months, ruleset.extension_max_months
    if not low <= months <= high:
        message = _(
            "Probation is extended by %(low)s to %(high)s months under the %(rules)s "
            "(%(months)s asked)."
        ) % {"low": low, "high": high, "rules": ruleset.name, "months": months}
        breaches.append(Breach(EXTENSION, message))
    return breaches


def check_cultivation_date(*, steps: Sequence[RecruitmentStep], date: dt.date) -> list[Breach]:
    application = last_step(steps, Step.APPLICATION)
    if application is None or date >= application.date:
        return []
    message = _("A cultivation record is dated on or after the application (%(applied)s).") % {
        "applied": application.date.isoformat()
    }
    return [Breach(DATE_ORDER, message)]


def check_revocable(recruit: Recruit) -> list[Breach]:
    member = recruit.member
    if member is None or member.status != MemberStatus.FULL:
        return []
    message = _("%(name)s is a full member already; a full member's candidacy is not revoked.")
    return [Breach(REVOCATION, message % {"name": recruit.name})]


def check_withdrawable(recruit: Recruit) -> list[Breach]:
    if recruit.member_id is None:
        return []
    message = _(
        "%(name)s is a party member already and does not withdraw; revoke the probation instead."
    )
    return [Breach(WITHDRAWAL, message % {"name": recruit.name})]
