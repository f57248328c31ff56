"""Writes of the teaching-research groups and the teacher profiles. Keyword-only, one
transaction, nothing changed on bad input (``core.services`` checks the school of every record
named and the model's constraints: one profile per member of staff, group names unique)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from qingshan.core import services as core_services
from qingshan.core.models import School
from qingshan.teaching.models import ResearchGroup, TeacherProfile


@transaction.atomic
def create_group(
    *, school: School, model: Any = ResearchGroup, values: dict[str, Any]
) -> ResearchGroup:
    return core_services.create_record(school=school, model=ResearchGroup, values=values)


@transaction.atomic
def update_group(*, record: ResearchGroup, values: dict[str, Any]) -> ResearchGroup:
    return core_services.update_record(record=record, values=values)


@transaction.atomic
def create_profile(
    *, school: School, model: Any = TeacherProfile, values: dict[str, Any]
) -> TeacherProfile:
    return core_services.create_record(school=school, model=TeacherProfile, values=values)


@transaction.atomic
def update_profile(*, record: TeacherProfile, values: dict[str, Any]) -> TeacherProfile:
    return core_services.update_record(record=record, values=values)
