"""Writes of the lesson events, and filing a prized lesson as an honour.

Invariants: a lesson is filed once, and only when it was held at county level or higher and a
prize was given; the commendation is written through the honours app and named on the lesson.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from qingshan.core import services as core_services
from qingshan.core.errors import DomainError
from qingshan.core.models import School
from qingshan.honours import services as honours_services
from qingshan.honours.enums import Level
from qingshan.honours.models import Commendation
from qingshan.teaching.enums import LessonKind, LessonLevel
from qingshan.teaching.models import LessonEvent

HONOUR_LEVELS = {
    LessonLevel.COUNTY: Level.COUNTY,
    LessonLevel.CITY: Level.CITY,
    LessonLevel.PROVINCE: Level.PROVINCE,
    LessonLevel.NATION: Level.NATION,
}


@transaction.atomic
def create_lesson(
    *, school: School, model: Any = LessonEvent, values: dict[str, Any]
) -> LessonEvent:
    return core_services.create_record(school=school, model=LessonEvent, values=values)


@transaction.atomic
def update_lesson(*, record: LessonEvent, values: dict[str, Any]) -> LessonEvent:
    return core_services.update_record(record=record, values=values)


def honour_title(lesson: LessonEvent) -> str:
    """The commendation's title, in the school's language: e.g. 县级竞赛课一等奖."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("%(level)s %(kind)s, %(prize)s") % {
            "level": LessonLevel(lesson.level).label,
            "kind": LessonKind(lesson.kind).label,
            "prize": lesson.prize,
        }


@transaction.atomic
def file_as_honour(*, lesson: LessonEvent) -> Commendation:
    """Write the commendation of a prized lesson of county level or higher and link it to the
    lesson. Raises DomainError, writing nothing, for a school-level lesson, a lesson without a
    prize, or one filed already."""
    # Locked so that two clicks on "file as honour" cannot both see it unfiled and file it twice.
    lesson = LessonEvent.objects.select_for_update().get(pk=lesson.pk)
    if lesson.is_archived:
        raise DomainError(
            _("An archived record cannot be changed; restore it first."), code="archived"
        )
    if lesson.level not in HONOUR_LEVELS:
        raise DomainError(
            _("Only a lesson held at county level or higher is filed as an honour."),
            code="school_level",
        )
    if not lesson.prize:
        raise DomainError(
            _("Only a lesson that won a prize is filed as an honour."), code="no_prize"
        )
    if lesson.commendation_id is not None:
        raise DomainError(_("This lesson is filed as an honour already."), code="filed")
    commendation = honours_services.commend(
        school=lesson.school,
        values={
            "title": honour_title(lesson)[:100],
            "level": HONOUR_LEVELS[LessonLevel(lesson.level)],
            "issuer": lesson.organiser,
            "awarded_on": lesson.held_on,
            "staff": lesson.teacher,
        },
    )
    lesson.commendation = commendation
    lesson.save(update_fields=["commendation", "updated_at"])
    return commendation
