"""The party's simple record types on the shared record pages (``core.records``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qingshan.core.models import School
from qingshan.core.records import Related, Resource
from qingshan.core.services import update_record
from qingshan.party import filters, forms
from qingshan.party.enums import AbsenceReason, AttendanceStatus
from qingshan.party.selectors import organisation as org_selectors
from qingshan.party.selectors.meetings import attendance_summary, meetings, roll
from qingshan.party.selectors.mentoring import pairs
from qingshan.party.services import organisation as org_services
from qingshan.party.services.meetings import record_meeting, update_meeting
from qingshan.party.services.mentoring import start_pair
from qingshan.party.work_forms import (
    ABSENT_WITHOUT_REASON,
    ROLL_CALL_PREFIX,
    MentoringCloseForm,
    MentoringLogForm,
    RollCallForm,
)


def _meetings(school: School) -> Any:
    return meetings(school)


def _pairs(school: School) -> Any:
    return pairs(school)


def _create_meeting(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    return record_meeting(branch=org_services.branch_or_refuse(school), **values)


def _update_meeting(*, record: Any, values: dict[str, Any]) -> Any:
    return update_meeting(meeting=record, **values)


def _create_pair(*, school: School, model: Any, values: dict[str, Any]) -> Any:
    return start_pair(**values)


def _update_pair(*, record: Any, values: dict[str, Any]) -> Any:
    return update_record(record=record, values=values)


def _meeting_extra(meeting: Any) -> dict[str, Any]:
    """The attendance list of a meeting: every active member with the status recorded, if any."""

    listed = {row.member_id: row for row in meeting.attendance.all()}
    members = list(roll(meeting.school))
    return {
        "attendance_rows": [
            {
                "member": member,
                "status": listed[member.pk].status if member.pk in listed else "",
                "reason": listed[member.pk].absence_reason if member.pk in listed else "",
            }
            for member in members
        ],
        "attendance_choices": AttendanceStatus.choices,
        "attendance_labels": dict(AttendanceStatus.choices),
        "reason_labels": dict(AbsenceReason.choices),
        "roll_call": _roll_call_form(meeting, members, listed),
        "summary": attendance_summary(meeting),
    }


def _roll_call_form(meeting: Any, members: Any, listed: dict[int, Any]) -> RollCallForm:
    """The roll call as recorded: absentees marked with their reason (or as absent)."""
    initial = {}
    for member in members:
        row = listed.get(member.pk)
        if row is not None and row.status == AttendanceStatus.EXCUSED and row.absence_reason:
            initial[f"{ROLL_CALL_PREFIX}{member.pk}"] = row.absence_reason
        elif row is not None and row.status != AttendanceStatus.PRESENT:
            initial[f"{ROLL_CALL_PREFIX}{member.pk}"] = ABSENT_WITHOUT_REASON
    return RollCallForm(members=members, initial=initial)


def _mentoring_extra() -> dict[str, Any]:
    return {"log_form": MentoringLogForm(), "close_form": MentoringCloseForm()}


def _resource(**options: Any) -> Resource:
    return Resource(
        namespace="party", view_permission="party.view", manage_permission="party.manage", **options
    )


RESOURCES: tuple[Resource, ...] = (
    _resource(
        key="member",
        selector=org_selectors.members,
        form_class=forms.MemberForm,
        filterset_class=filters.MemberFilter,
        columns=("name", "group", "status", "category", "joined_on", "full_on"),
        create=org_services.create_member,
        update=org_services.update_member,
        detail_template="party/member_detail.html",
        detail_extra=lambda record: {"departure_form": forms.DepartureForm()},
        related=(
            Related(
                _("Membership history"),
                lambda record: record.events.all(),
                ("date", "kind", "counterpart", "note"),
            ),
            Related(
                _("Committee duties"),
                lambda record: record.committee_seats.all(),
                ("duty", "start_on", "end_on"),
            ),
        ),
    ),
    _resource(
        key="group",
        selector=org_selectors.groups,
        form_class=forms.PartyGroupForm,
        filterset_class=filters.PartyGroupFilter,
        columns=("name", "kind", "leader"),
        create=org_services.create_group,
        related=(
            Related(
                _("Members"),
                lambda record: record.members.select_related("group"),
                ("name", "status", "category", "joined_on"),
            ),
        ),
    ),
    _resource(
        key="meeting",
        selector=_meetings,
        form_class=forms.MeetingForm,
        filterset_class=filters.MeetingFilter,
        columns=("date", "kind", "topic", "group", "moderator", "hours"),
        create=_create_meeting,
        update=_update_meeting,
        detail_template="party/meeting_detail.html",
        detail_extra=lambda record: _meeting_extra(record),
    ),
    _resource(
        key="mentoring",
        selector=_pairs,
        form_class=forms.MentoringPairForm,
        filterset_class=filters.MentoringPairFilter,
        columns=("mentor", "kind", "start_on", "end_on", "outcome"),
        create=_create_pair,
        update=_update_pair,
        detail_template="party/mentoring_detail.html",
        detail_extra=lambda record: _mentoring_extra(),
        related=(Related(_("Log"), lambda record: record.logs.all(), ("date", "note")),),
    ),
)

BY_KEY = {resource.key: resource for resource in RESOURCES}
