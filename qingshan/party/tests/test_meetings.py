"""三会一课 and the political study: recording, attendance, study hours and compliance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qingshan.core.errors import DomainError
from qingshan.party.enums import (
    AbsenceReason,
    AttendanceStatus,
    GroupKind,
    MeetingKind,
    MemberStatus,
)
from qingshan.party.models import Attendance, Meeting
from qingshan.party.selectors import meetings as selectors
from qingshan.party.selectors.meetings import AttendanceSummary, ComplianceStatus
from qingshan.party.services import meetings as services
from tests.party_factories import BranchFactory, MemberFactory, PartyGroupFactory

D = Decimal
PRESENT, EXCUSED, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)
HELD, DUE, OVERDUE = ComplianceStatus.HELD, ComplianceStatus.DUE, ComplianceStatus.OVERDUE


@pytest.fixture
def branch(school: Any) -> Any:
    return BranchFactory(school=school, name="青山党支部")


def _meeting(branch: Any, kind: str = MeetingKind.MEMBERS_MEETING, **fields: Any) -> Any:
    fields.setdefault("date", dt.date(2024, 3, 6))
    fields.setdefault("topic", "学习党章")
    return services.record_meeting(branch=branch, kind=kind, **fields)


def _study(branch: Any, day: dt.date, **fields: Any) -> Any:
    fields.setdefault("moderator", MemberFactory(school=branch.school))
    return _meeting(
        branch,
        MeetingKind.POLITICAL_STUDY,
        date=day,
        content="习近平新时代中国特色社会主义思想",
        **fields,
    )


# --- record_meeting -------------------------------------------------------------------------


def test_record_meeting_saves_a_members_meeting_of_the_branch(school: Any, branch: Any) -> None:
    meeting = _meeting(branch, topic="第一季度党员大会")

    assert (meeting.school, meeting.branch, meeting.topic, meeting.hours, meeting.group) == (
        school,
        branch,
        "第一季度党员大会",
        D("1"),
        None,
    )


def test_a_group_meeting_without_a_group_is_refused(branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, MeetingKind.GROUP_MEETING)

    assert error.value.messages == ["A party group meeting names the party group that met."]
    assert Meeting.objects.count() == 0


def test_a_group_meeting_of_a_group_of_the_branch_is_recorded(branch: Any) -> None:
    group = PartyGroupFactory(branch=branch)

    meeting = _meeting(branch, MeetingKind.GROUP_MEETING, group=group)

    assert meeting.group == group


def test_a_group_meeting_of_another_schools_group_is_refused(
    branch: Any, other_school: Any
) -> None:
    foreign = PartyGroupFactory(branch=BranchFactory(school=other_school), name="外校小组")

    with pytest.raises(DomainError) as error:
        _meeting(branch, MeetingKind.GROUP_MEETING, group=foreign)

    assert error.value.messages == ["外校小组 belongs to another school."]
    assert Meeting.objects.filter(branch=branch).count() == 0


@pytest.mark.parametrize(
    "kind",
    [
        MeetingKind.MEMBERS_MEETING,
        MeetingKind.COMMITTEE_MEETING,
        MeetingKind.PARTY_LESSON,
    ],
)
def test_a_meeting_other_than_a_group_meeting_with_a_group_is_refused(
    branch: Any, kind: str
) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, kind, group=PartyGroupFactory(branch=branch))

    assert error.value.messages == ["Only a party group meeting names a party group."]
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize("status", [MemberStatus.PROBATIONARY, MemberStatus.FULL])
def test_an_active_member_may_moderate(school: Any, branch: Any, status: str) -> None:
    moderator = MemberFactory(school=school, status=status, full_on=None)

    meeting = _meeting(branch, moderator=moderator)

    assert meeting.moderator == moderator


@pytest.mark.parametrize(
    "status", [MemberStatus.TRANSFERRED_OUT, MemberStatus.LEFT, MemberStatus.DECEASED]
)
def test_an_inactive_member_may_not_moderate(school: Any, branch: Any, status: str) -> None:
    moderator = MemberFactory(school=school, status=status, name="王刚")

    with pytest.raises(DomainError) as error:
        _meeting(branch, moderator=moderator)

    assert error.value.messages == ["王刚 is not an active member and cannot moderate a meeting."]
    assert Meeting.objects.count() == 0


def test_an_archived_member_may_not_moderate(school: Any, branch: Any) -> None:
    moderator = MemberFactory(school=school, name="王刚", archived_at=timezone.now())

    with pytest.raises(DomainError):
        _meeting(branch, moderator=moderator)

    assert Meeting.objects.count() == 0


def test_a_member_of_another_school_may_not_moderate(branch: Any, other_school: Any) -> None:
    stranger = MemberFactory(school=other_school, name="外校党员")

    with pytest.raises(DomainError) as error:
        _meeting(branch, moderator=stranger)

    assert error.value.messages == ["外校党员 belongs to another school."]
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("hours", "allowed"),
    [("-1", False), ("0", False), ("0.1", True), ("12", True), ("12.1", False)],
)
def test_a_meeting_lasts_more_than_0_and_at_most_12_hours(
    branch: Any, hours: str, allowed: bool
) -> None:
    if allowed:
        assert _meeting(branch, hours=D(hours)).hours == D(hours)
        return
    with pytest.raises(DomainError) as error:
        _meeting(branch, hours=D(hours))

    assert error.value.messages == ["A meeting lasts more than 0 and at most 12 hours."]
    assert Meeting.objects.count() == 0


def test_a_political_study_with_content_and_moderator_is_recorded(school: Any, branch: Any) -> None:
    moderator = MemberFactory(school=school)

    meeting = _meeting(
        branch, MeetingKind.POLITICAL_STUDY, content="《党章》第一章", moderator=moderator
    )

    assert (meeting.kind, meeting.content, meeting.moderator) == (
        MeetingKind.POLITICAL_STUDY,
        "《党章》第一章",
        moderator,
    )


def test_a_political_study_without_content_is_refused(school: Any, branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(
            branch,
            MeetingKind.POLITICAL_STUDY,
            content="  ",
            moderator=MemberFactory(school=school),
        )

    assert error.value.messages == ["A political study records the content studied."]
    assert Meeting.objects.count() == 0


def test_a_political_study_without_a_moderator_is_refused(branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, MeetingKind.POLITICAL_STUDY, content="《党章》第一章")

    assert error.value.messages == ["A political study names its moderator."]
    assert Meeting.objects.count() == 0


def test_votes_with_a_motion_are_recorded(branch: Any) -> None:
    meeting = _meeting(branch, motion="接收李红为预备党员", yes_votes=5, no_votes=0, abstentions=1)

    assert (meeting.yes_votes, meeting.no_votes, meeting.abstentions) == (5, 0, 1)


def test_votes_without_a_motion_are_refused(branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, yes_votes=5)

    assert error.value.messages == ["Votes are recorded only together with the motion voted on."]
    assert Meeting.objects.count() == 0


def test_negative_votes_are_refused(branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, motion="表决", yes_votes=3, no_votes=-1)

    assert error.value.messages == ["A number of votes cannot be negative."]
    assert Meeting.objects.count() == 0


def test_a_meeting_without_a_topic_is_refused_as_a_domain_error(branch: Any) -> None:
    with pytest.raises(DomainError) as error:
        _meeting(branch, topic="")

    assert error.value.message_dict == {"topic": ["This field cannot be blank."]}
    assert Meeting.objects.count() == 0


# --- update_meeting -------------------------------------------------------------------------


def test_update_meeting_changes_only_the_given_fields(branch: Any) -> None:
    meeting = _meeting(branch, topic="旧议题", location="会议室")

    services.update_meeting(meeting=meeting, topic="新议题", hours=D("2.5"))

    meeting.refresh_from_db()
    assert (meeting.topic, meeting.hours, meeting.location) == ("新议题", D("2.5"), "会议室")


def test_update_meeting_checks_the_rules_again(branch: Any) -> None:
    meeting = _meeting(branch, topic="旧议题")

    with pytest.raises(DomainError) as error:
        services.update_meeting(meeting=meeting, topic="新议题", kind=MeetingKind.GROUP_MEETING)

    meeting.refresh_from_db()
    assert error.value.messages == ["A party group meeting names the party group that met."]
    assert (meeting.topic, meeting.kind) == ("旧议题", MeetingKind.MEMBERS_MEETING)


def test_update_meeting_cannot_move_a_meeting_to_another_branch(
    branch: Any, other_school: Any
) -> None:
    meeting = _meeting(branch)

    with pytest.raises(TypeError):
        services.update_meeting(meeting=meeting, branch=BranchFactory(school=other_school))


def test_update_meeting_refuses_an_archived_meeting(branch: Any) -> None:
    meeting = _meeting(branch, topic="旧议题")
    meeting.archived_at = timezone.now()
    meeting.save()

    with pytest.raises(DomainError) as error:
        services.update_meeting(meeting=meeting, topic="新议题")

    assert error.value.messages == ["An archived meeting cannot be changed; restore it first."]


def _with_attendance(branch: Any, present: int, absent: int = 0) -> tuple[Any, list[Any]]:
    meeting = _meeting(branch, motion="表决")
    members = [MemberFactory(school=branch.school) for _ in range(present + absent)]
    statuses = dict.fromkeys(members[:present], PRESENT) | dict.fromkeys(members[present:], ABSENT)
    services.set_attendance(meeting=meeting, statuses=statuses)
    return meeting, members


def test_update_meeting_allows_as_many_votes_as_members_present(branch: Any) -> None:
    meeting, _members = _with_attendance(branch, present=3, absent=2)

    services.update_meeting(meeting=meeting, yes_votes=2, no_votes=0, abstentions=1)

    meeting.refresh_from_db()
    assert meeting.yes_votes == 2


def test_update_meeting_refuses_more_votes_than_members_present(branch: Any) -> None:
    meeting, _members = _with_attendance(branch, present=3, absent=2)

    with pytest.raises(DomainError) as error:
        services.update_meeting(meeting=meeting, yes_votes=2, no_votes=1, abstentions=1)

    meeting.refresh_from_db()
    assert error.value.messages == ["The votes (4) are more than the members present (3)."]
    assert meeting.yes_votes is None


# --- set_attendance -------------------------------------------------------------------------


def _listed(meeting: Any) -> dict[str, str]:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("member__name", "status"))


def test_set_attendance_records_the_list(school: Any, branch: Any) -> None:
    meeting = _meeting(branch)
    a, b, c = (MemberFactory(school=school, name=name) for name in ("甲", "乙", "丙"))

    services.set_attendance(meeting=meeting, statuses={a: PRESENT, b: EXCUSED, c: ABSENT})

    assert _listed(meeting) == {"甲": PRESENT, "乙": EXCUSED, "丙": ABSENT}
    assert set(Attendance.objects.values_list("school", flat=True)) == {school.pk}


def test_set_attendance_replaces_the_list(school: Any, branch: Any) -> None:
    meeting = _meeting(branch)
    a, b, c = (MemberFactory(school=school, name=name) for name in ("甲", "乙", "丙"))
    services.set_attendance(meeting=meeting, statuses={a: PRESENT, b: PRESENT})

    services.set_attendance(meeting=meeting, statuses={a: EXCUSED, c: PRESENT})

    assert _listed(meeting) == {"甲": EXCUSED, "丙": PRESENT}


def test_set_attendance_refuses_a_member_of_another_school(
    school: Any, branch: Any, other_school: Any
) -> None:
    meeting = _meeting(branch)
    own = MemberFactory(school=school, name="甲")
    stranger = MemberFactory(school=other_school, name="外校党员")
    services.set_attendance(meeting=meeting, statuses={own: PRESENT})

    with pytest.raises(DomainError) as error:
        services.set_attendance(meeting=meeting, statuses={own: ABSENT, stranger: PRESENT})

    assert error.value.messages == ["外校党员 belongs to another school."]
    assert _listed(meeting) == {"甲": PRESENT}


def test_set_attendance_refuses_an_unknown_status(school: Any, branch: Any) -> None:
    meeting = _meeting(branch)

    with pytest.raises(DomainError) as error:
        services.set_attendance(meeting=meeting, statuses={MemberFactory(school=school): "late"})

    assert error.value.messages == ["late is not an attendance status."]
    assert Attendance.objects.count() == 0


def test_set_attendance_allows_as_many_present_as_votes(school: Any, branch: Any) -> None:
    meeting = _meeting(branch, motion="表决", yes_votes=2, no_votes=1)
    members = [MemberFactory(school=school) for _ in range(4)]

    services.set_attendance(
        meeting=meeting, statuses={**dict.fromkeys(members[:3], PRESENT), members[3]: ABSENT}
    )

    assert Attendance.objects.filter(meeting=meeting).count() == 4


def test_set_attendance_refuses_fewer_present_than_votes(school: Any, branch: Any) -> None:
    meeting = _meeting(branch, motion="表决", yes_votes=2, no_votes=1)
    members = [MemberFactory(school=school) for _ in range(4)]

    with pytest.raises(DomainError) as error:
        services.set_attendance(
            meeting=meeting,
            statuses={**dict.fromkeys(members[:2], PRESENT), **dict.fromkeys(members[2:], ABSENT)},
        )

    assert error.value.messages == ["The votes (3) are more than the members present (2)."]
    assert Attendance.objects.count() == 0


# --- take_roll_call ---------------------------------------------------------------------------


def _statuses(meeting: Any) -> dict[str, tuple[str, str]]:
    rows = Attendance.objects.filter(meeting=meeting).values_list(
        "member__name", "status", "absence_reason"
    )
    return {name: (status, reason) for name, status, reason in rows}


def test_roll_call_marks_everyone_present_but_the_absentees_with_their_reasons(
    school: Any, branch: Any
) -> None:
    meeting = _meeting(branch)
    _here, leave, sick, away, truant = (
        MemberFactory(school=school, name=name) for name in ("到", "假", "病", "差", "缺")
    )
    MemberFactory(school=school, name="已故", status=MemberStatus.DECEASED)

    services.take_roll_call(
        meeting=meeting,
        absences={
            leave: AbsenceReason.LEAVE,
            sick: AbsenceReason.SICK,
            away: AbsenceReason.AWAY,
            truant: "",
        },
    )

    assert _statuses(meeting) == {
        "到": (PRESENT, ""),
        "假": (EXCUSED, "leave"),
        "病": (EXCUSED, "sick"),
        "差": (EXCUSED, "away"),
        "缺": (ABSENT, ""),
    }
    summary = selectors.attendance_summary(meeting)
    assert (summary.present, summary.excused, summary.absent) == (1, 3, 1)
    assert summary.reasons == (("on leave", 1), ("sick", 1), ("away on duty", 1))


def test_roll_call_with_nobody_absent_marks_all_present_and_clears_reasons(
    school: Any, branch: Any
) -> None:
    meeting = _meeting(branch)
    first, second = MemberFactory(school=school, name="甲"), MemberFactory(school=school, name="乙")
    services.take_roll_call(meeting=meeting, absences={first: AbsenceReason.SICK})

    services.take_roll_call(meeting=meeting, absences={})

    assert _statuses(meeting) == {"甲": (PRESENT, ""), "乙": (PRESENT, "")}
    assert second is not None


@pytest.mark.parametrize("problem", ["unknown reason", "other school", "not active", "votes"])
def test_a_refused_roll_call_changes_nothing(
    school: Any, other_school: Any, branch: Any, problem: str
) -> None:
    meeting = _meeting(branch, motion="表决", yes_votes=2)
    first, second = MemberFactory(school=school, name="甲"), MemberFactory(school=school, name="乙")
    services.take_roll_call(meeting=meeting, absences={})
    absences: dict[Any, str] = {
        "unknown reason": {first: "holiday"},
        "other school": {MemberFactory(school=other_school): AbsenceReason.SICK},
        "not active": {MemberFactory(school=school, status=MemberStatus.LEFT): ""},
        "votes": {first: AbsenceReason.LEAVE, second: ""},
    }[problem]

    with pytest.raises(DomainError):
        services.take_roll_call(meeting=meeting, absences=absences)

    assert _statuses(meeting) == {"甲": (PRESENT, ""), "乙": (PRESENT, "")}


def test_roll_call_keeps_the_rows_of_members_no_longer_active(school: Any, branch: Any) -> None:
    meeting = _meeting(branch)
    gone = MemberFactory(school=school, name="调出")
    services.set_attendance(meeting=meeting, statuses={gone: ABSENT})
    gone.status = MemberStatus.TRANSFERRED_OUT
    gone.save()
    MemberFactory(school=school, name="在册")

    services.take_roll_call(meeting=meeting, absences={})

    assert _statuses(meeting) == {"调出": (ABSENT, ""), "在册": (PRESENT, "")}


# --- meetings, attendance_summary, study_hours ------------------------------------------------


def test_meetings_lists_the_schools_meetings_and_aggregates_nothing(
    school: Any, branch: Any, other_school: Any
) -> None:
    meeting, _members = _with_attendance(branch, present=2, absent=1)
    _meeting(BranchFactory(school=other_school))

    listed = selectors.meetings(school)

    assert [m.pk for m in listed] == [meeting.pk]
    assert "GROUP BY" not in str(listed.query)  # a page is cut before anything is counted
    assert selectors.attendance_summary(meeting).present == 2


def _list_queries(school: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        seen = [(m.branch.name, str(m.group), str(m.moderator)) for m in selectors.meetings(school)]
    assert seen
    return len(captured)


def test_meetings_query_count_does_not_grow_with_rows(school: Any, branch: Any) -> None:
    group = PartyGroupFactory(branch=branch)
    _study(branch, dt.date(2024, 3, 6))
    one = _list_queries(school)
    _meeting(branch, MeetingKind.GROUP_MEETING, group=group, moderator=MemberFactory(school=school))
    _study(branch, dt.date(2024, 3, 13))

    assert _list_queries(school) == one


def test_attendance_summary_counts_the_list(school: Any, branch: Any) -> None:
    meeting = _meeting(branch)
    members = [MemberFactory(school=school) for _ in range(6)]
    statuses = [PRESENT, PRESENT, PRESENT, EXCUSED, ABSENT, ABSENT]
    services.set_attendance(meeting=meeting, statuses=dict(zip(members, statuses, strict=True)))

    with CaptureQueriesContext(connection) as captured:
        summary = selectors.attendance_summary(meeting)

    assert summary == AttendanceSummary(should_attend=6, present=3, excused=1, absent=2)
    assert len(captured) == 1


def test_study_hours_sum_studies_and_lessons_attended_in_the_year(
    school: Any, branch: Any, other_school: Any
) -> None:
    keen, excused = MemberFactory(school=school), MemberFactory(school=school)
    meetings = [
        _study(branch, dt.date(2024, 3, 6), hours=D("1.5")),
        _meeting(branch, MeetingKind.PARTY_LESSON, date=dt.date(2024, 6, 1), hours=D("2")),
        _meeting(branch, MeetingKind.MEMBERS_MEETING, date=dt.date(2024, 6, 2), hours=D("3")),
        _study(branch, dt.date(2023, 12, 27), hours=D("4")),
    ]
    archived = _study(branch, dt.date(2024, 3, 13), hours=D("5"))
    for meeting in [*meetings, archived]:
        services.set_attendance(meeting=meeting, statuses={keen: PRESENT, excused: EXCUSED})
    archived.archived_at = timezone.now()
    archived.save()
    foreign_branch = BranchFactory(school=other_school)
    stranger = MemberFactory(school=other_school)
    services.set_attendance(
        meeting=_study(foreign_branch, dt.date(2024, 3, 6)), statuses={stranger: PRESENT}
    )

    hours = selectors.study_hours(school=school, year=2024)

    assert hours == {keen.pk: D("3.5")}


# --- meeting_compliance ---------------------------------------------------------------------


def _rows(branch: Any, start: dt.date, end: dt.date, today: dt.date) -> dict[tuple[str, str], Any]:
    rows = selectors.meeting_compliance(branch=branch, start=start, end=end, today=today)
    return {(row.organisation, row.kind): row for row in rows}


YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_compliance_quarters_held_overdue_and_due(branch: Any) -> None:
    _meeting(branch, date=dt.date(2024, 5, 6))

    row = _rows(branch, *YEAR, today=dt.date(2024, 8, 10))[("青山党支部", "members_meeting")]

    assert [(w.start, w.end, w.status) for w in row.windows] == [
        (dt.date(2024, 1, 1), dt.date(2024, 3, 31), OVERDUE),
        (dt.date(2024, 4, 1), dt.date(2024, 6, 30), HELD),
        (dt.date(2024, 7, 1), dt.date(2024, 9, 30), DUE),
        (dt.date(2024, 10, 1), dt.date(2024, 12, 31), DUE),
    ]
    assert (row.expected, row.held, row.missing, row.upcoming) == (2, 1, 1, 2)
    assert (row.last_held, row.status) == (dt.date(2024, 5, 6), DUE)
    assert row.group is None


def test_compliance_current_quarter_with_a_meeting_is_held(branch: Any) -> None:
    _meeting(branch, date=dt.date(2024, 7, 1))
    _meeting(branch, date=dt.date(2024, 8, 9))

    row = _rows(branch, *YEAR, today=dt.date(2024, 8, 10))[("青山党支部", "members_meeting")]

    assert (row.expected, row.held, row.missing, row.upcoming) == (3, 1, 2, 1)
    assert (row.extra, row.last_held, row.status) == (1, dt.date(2024, 8, 9), HELD)


def test_compliance_last_quarter_of_a_past_period_without_a_meeting_is_overdue(
    branch: Any,
) -> None:
    for day in (dt.date(2024, 2, 1), dt.date(2024, 5, 1), dt.date(2024, 8, 1)):
        _meeting(branch, date=day)

    row = _rows(branch, *YEAR, today=dt.date(2025, 1, 10))[("青山党支部", "members_meeting")]

    assert (row.expected, row.held, row.missing, row.status) == (4, 3, 1, OVERDUE)


def test_compliance_held_and_missed_quarters_add_up_to_those_due(branch: Any) -> None:
    # Two meetings in the first quarter, none in the second, one late in the third: the second
    # of the first quarter is an extra meeting, not a second quarter held.
    for day in (dt.date(2024, 1, 10), dt.date(2024, 3, 20), dt.date(2024, 9, 28)):
        _meeting(branch, date=day)

    row = _rows(branch, *YEAR, today=dt.date(2024, 10, 15))[("青山党支部", "members_meeting")]

    assert (row.expected, row.held, row.missing) == (3, 2, 1)
    assert row.held + row.missing == row.expected
    assert row.expected + row.upcoming == len(row.windows) == 4
    assert (row.extra, row.outside) == (1, 0)


def test_compliance_page_shows_held_missed_and_extra_meetings_apart(
    branch: Any, client_for: Any
) -> None:
    from django.urls import reverse

    from qingshan.accounts.enums import Role

    today = timezone.localdate()
    first_quarter = dt.date(today.year, 1, 1)
    for _n in range(3):
        _meeting(branch, date=first_quarter)

    page = (
        client_for(Role.SECRETARY, branch.school)
        .get(reverse("party:compliance"), {"year": today.year})
        .content.decode()
    )

    assert "held + missed = due" in page
    assert 'data-extra="2"' in page


def test_compliance_a_quarter_is_due_until_its_last_day(branch: Any) -> None:
    row_on_last_day = _rows(branch, *YEAR, today=dt.date(2024, 3, 31))
    row_next_day = _rows(branch, *YEAR, today=dt.date(2024, 4, 1))

    key = ("青山党支部", "members_meeting")
    assert row_on_last_day[key].windows[0].status == DUE
    assert row_next_day[key].windows[0].status == OVERDUE


def test_compliance_does_not_count_meetings_after_today_or_archived(branch: Any) -> None:
    _meeting(branch, date=dt.date(2024, 9, 1))
    archived = _meeting(branch, date=dt.date(2024, 7, 2))
    archived.archived_at = timezone.now()
    archived.save()

    row = _rows(branch, *YEAR, today=dt.date(2024, 8, 10))[("青山党支部", "members_meeting")]

    assert (row.held, row.last_held, row.status) == (0, None, DUE)


def test_compliance_last_held_reaches_before_the_period(branch: Any) -> None:
    _meeting(branch, date=dt.date(2023, 11, 20))

    row = _rows(branch, *YEAR, today=dt.date(2024, 2, 1))[("青山党支部", "members_meeting")]

    assert (row.held, row.last_held) == (0, dt.date(2023, 11, 20))


def test_compliance_follows_the_branchs_cadence(school: Any) -> None:
    branch = BranchFactory(
        school=school, name="青山党支部", committee_meeting_months=2, party_lesson_months=6
    )
    _meeting(branch, MeetingKind.PARTY_LESSON, date=dt.date(2024, 6, 30))

    rows = _rows(branch, *YEAR, today=dt.date(2024, 12, 1))

    committee = rows[("青山党支部", "committee_meeting")]
    lesson = rows[("青山党支部", "party_lesson")]
    assert (committee.expected, committee.missing, committee.upcoming) == (5, 5, 1)
    assert [(w.start, w.status) for w in lesson.windows] == [
        (dt.date(2024, 1, 1), HELD),
        (dt.date(2024, 7, 1), DUE),
    ]


def test_compliance_leaves_out_a_kind_with_a_cadence_of_0(school: Any) -> None:
    branch = BranchFactory(school=school, name="青山党支部", committee_meeting_months=0)

    rows = _rows(branch, *YEAR, today=dt.date(2024, 12, 1))

    assert ("青山党支部", "committee_meeting") not in rows


def test_compliance_study_is_weekly_by_iso_week(branch: Any) -> None:
    _study(branch, dt.date(2024, 1, 3))  # Wednesday of week 1

    row = _rows(branch, dt.date(2024, 1, 1), dt.date(2024, 1, 21), today=dt.date(2024, 1, 17))[
        ("青山党支部", "political_study")
    ]

    assert [(w.start, w.end, w.status) for w in row.windows] == [
        (dt.date(2024, 1, 1), dt.date(2024, 1, 7), HELD),
        (dt.date(2024, 1, 8), dt.date(2024, 1, 14), OVERDUE),
        (dt.date(2024, 1, 15), dt.date(2024, 1, 21), DUE),
    ]
    assert (row.expected, row.held, row.missing, row.upcoming, row.status) == (2, 1, 1, 1, DUE)


def test_compliance_a_study_week_straddling_new_year_is_judged_whole(branch: Any) -> None:
    _study(branch, dt.date(2024, 12, 31))  # Tuesday; the ISO week runs 30 Dec to 5 Jan

    row = _rows(branch, dt.date(2025, 1, 1), dt.date(2025, 1, 12), today=dt.date(2025, 1, 13))[
        ("青山党支部", "political_study")
    ]

    assert [(w.start, w.status) for w in row.windows] == [
        (dt.date(2024, 12, 30), HELD),
        (dt.date(2025, 1, 6), OVERDUE),
    ]
    assert (row.expected, row.held, row.missing, row.outside) == (2, 1, 1, 1)
    assert (row.last_held, row.status) == (dt.date(2024, 12, 31), OVERDUE)


def test_compliance_has_a_row_per_standing_group(school: Any, branch: Any) -> None:
    first = PartyGroupFactory(branch=branch, name="第一党小组", sort_order=1)
    second = PartyGroupFactory(branch=branch, name="第二党小组", sort_order=2)
    PartyGroupFactory(branch=branch, name="培训班小组", kind=GroupKind.TRAINING_COHORT)
    for day in (dt.date(2024, 1, 9), dt.date(2024, 2, 9), dt.date(2024, 3, 9)):
        _meeting(branch, MeetingKind.GROUP_MEETING, group=first, date=day)
    _meeting(branch, MeetingKind.GROUP_MEETING, group=second, date=dt.date(2024, 2, 20))

    rows = selectors.meeting_compliance(
        branch=branch,
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 3, 31),
        today=dt.date(2024, 4, 10),
    )

    group_rows = [row for row in rows if row.kind == MeetingKind.GROUP_MEETING]
    assert [
        (row.organisation, row.group, row.expected, row.held, row.missing, row.status)
        for row in group_rows
    ] == [
        ("第一党小组", first, 3, 3, 0, HELD),
        ("第二党小组", second, 3, 1, 2, OVERDUE),
    ]
    assert [row.kind for row in rows] == [
        "members_meeting",
        "committee_meeting",
        "party_lesson",
        "political_study",
        "group_meeting",
        "group_meeting",
    ]


def test_compliance_status_is_due_before_the_period_begins(branch: Any) -> None:
    rows = selectors.meeting_compliance(
        branch=branch, start=YEAR[0], end=YEAR[1], today=dt.date(2023, 12, 1)
    )

    assert {row.status for row in rows} == {DUE}
    assert {row.missing for row in rows} == {0}


def test_compliance_refuses_a_period_ending_before_it_starts(branch: Any) -> None:
    with pytest.raises(ValueError):
        selectors.meeting_compliance(
            branch=branch, start=YEAR[1], end=YEAR[0], today=dt.date(2024, 6, 1)
        )


def _compliance_queries(branch: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = selectors.meeting_compliance(
            branch=branch, start=YEAR[0], end=YEAR[1], today=dt.date(2024, 6, 1)
        )
        [str(row.group) for row in rows]
    return len(captured)


def test_compliance_query_count_does_not_grow_with_groups_or_meetings(branch: Any) -> None:
    group = PartyGroupFactory(branch=branch)
    _meeting(branch, MeetingKind.GROUP_MEETING, group=group)
    one = _compliance_queries(branch)
    for _ in range(2):
        other = PartyGroupFactory(branch=branch)
        _meeting(branch, MeetingKind.GROUP_MEETING, group=other)
        _study(branch, dt.date(2024, 4, 3))

    assert _compliance_queries(branch) == one
