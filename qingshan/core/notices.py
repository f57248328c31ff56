"""The inbox: what concerns a user now, said by each app in ``<app>/notices.py`` and discovered at
start-up (like figures and the menu), so that adding an app touches no file of ``core``.

An app's module decorates functions with ``@source``; each takes the school, the user and the
school's working day and returns the notices for that user: a recruitment step due, a plan
overdue, a task handed down, a follow-up assigned, a rating due. Notices are derived from the
records, never stored, so they are never stale; only the user's read marks are stored
(``NoticeRead``), by each notice's stable ``key``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qingshan.core.models import NoticeRead, School
from qingshan.core.sources import Sources


class NoticeKind(models.TextChoices):
    STEP_DUE = "step_due", _("recruitment step due")
    FILING_OVERDUE = "filing_overdue", _("filing overdue")
    TASK = "task", _("task handed down")
    FOLLOW_UP = "follow_up", _("follow-up assigned")
    RATING_DUE = "rating_due", _("rating due")
    MEETING_OVERDUE = "meeting_overdue", _("meeting overdue")
    OBSERVATION = "observation", _("observation of a lesson")
    DRAFT = "draft", _("draft to finish")
    REQUEST = "request", _("request to decide")
    RENEWAL = "renewal", _("agreement to renew")


@dataclass(frozen=True)
class Notice:
    """One thing for the user to act on. ``key`` is stable while the thing is the same (it marks
    the notice read); ``due`` orders the inbox (soonest first, undated last)."""

    key: str
    kind: NoticeKind
    title: Promise | str
    url: str
    due: dt.date | None = None
    overdue: bool = False
    read: bool = False


Source = Callable[[School, Any, dt.date], Iterable[Notice]]
_sources: Sources[Source] = Sources("notices")
# ``@source`` registers a function that says what concerns a user at a school.
source = _sources.register
autodiscover = _sources.autodiscover


def notices_for(*, school: School, user: Any, day: dt.date) -> list[Notice]:
    """The user's notices at the school: overdue first, then by due day; each marked read or
    not. An anonymous user or one without a school has none."""
    if school is None or not user.is_authenticated:
        return []
    found = [notice for function in _sources for notice in function(school, user, day)]
    read = set(
        NoticeRead.objects.filter(
            school=school, user=user, key__in=[notice.key for notice in found]
        ).values_list("key", flat=True)
    )
    marked = [replace(notice, read=notice.key in read) for notice in found]
    return sorted(
        marked,
        key=lambda notice: (
            not notice.overdue,
            notice.due is None,
            notice.due or dt.date.max,
            str(notice.title),
        ),
    )


def unread_count(notices: Iterable[Notice]) -> int:
    return sum(1 for notice in notices if not notice.read)
