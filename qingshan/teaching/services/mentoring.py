"""Writes of the teacher mentoring pairs and their meetings. Keyword-only, one transaction,
nothing changed on bad input. The model's constraints hold: one mentor per young teacher and
term, nobody mentors themselves; the outcome is written by editing the pair."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from qingshan.core import services as core_services
from qingshan.core.models import School
from qingshan.teaching.models import MentoringMeeting, Mentorship


@transaction.atomic
def create_mentorship(
    *, school: School, model: Any = Mentorship, values: dict[str, Any]
) -> Mentorship:
    return core_services.create_record(school=school, model=Mentorship, values=values)


@transaction.atomic
def update_mentorship(*, record: Mentorship, values: dict[str, Any]) -> Mentorship:
    return core_services.update_record(record=record, values=values)


@transaction.atomic
def record_meeting(
    *, school: School, model: Any = MentoringMeeting, values: dict[str, Any]
) -> MentoringMeeting:
    return core_services.create_record(school=school, model=MentoringMeeting, values=values)


@transaction.atomic
def update_meeting(*, record: MentoringMeeting, values: dict[str, Any]) -> MentoringMeeting:
    return core_services.update_record(record=record, values=values)
