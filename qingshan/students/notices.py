"""What students' paths put in an inbox: roll changes waiting for the school's decision or the
bureau's reply (for the roll keepers), choices waiting in a window, and a student's own choice
once decided."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from qingshan.core.models import School
from qingshan.core.notices import Notice, NoticeKind, source
from qingshan.students.enums import ChangeStatus, ChoiceStatus
from qingshan.students.models import ChoiceRequest, RollChange
from qingshan.students.selectors.paths import student_of_user

SHOWN = 20


@source
def changes_to_decide(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("students.manage", school):
        return
    waiting = (
        RollChange.objects.for_school(school)
        .filter(status__in=(ChangeStatus.REQUESTED, ChangeStatus.AWAITING_BUREAU))
        .select_related("student")
        .order_by("effective_on", "pk")
    )
    for row in waiting[:SHOWN]:
        title = (
            _("%(student)s: %(kind)s waits for the bureau's reply")
            if row.status == ChangeStatus.AWAITING_BUREAU
            else _("%(student)s asks for %(kind)s")
        )
        yield Notice(
            key=f"students.change:{row.pk}:{row.status}",
            kind=NoticeKind.REQUEST,
            title=title % {"student": row.student, "kind": row.get_kind_display()},
            url=reverse("students:change_detail", args=[row.pk]),
            due=row.effective_on,
        )
    choices = (
        ChoiceRequest.objects.for_school(school)
        .filter(status=ChoiceStatus.REQUESTED, window__closes_on__lt=today)
        .select_related("window")
        .order_by("window__closes_on", "window_id")
        .distinct()
    )
    seen: set[int] = set()
    for choice in choices[:SHOWN]:
        if choice.window_id in seen:
            continue
        seen.add(choice.window_id)
        yield Notice(
            key=f"students.window:{choice.window_id}",
            kind=NoticeKind.REQUEST,
            title=_("Choices in “%(window)s” wait for assignment") % {"window": choice.window},
            url=reverse("students:window_demand", args=[choice.window_id]),
            due=choice.window.effective_on,
        )


@source
def my_choice_decided(school: School, user: Any, today: dt.date) -> Iterator[Notice]:
    if not user.has_perm("students.own_path", school):
        return
    student = student_of_user(school=school, user=user)
    if student is None:
        return
    decided = (
        ChoiceRequest.objects.filter(
            student=student,
            status__in=(ChoiceStatus.ASSIGNED, ChoiceStatus.NOT_ASSIGNED),
            decided_on__gte=today - dt.timedelta(days=30),
        )
        .select_related("offer__school_class")
        .order_by("-decided_on")
    )
    for row in decided[:SHOWN]:
        yield Notice(
            key=f"students.choice:{row.pk}:{row.status}",
            kind=NoticeKind.REQUEST,
            title=_("Your choice of %(offer)s: %(status)s")
            % {"offer": row.offer.school_class, "status": row.get_status_display()},
            url=reverse("students:choices_mine"),
        )
