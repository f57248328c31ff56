"""Records of the teacher-development team for tests: each helper makes a valid record of the
given school."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from qingshan.teaching.enums import TrainingStatus
from qingshan.teaching.models import (
    LessonEvent,
    MentoringMeeting,
    Mentorship,
    ResearchGroup,
    TeacherProfile,
    TrainingRecord,
)
from tests.factories import StaffFactory, TermFactory

_sequence = itertools.count(1)


def staff(school: Any, **values: Any) -> Any:
    return StaffFactory(school=school, **values)


def group(school: Any, **values: Any) -> ResearchGroup:
    fields: dict[str, Any] = {"name": f"语文教研组{next(_sequence)}"}
    return ResearchGroup.objects.create(school=school, **{**fields, **values})


def profile(school: Any, **values: Any) -> TeacherProfile:
    if "staff" not in values:
        values["staff"] = staff(school)
    return TeacherProfile.objects.create(school=school, **values)


def lesson(school: Any, **values: Any) -> LessonEvent:
    fields: dict[str, Any] = {
        "kind": "competition",
        "level": "county",
        "title": f"电工基础{next(_sequence)}",
        "organiser": "县教育局",
        "held_on": dt.date(2013, 5, 10),
        "prize": "一等奖",
    }
    if "teacher" not in values:
        fields["teacher"] = staff(school)
    return LessonEvent.objects.create(school=school, **{**fields, **values})


def training(school: Any, **values: Any) -> TrainingRecord:
    fields: dict[str, Any] = {
        "title": f"中职骨干教师培训{next(_sequence)}",
        "kind": "provincial",
        "organiser": "省教育厅",
        "starts_on": dt.date(2013, 7, 1),
        "ends_on": dt.date(2013, 7, 20),
        "hours": Decimal(0),
        "status": TrainingStatus.REQUESTED,
    }
    if "teacher" not in values:
        fields["teacher"] = staff(school)
    return TrainingRecord.objects.create(school=school, **{**fields, **values})


def mentorship(school: Any, **values: Any) -> Mentorship:
    fields: dict[str, Any] = {}
    if "mentor" not in values:
        fields["mentor"] = staff(school)
    if "mentee" not in values:
        fields["mentee"] = staff(school)
    if "term" not in values:
        fields["term"] = TermFactory(school=school)
    return Mentorship.objects.create(school=school, **{**fields, **values})


def meeting(school: Any, **values: Any) -> MentoringMeeting:
    fields: dict[str, Any] = {"met_on": dt.date(2013, 10, 8), "note": "备课与板书"}
    if "mentorship" not in values:
        fields["mentorship"] = mentorship(school)
    return MentoringMeeting.objects.create(school=school, **{**fields, **values})


def team_records(school: Any, mark: str = "") -> dict[str, Any]:
    """One record of each kind of the team's records, keyed by resource key, for the URL × role
    matrix and the isolation tests."""
    pair = mentorship(school, goals=f"{mark}站稳讲台")
    return {
        "group": group(school, name=f"{mark}教研组{next(_sequence)}"),
        "profile": profile(school, staff=staff(school, name=f"{mark}教师{next(_sequence)}")),
        "lesson": lesson(school, title=f"{mark}电工基础{next(_sequence)}"),
        "training": training(school, title=f"{mark}骨干教师培训{next(_sequence)}"),
        "mentorship": pair,
        "meeting": meeting(school, mentorship=pair, note=f"{mark}备课"),
    }
