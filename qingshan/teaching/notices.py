"""What teacher development puts in an inbox: observations of one's lessons awaiting a reply,
one's own drafts of observations, and (for those who decide them) trainings requested."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.organization.selectors import working_day
from qingshan.teaching.enums import ObservationStatus, TrainingStatus
from qingshan.teaching.models import Observation, TrainingRecord
from qingshan.teaching.selectors.team import staff_of_user

# Observations of one's lessons older than this no longer ask for a reply.
REPLY_WINDOW = dt.timedelta(days=30)
SHOWN = 20


@source
def observations_to_answer(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("teaching.observe", school):
        return
    staff = staff_of_user(school=school, user=user)
    if staff is None:
        return
    day = working_day(school=school, day=today)
    mine = Observation.objects.for_school(school).active().select_related("teacher")
    waiting = mine.filter(
        teacher=staff,
        status=ObservationStatus.SUBMITTED,
        replied_on__isnull=True,
        observed_on__gte=day - REPLY_WINDOW,
        observed_on__lte=day,
    ).select_related("observer")
    for row in waiting.order_by("-observed_on", "-pk")[:SHOWN]:
        yield Notice(
            key=f"teaching.reply:{row.pk}",
            kind=NoticeKind.OBSERVATION,
            title=_("%(observer)s observed your lesson “%(topic)s”: reply")
            % {
                "observer": row.observer,
                "topic": row.topic,
            },
            url=reverse("teaching:observation_detail", args=[row.pk]),
            due=row.observed_on + REPLY_WINDOW,
        )
    for row in mine.filter(observer=staff, status=ObservationStatus.DRAFT).order_by("pk")[:SHOWN]:
        yield Notice(
            key=f"teaching.draft:{row.pk}",
            kind=NoticeKind.DRAFT,
            title=_("Finish and submit your observation of %(teacher)s “%(topic)s”")
            % {
                "teacher": row.teacher,
                "topic": row.topic,
            },
            url=reverse("teaching:observation_score", args=[row.pk]),
        )


@source
def trainings_to_decide(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("teaching.manage", school):
        return
    requested = (
        TrainingRecord.objects.for_school(school)
        .active()
        .filter(status=TrainingStatus.REQUESTED)
        .select_related("teacher")
        .order_by("starts_on", "pk")
    )
    for row in requested[:SHOWN]:
        yield Notice(
            key=f"teaching.training:{row.pk}",
            kind=NoticeKind.REQUEST,
            title=_("%(teacher)s asks to attend “%(title)s”")
            % {
                "teacher": row.teacher,
                "title": row.title,
            },
            url=reverse("teaching:training_detail", args=[row.pk]),
            due=row.starts_on,
        )
