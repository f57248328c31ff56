"""Writes of placements: recorded and changed under the rules, exceptions granted, visits
recorded, and the placement ended by the school. Keyword-only, one transaction, nothing changed
on bad input.

Invariants:
- a placement breaching a refusing rule is not saved: the error names the rule's article and
  its rule set;
- after every write, the placement's open findings are what the checks find (``checks.recheck``),
  and so are those of the other post internships at the same unit, whose shares it changes;
- a placement's student, unit and school supervisor are the school's own; an outside unit's
  company is the school's register's;
- an exception is granted only for a rule that allows one, with a reason;
- a placement ended is not changed again, except by its visits and reviews.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError, field_error
from qingshan.core.models import School
from qingshan.internships.enums import PlacementKind
from qingshan.internships.models import Placement, RuleException, Unit, Visit
from qingshan.internships.rulesets import Rule, RuleSet, province_of, ruleset_for, ruleset_of
from qingshan.internships.services import checks


def refusal_message(rule: Rule, ruleset: RuleSet, detail: str = "") -> str:
    message = _("Refused under %(article)s of the %(ruleset)s: %(requirement)s") % {
        "article": rule.article,
        "ruleset": ruleset.name,
        "requirement": rule.requirement,
    }
    return f"{message} ({detail})" if detail else message


def _refuse_breaches(placement: Placement) -> None:
    checked = checks.check(placement)
    if checked.refusals:
        raise DomainError(
            [
                ValidationError(
                    refusal_message(breach.rule, checked.ruleset, breach.detail),
                    code=f"rule_{breach.rule.code}",
                )
                for breach in checked.refusals
            ]
        )


def recheck_unit(placement: Placement) -> None:
    """The findings of ``placement`` and of the running post internships at its unit."""
    checks.recheck(placement)
    siblings = (
        Placement.objects.filter(
            unit_id=placement.unit_id, kind=PlacementKind.POST, ended_on__isnull=True
        )
        .active()
        .filter(starts_on__lte=placement.ends_on, ends_on__gte=placement.starts_on)
        .exclude(pk=placement.pk)
        .select_related("student__school_class", "unit", "school__authority")
    )
    for sibling in siblings:
        checks.recheck(sibling)


def _lock_unit(unit: Unit) -> None:
    # Locked: two placements saved at once at one unit would each count the other out of the
    # unit's share of interns.
    Unit.objects.select_for_update().filter(pk=unit.pk).first()


def _check_parts(school: School, values: dict[str, Any]) -> None:
    for name in ("student", "unit", "school_supervisor"):
        record = values.get(name)
        if record is not None and record.school_id != school.pk:
            raise field_error(
                name,
                _("%(value)s belongs to another school.") % {"value": record},
                code="other_school",
                domain=True,
            )


@transaction.atomic
def create_placement(
    *, school: School, model: Any = Placement, values: dict[str, Any]
) -> Placement:
    """Record a placement, refused if it breaks a refusing rule; its findings opened."""
    _check_parts(school, values)
    placement = Placement(school=school, **values)
    core_services.validate_record(placement)
    placement.ruleset_key = ruleset_for(placement.starts_on, province_of(school)).key
    _lock_unit(placement.unit)
    _refuse_breaches(placement)
    placement.save()
    recheck_unit(placement)
    return placement


@transaction.atomic
def update_placement(*, record: Placement, values: dict[str, Any]) -> Placement:
    """Change a placement under the same checks; a mended breach closes its finding."""
    placement = Placement.objects.select_for_update().get(pk=record.pk)
    if placement.is_ended:
        raise DomainError(
            _("This placement ended on %(day)s; it is not changed any more.")
            % {"day": placement.ended_on},
            code="ended",
        )
    _check_parts(placement.school, values)
    old_unit_id = placement.unit_id
    for name, value in values.items():
        setattr(placement, name, value)
    core_services.validate_record(placement)
    placement.ruleset_key = ruleset_for(placement.starts_on, province_of(placement.school)).key
    _lock_unit(placement.unit)
    _refuse_breaches(placement)
    placement.save()
    recheck_unit(placement)
    if old_unit_id != placement.unit_id:
        for sibling in Placement.objects.filter(
            unit_id=old_unit_id, ended_on__isnull=True
        ).active():
            checks.recheck(sibling)
    return placement


@transaction.atomic
def grant_exception(
    *,
    placement: Placement,
    rule: str,
    reason: str,
    filed_with: str = "",
    user: Any,
    on: dt.date | None = None,
) -> RuleException:
    """An explained exception to a rule that allows one; the finding it covers is closed."""
    ruleset = ruleset_of(placement)
    found = ruleset.rules.get(rule)
    if found is None or not found.exception_allowed:
        raise field_error(
            "rule", _("This rule allows no exception."), code="no_exception", domain=True
        )
    if not reason.strip():
        raise field_error(
            "reason", _("Say why the exception is granted."), code="required", domain=True
        )
    if rule == "working_time" and not filed_with.strip():
        raise field_error(
            "filed_with",
            _(
                "This exception holds only when it was filed with the authority beforehand: name the filing."
            ),
            code="required",
            domain=True,
        )
    exception = core_services.create_record(
        school=placement.school,
        model=RuleException,
        values={
            "placement": placement,
            "rule": rule,
            "reason": reason.strip(),
            "filed_with": filed_with.strip(),
            "granted_on": on or timezone.localdate(),
            "granted_by": user,
        },
    )
    checks.recheck(placement)
    return exception


@transaction.atomic
def end_placement(*, placement: Placement, on: dt.date, note: str, user: Any) -> Placement:
    """Only the school ends a placement: the day it ended and how."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.is_ended:
        raise DomainError(
            _("This placement ended on %(day)s already.") % {"day": placement.ended_on},
            code="ended",
        )
    if on < placement.starts_on:
        raise field_error(
            "ended_on", _("A placement ends after it starts."), code="before_start", domain=True
        )
    placement.ended_on, placement.ended_by, placement.end_note = on, user, note.strip()[:200]
    placement.save(update_fields=["ended_on", "ended_by", "end_note", "updated_at"])
    # Ending early frees a place in the unit's and the post's shares.
    recheck_unit(placement)
    return placement


@transaction.atomic
def record_visit(*, placement: Placement, values: dict[str, Any]) -> Visit:
    """The school supervisor's visit to the site, with the competency ratings."""
    visitor = values.get("visitor")
    if visitor is not None and visitor.school_id != placement.school_id:
        raise field_error(
            "visitor",
            _("%(value)s belongs to another school.") % {"value": visitor},
            code="other_school",
            domain=True,
        )
    visited_on = values.get("visited_on")
    if visited_on is not None and visited_on < placement.starts_on:
        raise field_error(
            "visited_on",
            _("A visit falls on or after the placement starts."),
            code="before_start",
            domain=True,
        )
    return core_services.create_record(
        school=placement.school, model=Visit, values={**values, "placement": placement}
    )


@transaction.atomic
def add_visit(*, school: School, model: Any = Visit, values: dict[str, Any]) -> Visit:
    """A visit recorded from the visits' own page, which names the placement."""
    values = dict(values)
    placement = values.pop("placement", None)
    if placement is None or placement.school_id != school.pk:
        raise field_error(
            "placement", _("Choose a placement of the school."), code="required", domain=True
        )
    return record_visit(placement=placement, values=values)
