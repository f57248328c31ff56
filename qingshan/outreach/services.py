"""Writes of the outreach records. Keyword-only, one transaction, nothing changed on bad input.

Invariants: place names are kept without surrounding spaces; a record made on a visit takes the
visit's township when it names none; a household is served on a visit to its own township.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.models import School
from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)

PLACE_FIELDS = ("township", "village", "head", "name", "host")


def _tidy(values: dict[str, Any]) -> dict[str, Any]:
    tidy = dict(values)
    for name in PLACE_FIELDS:
        if isinstance(tidy.get(name), str):
            tidy[name] = tidy[name].strip()
    visit = tidy.get("visit")
    if visit is not None and "township" in tidy and not tidy["township"]:
        tidy["township"] = visit.township
    return tidy


def _check_served(row: HouseholdVisit) -> None:
    if row.household.township != row.visit.township:
        raise ValidationError(
            {
                "household": _("This household lives in %(township)s, not where the visit went.")
                % {"township": row.household.township}
            },
            code="other_township",
        )


def _check_problem(problem: TechProblem) -> None:
    if problem.visit is not None and problem.raised_on < problem.visit.date:
        raise ValidationError(
            {"raised_on": _("A problem raised on a visit is raised on or after the visit's day.")},
            code="before_visit",
        )


CHECKS: dict[type, tuple[Any, ...]] = {
    HouseholdVisit: (_check_served,),
    TechProblem: (_check_problem,),
}


@transaction.atomic
def create(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    """Create an outreach record of ``model`` after the model's own checks."""
    return core_services.create_record(
        school=school, model=model, values=_tidy(values), checks=CHECKS.get(model, ())
    )


@transaction.atomic
def update(*, record: Any, values: dict[str, Any]) -> Any:
    return core_services.update_record(
        record=record, values=_tidy(values), checks=CHECKS.get(type(record), ())
    )


__all__ = [
    "Handout",
    "Household",
    "HouseholdVisit",
    "PracticalThing",
    "ScienceBase",
    "TechProblem",
    "Visit",
    "create",
    "update",
]
