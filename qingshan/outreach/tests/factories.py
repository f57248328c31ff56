"""Records of the outreach for tests: each helper makes a valid record of the given school."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from qingshan.outreach.models import (
    Handout,
    Household,
    HouseholdVisit,
    PracticalThing,
    ScienceBase,
    TechProblem,
    Visit,
)

_sequence = itertools.count(1)


def visit(school: Any, **values: Any) -> Visit:
    fields: dict[str, Any] = {
        "date": dt.date(2013, 4, 10),
        "township": "民胜镇",
        "village": "青山村",
        "team": "技术服务队",
        "topic": "科学养猪",
    }
    return Visit.objects.create(school=school, **{**fields, **values})


def handout(school: Any, visit_record: Visit | None = None, **values: Any) -> Handout:
    fields: dict[str, Any] = {"title": "科学养猪技术要点", "count": 100}
    return Handout.objects.create(
        school=school, visit=visit_record or visit(school), **{**fields, **values}
    )


def problem(school: Any, **values: Any) -> TechProblem:
    fields: dict[str, Any] = {
        "raised_on": dt.date(2013, 4, 10),
        "township": "民胜镇",
        "field": "livestock",
        "description": "仔猪腹泻",
        "solution": "调整饲料并消毒",
        "solved_on": dt.date(2013, 4, 12),
        "verified_by": "技术员",
        "verified_on": dt.date(2013, 4, 20),
    }
    return TechProblem.objects.create(school=school, **{**fields, **values})


def practical(school: Any, **values: Any) -> PracticalThing:
    fields: dict[str, Any] = {
        "date": dt.date(2013, 5, 1),
        "township": "民胜镇",
        "description": "义务维修家电",
    }
    return PracticalThing.objects.create(school=school, **{**fields, **values})


def base(school: Any, **values: Any) -> ScienceBase:
    fields: dict[str, Any] = {
        "name": f"科普基地{next(_sequence)}",
        "township": "民胜镇",
        "host": "家庭农场",
        "since": dt.date(2010, 3, 1),
    }
    return ScienceBase.objects.create(school=school, **{**fields, **values})


def household(school: Any, **values: Any) -> Household:
    fields: dict[str, Any] = {
        "head": f"户主{next(_sequence)}",
        "township": "民胜镇",
        "village": "青山村",
    }
    return Household.objects.create(school=school, **{**fields, **values})


def served(school: Any, visit_record: Visit, household_record: Household) -> HouseholdVisit:
    return HouseholdVisit.objects.create(
        school=school, visit=visit_record, household=household_record
    )


def outreach_records(school: Any, mark: str = "") -> dict[str, Any]:
    """One record of each kind, for the URL × role matrix and the isolation tests."""
    visit_record = visit(school, topic=f"{mark}科学养猪")
    household_record = household(school, head=f"{mark}户主{next(_sequence)}")
    return {
        "visit": visit_record,
        "handout": handout(school, visit_record, title=f"{mark}资料"),
        "problem": problem(school, description=f"{mark}仔猪腹泻"),
        "practical": practical(school, description=f"{mark}义务维修家电"),
        "base": base(school, name=f"{mark}科普基地{next(_sequence)}"),
        "household": household_record,
        "served": served(school, visit_record, household_record),
    }
