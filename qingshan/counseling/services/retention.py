"""Purging closed cases whose retention ran out.

Invariant: a purged case leaves no row of its own (sessions, referrals, crisis steps, the case)
and exactly one ``Purge`` row with its number and dates (and the days of its sessions and
referrals, which the yearly figures count); its read log stays (the case link set to
empty), so the yearly pack still says who read it. Nothing open or still kept is purged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from qingshan.core.models import School
from qingshan.counseling.enums import CaseState, SessionKind
from qingshan.counseling.models import Case, Purge


def due_for_purge(school: School, today: dt.date) -> Any:
    return Case.objects.for_school(school).filter(state=CaseState.CLOSED, retain_until__lt=today)


@transaction.atomic
def purge_due(*, school: School, today: dt.date | None = None, actor: Any = None) -> list[Purge]:
    today = today or timezone.localdate()
    purges = []
    # Locked: two retention runs at once must not both purge (and log) the same case.
    for case in due_for_purge(school, today).select_for_update().order_by("pk"):
        rows = 1 + case.sessions.count() + case.referrals.count() + case.crisis_actions.count()
        number, opened_on, closed_on = case.number, case.opened_on, case.closed_on
        held = case.sessions.filter(kind=SessionKind.SESSION).values_list("starts_at", flat=True)
        sessions = [timezone.localdate(when).isoformat() for when in held]
        referrals = [
            day.isoformat() for day in case.referrals.values_list("referred_on", flat=True)
        ]
        assert closed_on is not None
        case.counselors.clear()
        case.delete()
        purges.append(
            Purge.objects.create(
                school=school,
                case_number=number,
                opened_on=opened_on,
                closed_on=closed_on,
                purged_at=timezone.now(),
                rows=rows,
                sessions=sessions,
                referrals=referrals,
                purged_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
        )
    return purges
