"""Records of the honours for tests: each helper makes a valid record of the given school."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from qingshan.honours.models import Commendation, Honour, Story

_sequence = itertools.count(1)


def honour(school: Any, **values: Any) -> Honour:
    fields: dict[str, Any] = {
        "recipient": "school",
        "title": f"先进单位{next(_sequence)}",
        "level": "city",
        "issuer": "市教育局",
        "awarded_on": dt.date(2013, 9, 10),
    }
    return Honour.objects.create(school=school, **{**fields, **values})


def commendation(school: Any, **values: Any) -> Commendation:
    fields: dict[str, Any] = {
        "title": "优秀共产党员",
        "level": "county",
        "issuer": "中共县委",
        "awarded_on": dt.date(2013, 6, 28),
    }
    if not any(values.get(name) for name in ("member", "staff", "person_name")):
        fields["person_name"] = f"校友{next(_sequence)}"
    return Commendation.objects.create(school=school, **{**fields, **values})


def story(school: Any, **values: Any) -> Story:
    fields: dict[str, Any] = {
        "title": f"扎根山区{next(_sequence)}",
        "person_name": "某校友",
        "told_on": dt.date(2013, 11, 20),
        "body": "回乡创业，带动乡亲致富。",
    }
    return Story.objects.create(school=school, **{**fields, **values})


def honours_records(school: Any, mark: str = "") -> dict[str, Any]:
    """One record of each kind, for the URL × role matrix and the isolation tests."""
    return {
        "honour": honour(school, title=f"{mark}先进单位{next(_sequence)}"),
        "branchhonour": honour(
            school, recipient="branch", title=f"{mark}先进基层党组织{next(_sequence)}"
        ),
        "commendation": commendation(school, person_name=f"{mark}校友"),
        "story": story(school, title=f"{mark}扎根山区{next(_sequence)}"),
    }
