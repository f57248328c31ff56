"""Mentoring pairs (结对 / 传帮带): starting, logging, closing and counting outcomes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qingshan.core.errors import DomainError
from qingshan.party.enums import MemberStatus, MenteeKind, MentoringOutcome
from qingshan.party.models import MentoringLog, MentoringPair
from qingshan.party.selectors import mentoring as selectors
from qingshan.party.services import mentoring as services
from tests.factories import StaffFactory, StudentFactory
from tests.party_factories import MemberFactory, RecruitFactory

START = dt.date(2024, 9, 1)
MENTEE_FACTORY = {
    MenteeKind.YOUNG_TEACHER: ("mentee_staff", StaffFactory),
    MenteeKind.STUDENT: ("mentee_student", StudentFactory),
    MenteeKind.ACTIVIST: ("mentee_recruit", RecruitFactory),
}


def _mentee(kind: str, school: Any, **fields: Any) -> tuple[str, Any]:
    field, factory = MENTEE_FACTORY[kind]
    return field, factory(school=school, **fields)


def _pair(mentor: Any, kind: str = MenteeKind.YOUNG_TEACHER, **fields: Any) -> Any:
    if not any(name.startswith("mentee_") for name in fields):
        field, mentee = _mentee(kind, mentor.school)
        fields[field] = mentee
    fields.setdefault("start_on", START)
    return services.start_pair(mentor=mentor, kind=kind, **fields)


# --- start_pair -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MENTEE_FACTORY))
def test_start_pair_pairs_a_full_member_with_a_mentee_of_the_kind(school: Any, kind: str) -> None:
    mentor = MemberFactory(school=school)
    field, mentee = _mentee(kind, school)

    pair = services.start_pair(
        mentor=mentor, kind=kind, start_on=START, goal="一年内站稳讲台", **{field: mentee}
    )

    assert (pair.school, pair.mentor, pair.mentee, pair.kind, pair.outcome, pair.goal) == (
        school,
        mentor,
        mentee,
        kind,
        MentoringOutcome.ONGOING,
        "一年内站稳讲台",
    )


@pytest.mark.parametrize(
    ("kind", "mentee_kind"),
    [
        (MenteeKind.YOUNG_TEACHER, MenteeKind.STUDENT),
        (MenteeKind.STUDENT, MenteeKind.ACTIVIST),
        (MenteeKind.ACTIVIST, MenteeKind.YOUNG_TEACHER),
    ],
)
def test_start_pair_refuses_a_mentee_of_another_kind(
    school: Any, kind: str, mentee_kind: str
) -> None:
    field, mentee = _mentee(mentee_kind, school)

    with pytest.raises(DomainError) as error:
        _pair(MemberFactory(school=school), kind, **{field: mentee})

    label = MenteeKind(kind).label
    assert error.value.messages == [f"A pairing with a {label} takes a {label} as mentee."]
    assert MentoringPair.objects.count() == 0


def test_start_pair_refuses_no_mentee(school: Any) -> None:
    with pytest.raises(DomainError) as error:
        services.start_pair(
            mentor=MemberFactory(school=school), kind=MenteeKind.YOUNG_TEACHER, start_on=START
        )

    assert error.value.messages == [
        "Name exactly one mentee: a young teacher, a student or an activist."
    ]


def test_start_pair_refuses_two_mentees(school: Any) -> None:
    with pytest.raises(DomainError) as error:
        _pair(
            MemberFactory(school=school),
            mentee_staff=StaffFactory(school=school),
            mentee_student=StudentFactory(school=school),
        )

    assert error.value.messages == [
        "Name exactly one mentee: a young teacher, a student or an activist."
    ]
    assert MentoringPair.objects.count() == 0


@pytest.mark.parametrize(
    "status", [MemberStatus.PROBATIONARY, MemberStatus.TRANSFERRED_OUT, MemberStatus.LEFT]
)
def test_start_pair_refuses_a_mentor_who_is_not_an_active_full_member(
    school: Any, status: str
) -> None:
    mentor = MemberFactory(school=school, name="王刚", status=status, full_on=None)

    with pytest.raises(DomainError) as error:
        _pair(mentor)

    assert error.value.messages == ["王刚 is not an active full member and cannot be a mentor."]
    assert MentoringPair.objects.count() == 0


def test_start_pair_refuses_an_archived_mentor(school: Any) -> None:
    mentor = MemberFactory(school=school, name="王刚", archived_at=timezone.now())

    with pytest.raises(DomainError):
        _pair(mentor)

    assert MentoringPair.objects.count() == 0


def test_start_pair_refuses_a_mentor_of_another_school(school: Any, other_school: Any) -> None:
    stranger = MemberFactory(school=other_school, name="外校党员")
    teacher = StaffFactory(school=school, name="李老师")

    with pytest.raises(DomainError) as error:
        _pair(stranger, mentee_staff=teacher)

    assert error.value.messages == ["外校党员 and 李老师 belong to different schools."]
    assert MentoringPair.objects.count() == 0


def test_start_pair_refuses_a_member_mentoring_their_own_staff_record(school: Any) -> None:
    teacher = StaffFactory(school=school)
    mentor = MemberFactory(school=school, staff=teacher)

    with pytest.raises(DomainError) as error:
        _pair(mentor, mentee_staff=teacher)

    assert error.value.messages == ["A member cannot mentor themselves."]


def test_start_pair_refuses_a_second_open_pair_of_the_same_mentor_and_mentee(
    school: Any,
) -> None:
    mentor = MemberFactory(school=school, name="王刚")
    teacher = StaffFactory(school=school, name="李老师")
    _pair(mentor, mentee_staff=teacher)

    with pytest.raises(DomainError) as error:
        _pair(mentor, mentee_staff=teacher, start_on=dt.date(2025, 2, 1))

    assert error.value.messages == ["王刚 already mentors 李老师 in an open pairing."]
    assert MentoringPair.objects.count() == 1


def test_start_pair_again_after_the_first_pair_closed_is_allowed(school: Any) -> None:
    mentor = MemberFactory(school=school)
    teacher = StaffFactory(school=school)
    first = _pair(mentor, mentee_staff=teacher)
    services.close_pair(pair=first, end_on=dt.date(2025, 1, 31), outcome=MentoringOutcome.ENDED)

    _pair(mentor, mentee_staff=teacher, start_on=dt.date(2025, 2, 1))

    assert MentoringPair.objects.count() == 2


def test_start_pair_with_another_mentor_for_the_same_mentee_is_allowed(school: Any) -> None:
    teacher = StaffFactory(school=school)
    _pair(MemberFactory(school=school), mentee_staff=teacher)

    _pair(MemberFactory(school=school), mentee_staff=teacher)

    assert MentoringPair.objects.count() == 2


# --- log_mentoring --------------------------------------------------------------------------


def test_log_mentoring_on_the_first_day_is_recorded(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))

    log = services.log_mentoring(pair=pair, date=START, note="听课并评课")

    assert (log.school, log.pair, log.date, log.note) == (school, pair, START, "听课并评课")


def test_log_mentoring_before_the_start_is_refused(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))

    with pytest.raises(DomainError) as error:
        services.log_mentoring(pair=pair, date=START - dt.timedelta(days=1), note="听课")

    assert error.value.messages == [
        "A log entry cannot be dated before the pairing started (2024-09-01)."
    ]
    assert MentoringLog.objects.count() == 0


def test_log_mentoring_on_the_last_day_is_recorded_but_not_after(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))
    services.close_pair(pair=pair, end_on=dt.date(2025, 6, 30), outcome=MentoringOutcome.IMPROVED)

    services.log_mentoring(pair=pair, date=dt.date(2025, 6, 30), note="总结")
    with pytest.raises(DomainError) as error:
        services.log_mentoring(pair=pair, date=dt.date(2025, 7, 1), note="回访")

    assert error.value.messages == [
        "A log entry cannot be dated after the pairing ended (2025-06-30)."
    ]
    assert MentoringLog.objects.count() == 1


def test_log_mentoring_without_a_note_is_refused(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))

    with pytest.raises(DomainError) as error:
        services.log_mentoring(pair=pair, date=START, note=" ")

    assert error.value.messages == ["Say what was done."]


# --- close_pair -----------------------------------------------------------------------------


def test_close_pair_on_its_first_day_is_allowed(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))

    services.close_pair(pair=pair, end_on=START, outcome=MentoringOutcome.ENDED)

    pair.refresh_from_db()
    assert (pair.end_on, pair.outcome) == (START, MentoringOutcome.ENDED)


def test_close_pair_before_its_start_is_refused(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))

    with pytest.raises(DomainError) as error:
        services.close_pair(
            pair=pair, end_on=START - dt.timedelta(days=1), outcome=MentoringOutcome.ENDED
        )

    pair.refresh_from_db()
    assert error.value.messages == ["A pairing cannot end before it starts."]
    assert (pair.end_on, pair.outcome) == (None, MentoringOutcome.ONGOING)


@pytest.mark.parametrize("outcome", [MentoringOutcome.ONGOING, "vanished"])
def test_close_pair_needs_an_outcome_other_than_ongoing(school: Any, outcome: str) -> None:
    pair = _pair(MemberFactory(school=school))

    with pytest.raises(DomainError) as error:
        services.close_pair(pair=pair, end_on=dt.date(2025, 6, 30), outcome=outcome)

    pair.refresh_from_db()
    assert error.value.messages == ["Choose how the pairing ended; ongoing is not an outcome."]
    assert pair.end_on is None


def test_close_pair_twice_is_refused(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))
    services.close_pair(pair=pair, end_on=dt.date(2025, 6, 30), outcome=MentoringOutcome.IMPROVED)

    with pytest.raises(DomainError) as error:
        services.close_pair(pair=pair, end_on=dt.date(2025, 7, 30), outcome=MentoringOutcome.ENDED)

    pair.refresh_from_db()
    assert error.value.messages == ["This pairing is closed already."]
    assert (pair.end_on, pair.outcome) == (dt.date(2025, 6, 30), MentoringOutcome.IMPROVED)


def test_close_pair_before_its_last_log_entry_is_refused(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))
    services.log_mentoring(pair=pair, date=dt.date(2025, 3, 1), note="谈心")

    with pytest.raises(DomainError) as error:
        services.close_pair(pair=pair, end_on=dt.date(2025, 2, 28), outcome=MentoringOutcome.ENDED)

    pair.refresh_from_db()
    assert error.value.messages == ["The log has an entry of 2025-03-01, after this end date."]
    assert pair.end_on is None


def test_close_pair_on_the_day_of_its_last_log_entry_is_allowed(school: Any) -> None:
    pair = _pair(MemberFactory(school=school))
    services.log_mentoring(pair=pair, date=dt.date(2025, 3, 1), note="谈心")

    services.close_pair(pair=pair, end_on=dt.date(2025, 3, 1), outcome=MentoringOutcome.ENDED)

    pair.refresh_from_db()
    assert pair.end_on == dt.date(2025, 3, 1)


# --- selectors ------------------------------------------------------------------------------


def test_pairs_lists_the_schools_pairs_with_their_log(school: Any, other_school: Any) -> None:
    pair = _pair(MemberFactory(school=school))
    services.log_mentoring(pair=pair, date=dt.date(2024, 10, 1), note="听课")
    services.log_mentoring(pair=pair, date=dt.date(2024, 11, 1), note="评课")
    _pair(MemberFactory(school=other_school))

    rows = [(p.pk, p.log_count, p.last_logged) for p in selectors.pairs(school)]

    assert rows == [(pair.pk, 2, dt.date(2024, 11, 1))]


def _list_queries(school: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = [(str(p.mentor), str(p.mentee), p.log_count) for p in selectors.pairs(school)]
    assert rows
    return len(captured)


def test_pairs_query_count_does_not_grow_with_rows(school: Any) -> None:
    _pair(MemberFactory(school=school), MenteeKind.YOUNG_TEACHER)
    one = _list_queries(school)
    _pair(MemberFactory(school=school), MenteeKind.STUDENT)
    _pair(MemberFactory(school=school), MenteeKind.ACTIVIST)

    assert _list_queries(school) == one


def test_outcome_counts_count_pairs_active_in_the_period_by_their_outcome_then(
    school: Any, other_school: Any
) -> None:
    mentor = MemberFactory(school=school)

    def closed(start: dt.date, end: dt.date, outcome: str) -> None:
        pair = _pair(mentor, start_on=start)
        services.close_pair(pair=pair, end_on=end, outcome=outcome)

    _pair(mentor, start_on=dt.date(2023, 9, 1))  # ongoing
    closed(dt.date(2023, 9, 1), dt.date(2024, 1, 1), MentoringOutcome.BECAME_ACTIVIST)
    closed(dt.date(2024, 3, 1), dt.date(2024, 12, 31), MentoringOutcome.BECAME_MEMBER)
    closed(dt.date(2024, 3, 1), dt.date(2025, 1, 1), MentoringOutcome.IMPROVED)  # ongoing then
    closed(dt.date(2022, 9, 1), dt.date(2023, 12, 31), MentoringOutcome.ENDED)  # before
    _pair(mentor, start_on=dt.date(2025, 1, 1))  # after
    archived = _pair(mentor, start_on=dt.date(2024, 5, 1))
    archived.archived_at = timezone.now()
    archived.save()
    _pair(MemberFactory(school=other_school), start_on=dt.date(2024, 5, 1))

    counts = selectors.outcome_counts(
        schools=[school], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    )

    assert counts == {
        MentoringOutcome.ONGOING: 2,
        MentoringOutcome.BECAME_ACTIVIST: 1,
        MentoringOutcome.BECAME_MEMBER: 1,
        MentoringOutcome.IMPROVED: 0,
        MentoringOutcome.ENDED: 0,
    }
