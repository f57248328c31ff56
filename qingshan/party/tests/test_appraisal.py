"""The yearly democratic appraisal: who takes part, the steps, the votes and the grades."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qingshan.core.errors import DomainError
from qingshan.party.enums import (
    AppraisalGrade,
    AppraisalStatus,
    MembershipEventKind,
    MemberStatus,
)
from qingshan.party.models import AppraisalEntry, AppraisalRound, MembershipEvent
from qingshan.party.selectors import appraisal as selectors
from qingshan.party.services import appraisal as services
from tests.party_factories import BranchFactory, MemberFactory

EXCELLENT = AppraisalGrade.EXCELLENT
QUALIFIED = AppraisalGrade.QUALIFIED
BASICALLY = AppraisalGrade.BASICALLY_QUALIFIED
UNQUALIFIED = AppraisalGrade.UNQUALIFIED
DECIDED_ON = dt.date(2025, 1, 20)


@pytest.fixture
def branch(school: Any) -> Any:
    return BranchFactory(school=school)


def _event(member: Any, kind: str, date: dt.date) -> None:
    MembershipEvent.objects.create(school=member.school, member=member, kind=kind, date=date)


def _probationary(school: Any, name: str, joined_on: dt.date = dt.date(2024, 7, 1)) -> Any:
    return MemberFactory(
        school=school,
        name=name,
        status=MemberStatus.PROBATIONARY,
        joined_on=joined_on,
        full_on=None,
    )


def _entries(round: Any) -> dict[str, bool]:
    return dict(round.entries.values_list("member__name", "was_probationary"))


def _advance_to(round: Any, status: int) -> Any:
    while round.status < status:
        if round.status == AppraisalStatus.VOTE:
            for entry in round.entries.all():
                services.record_votes(
                    entry=entry, excellent=1, qualified=4, basically_qualified=0, unqualified=0
                )
        services.advance_appraisal(round=round)
    return round


def _round(
    branch: Any, *, full: int = 3, probationary: int = 0, status: int = AppraisalStatus.DECISION
) -> Any:
    for index in range(full):
        MemberFactory(school=branch.school, name=f"正式{index:02d}")
    for index in range(probationary):
        _probationary(branch.school, f"预备{index:02d}")
    return _advance_to(services.open_appraisal(branch=branch, year=2024), status)


def _by_name(round: Any) -> dict[str, Any]:
    return {entry.member.name: entry for entry in round.entries.select_related("member")}


# --- open_appraisal -------------------------------------------------------------------------


def test_open_appraisal_lists_the_members_of_31_december_marking_probationers(
    school: Any, branch: Any
) -> None:
    MemberFactory(school=school, name="老党员")
    _probationary(school, "新党员")
    MemberFactory(
        school=school,
        name="次年转正",
        status=MemberStatus.FULL,
        joined_on=dt.date(2024, 2, 1),
        full_on=dt.date(2025, 2, 1),
    )

    round = services.open_appraisal(branch=branch, year=2024)

    assert (round.school, round.branch, round.year, round.status) == (
        school,
        branch,
        2024,
        AppraisalStatus.SELF_APPRAISAL,
    )
    assert _entries(round) == {"老党员": False, "新党员": True, "次年转正": True}


def test_open_appraisal_includes_a_member_admitted_on_31_december_but_not_on_1_january(
    school: Any, branch: Any
) -> None:
    _probationary(school, "年末入党", joined_on=dt.date(2024, 12, 31))
    _probationary(school, "元旦入党", joined_on=dt.date(2025, 1, 1))

    round = services.open_appraisal(branch=branch, year=2024)

    assert _entries(round) == {"年末入党": True}


def test_open_appraisal_follows_transfers_and_departures_around_the_year_end(
    school: Any, branch: Any
) -> None:
    left_in_october = MemberFactory(
        school=school, name="十月转出", status=MemberStatus.TRANSFERRED_OUT
    )
    _event(left_in_october, MembershipEventKind.TRANSFER_OUT, dt.date(2024, 10, 1))
    left_in_january = MemberFactory(
        school=school, name="一月转出", status=MemberStatus.TRANSFERRED_OUT
    )
    _event(left_in_january, MembershipEventKind.TRANSFER_OUT, dt.date(2025, 1, 10))
    came_in_january = MemberFactory(school=school, name="一月转入")
    _event(came_in_january, MembershipEventKind.TRANSFER_IN, dt.date(2025, 1, 3))
    came_in_june = MemberFactory(school=school, name="六月转入")
    _event(came_in_june, MembershipEventKind.TRANSFER_IN, dt.date(2024, 6, 3))
    MemberFactory(school=school, name="离开无记录", status=MemberStatus.LEFT)

    round = services.open_appraisal(branch=branch, year=2024)

    assert _entries(round) == {"一月转出": False, "六月转入": False}


def test_open_appraisal_leaves_out_archived_members_and_other_schools(
    school: Any, branch: Any, other_school: Any
) -> None:
    MemberFactory(school=school, name="在册")
    MemberFactory(school=school, name="已归档", archived_at=timezone.now())
    MemberFactory(school=other_school, name="外校")

    round = services.open_appraisal(branch=branch, year=2024)

    assert _entries(round) == {"在册": False}
    assert set(round.entries.values_list("school", flat=True)) == {school.pk}


def test_open_appraisal_twice_for_a_year_is_refused(branch: Any) -> None:
    services.open_appraisal(branch=branch, year=2024)

    with pytest.raises(DomainError) as error:
        services.open_appraisal(branch=branch, year=2024)

    assert error.value.messages == ["The democratic appraisal of 2024 has been opened already."]
    assert AppraisalRound.objects.count() == 1


def test_open_appraisal_of_another_year_is_allowed(branch: Any) -> None:
    services.open_appraisal(branch=branch, year=2023)

    services.open_appraisal(branch=branch, year=2024)

    assert sorted(AppraisalRound.objects.values_list("year", flat=True)) == [2023, 2024]


# --- advance_appraisal ----------------------------------------------------------------------


def test_advance_appraisal_moves_one_step_at_a_time(branch: Any) -> None:
    round = _round(branch, status=AppraisalStatus.SELF_APPRAISAL)
    seen = []

    for _ in range(2):
        seen.append(services.advance_appraisal(round=round).status)
    _advance_to(round, AppraisalStatus.DECISION)
    seen.append(round.status)

    assert seen == [
        AppraisalStatus.MUTUAL_APPRAISAL,
        AppraisalStatus.VOTE,
        AppraisalStatus.DECISION,
    ]


def test_advance_appraisal_reads_the_stored_status_not_a_stale_object(branch: Any) -> None:
    round = _round(branch, status=AppraisalStatus.SELF_APPRAISAL)
    stale = AppraisalRound.objects.get(pk=round.pk)
    services.advance_appraisal(round=round)

    services.advance_appraisal(round=stale)

    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.VOTE


def test_leaving_the_vote_without_every_members_votes_is_refused(branch: Any) -> None:
    round = _round(branch, full=3, status=AppraisalStatus.VOTE)
    entries = _by_name(round)
    services.record_votes(
        entry=entries["正式00"], excellent=1, qualified=3, basically_qualified=0, unqualified=0
    )

    with pytest.raises(DomainError) as error:
        services.advance_appraisal(round=round)

    assert error.value.messages == [
        "Record the votes of every member first; missing: 正式01, 正式02."
    ]
    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.VOTE


def test_leaving_the_vote_with_every_members_votes_is_allowed(branch: Any) -> None:
    round = _round(branch, full=2, probationary=1, status=AppraisalStatus.VOTE)
    for entry in round.entries.all():
        services.record_votes(
            entry=entry, excellent=0, qualified=3, basically_qualified=0, unqualified=0
        )

    services.advance_appraisal(round=round)

    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.DECISION


def test_advance_appraisal_cannot_close_the_decision(branch: Any) -> None:
    round = _round(branch, status=AppraisalStatus.DECISION)

    with pytest.raises(DomainError) as error:
        services.advance_appraisal(round=round)

    assert error.value.messages == ["The appraisal closes when the committee decides the grades."]
    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.DECISION


def test_advance_appraisal_refuses_a_closed_appraisal(branch: Any) -> None:
    round = _round(branch, full=1, status=AppraisalStatus.DECISION)
    services.decide_grades(
        round=round, grades={round.entries.get(): QUALIFIED}, decided_on=DECIDED_ON
    )

    with pytest.raises(DomainError) as error:
        services.advance_appraisal(round=round)

    assert error.value.messages == ["This appraisal is closed."]


# --- self-appraisal and votes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [AppraisalStatus.SELF_APPRAISAL, AppraisalStatus.MUTUAL_APPRAISAL]
)
def test_a_self_appraisal_is_written_during_self_and_mutual_appraisal(
    branch: Any, status: int
) -> None:
    round = _round(branch, full=1, status=status)

    services.record_self_appraisal(entry=round.entries.get(), text="一年来认真学习。")

    assert round.entries.get().self_appraisal == "一年来认真学习。"


@pytest.mark.parametrize("status", [AppraisalStatus.VOTE, AppraisalStatus.DECISION])
def test_a_self_appraisal_after_the_mutual_appraisal_is_refused(branch: Any, status: int) -> None:
    round = _round(branch, full=1, status=status)

    with pytest.raises(DomainError) as error:
        services.record_self_appraisal(entry=round.entries.get(), text="迟交的自评")

    assert error.value.messages == [
        "A self-appraisal is written during the self-appraisal or the mutual appraisal; "
        f"this appraisal is at the step: {AppraisalStatus(status).label}."
    ]
    assert round.entries.get().self_appraisal == ""


def test_an_empty_self_appraisal_is_refused(branch: Any) -> None:
    round = _round(branch, full=1, status=AppraisalStatus.SELF_APPRAISAL)

    with pytest.raises(DomainError) as error:
        services.record_self_appraisal(entry=round.entries.get(), text="  ")

    assert error.value.messages == ["The self-appraisal is empty."]


def test_votes_are_recorded_during_the_vote(branch: Any) -> None:
    round = _round(branch, full=1, status=AppraisalStatus.VOTE)

    services.record_votes(
        entry=round.entries.get(), excellent=2, qualified=5, basically_qualified=1, unqualified=0
    )

    entry = round.entries.get()
    assert (
        entry.votes_excellent,
        entry.votes_qualified,
        entry.votes_basically_qualified,
        entry.votes_unqualified,
    ) == (2, 5, 1, 0)


@pytest.mark.parametrize("status", [AppraisalStatus.MUTUAL_APPRAISAL, AppraisalStatus.DECISION])
def test_votes_outside_the_vote_are_refused(branch: Any, status: int) -> None:
    round = _round(branch, full=1, status=status)
    before = round.entries.get().votes_qualified

    with pytest.raises(DomainError) as error:
        services.record_votes(
            entry=round.entries.get(),
            excellent=0,
            qualified=9,
            basically_qualified=0,
            unqualified=0,
        )

    assert error.value.messages == [
        "Votes are recorded during the vote; "
        f"this appraisal is at the step: {AppraisalStatus(status).label}."
    ]
    assert round.entries.get().votes_qualified == before


def test_negative_votes_are_refused(branch: Any) -> None:
    round = _round(branch, full=1, status=AppraisalStatus.VOTE)

    with pytest.raises(DomainError) as error:
        services.record_votes(
            entry=round.entries.get(),
            excellent=0,
            qualified=5,
            basically_qualified=-1,
            unqualified=0,
        )

    assert error.value.messages == ["A number of votes cannot be negative."]
    assert round.entries.get().votes_qualified == 0


def test_a_record_of_no_votes_at_all_is_refused(branch: Any) -> None:
    round = _round(branch, full=1, status=AppraisalStatus.VOTE)

    with pytest.raises(DomainError) as error:
        services.record_votes(
            entry=round.entries.get(),
            excellent=0,
            qualified=0,
            basically_qualified=0,
            unqualified=0,
        )

    assert error.value.messages == ["Record at least one vote."]


# --- decide_grades --------------------------------------------------------------------------


def _grades(round: Any, excellent: int) -> dict[Any, str]:
    entries = sorted(_by_name(round).items())
    return {
        entry: EXCELLENT if index < excellent else QUALIFIED
        for index, (_name, entry) in enumerate(entries)
        if not entry.was_probationary
    }


@pytest.mark.parametrize(("graded", "excellent"), [(2, 0), (3, 1), (5, 1), (6, 2), (9, 3)])
def test_up_to_one_third_of_the_graded_members_may_be_excellent(
    branch: Any, graded: int, excellent: int
) -> None:
    round = _round(branch, full=graded)

    services.decide_grades(round=round, grades=_grades(round, excellent), decided_on=DECIDED_ON)

    assert AppraisalEntry.objects.filter(grade=EXCELLENT).count() == excellent


@pytest.mark.parametrize(
    ("graded", "excellent", "limit"), [(2, 1, 0), (3, 2, 1), (5, 2, 1), (6, 3, 2), (9, 4, 3)]
)
def test_more_than_one_third_excellent_is_refused(
    branch: Any, graded: int, excellent: int, limit: int
) -> None:
    round = _round(branch, full=graded)

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=_grades(round, excellent), decided_on=DECIDED_ON)

    assert error.value.messages == [
        f"At most one third of the graded members can be excellent: {limit} of {graded}, "
        f"not {excellent}."
    ]
    assert AppraisalEntry.objects.exclude(grade="").count() == 0
    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.DECISION


def test_probationary_members_do_not_count_towards_the_third(branch: Any) -> None:
    round = _round(branch, full=3, probationary=3)

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=_grades(round, 2), decided_on=DECIDED_ON)

    assert error.value.messages == [
        "At most one third of the graded members can be excellent: 1 of 3, not 2."
    ]


def test_decide_grades_closes_the_appraisal_and_leaves_probationers_ungraded(
    branch: Any,
) -> None:
    round = _round(branch, full=3, probationary=1)
    entries = _by_name(round)

    services.decide_grades(
        round=round,
        grades={
            entries["正式00"]: EXCELLENT,
            entries["正式01"]: QUALIFIED,
            entries["正式02"]: BASICALLY,
            entries["预备00"]: "",
        },
        follow_ups={entries["正式02"]: "支部书记谈话，限期整改。"},
        decided_on=DECIDED_ON,
    )

    stored = AppraisalRound.objects.get(pk=round.pk)
    assert (stored.status, stored.decided_on) == (AppraisalStatus.CLOSED, DECIDED_ON)
    assert dict(stored.entries.values_list("member__name", "grade")) == {
        "正式00": EXCELLENT,
        "正式01": QUALIFIED,
        "正式02": BASICALLY,
        "预备00": "",
    }
    assert stored.entries.get(member__name="正式02").follow_up == "支部书记谈话，限期整改。"


def test_a_grade_for_a_probationary_member_is_refused(branch: Any) -> None:
    round = _round(branch, full=3, probationary=1)
    grades = _grades(round, 0)
    grades[_by_name(round)["预备00"]] = QUALIFIED

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=grades, decided_on=DECIDED_ON)

    assert error.value.messages == ["A probationary member gets no grade: 预备00."]
    assert AppraisalEntry.objects.exclude(grade="").count() == 0


def test_a_full_member_without_a_grade_is_refused(branch: Any) -> None:
    round = _round(branch, full=3)
    grades = _grades(round, 0)
    del grades[_by_name(round)["正式01"]]

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=grades, decided_on=DECIDED_ON)

    assert error.value.messages == ["Give every full member a grade; missing: 正式01."]
    assert AppraisalRound.objects.get(pk=round.pk).status == AppraisalStatus.DECISION


@pytest.mark.parametrize("grade", [BASICALLY, UNQUALIFIED])
def test_a_low_grade_without_a_follow_up_is_refused(branch: Any, grade: str) -> None:
    round = _round(branch, full=3)
    grades = _grades(round, 0)
    low = _by_name(round)["正式02"]
    grades[low] = grade

    with pytest.raises(DomainError) as error:
        services.decide_grades(
            round=round, grades=grades, follow_ups={low: "   "}, decided_on=DECIDED_ON
        )

    assert error.value.messages == [
        "Basically qualified and unqualified need a follow-up; missing: 正式02."
    ]
    assert AppraisalEntry.objects.exclude(grade="").count() == 0


@pytest.mark.parametrize("grade", [BASICALLY, UNQUALIFIED])
def test_a_low_grade_with_a_follow_up_is_allowed(branch: Any, grade: str) -> None:
    round = _round(branch, full=3)
    grades = _grades(round, 0)
    low = _by_name(round)["正式02"]
    grades[low] = grade

    services.decide_grades(
        round=round, grades=grades, follow_ups={low: "限期整改"}, decided_on=DECIDED_ON
    )

    low.refresh_from_db()
    assert (low.grade, low.follow_up) == (grade, "限期整改")


def test_an_unknown_grade_is_refused(branch: Any) -> None:
    round = _round(branch, full=1)

    with pytest.raises(DomainError) as error:
        services.decide_grades(
            round=round, grades={round.entries.get(): "superb"}, decided_on=DECIDED_ON
        )

    assert error.value.messages == ["superb is not a grade."]


@pytest.mark.parametrize("status", [AppraisalStatus.SELF_APPRAISAL, AppraisalStatus.VOTE])
def test_deciding_before_the_decision_step_is_refused(branch: Any, status: int) -> None:
    round = _round(branch, full=3, status=status)

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=_grades(round, 0), decided_on=DECIDED_ON)

    assert error.value.messages == [
        "Grades are decided at the committee decision; "
        f"this appraisal is at the step: {AppraisalStatus(status).label}."
    ]
    assert AppraisalRound.objects.get(pk=round.pk).status == status


def test_deciding_twice_is_refused(branch: Any) -> None:
    round = _round(branch, full=3)
    services.decide_grades(round=round, grades=_grades(round, 1), decided_on=DECIDED_ON)

    with pytest.raises(DomainError):
        services.decide_grades(round=round, grades=_grades(round, 0), decided_on=DECIDED_ON)

    assert AppraisalEntry.objects.filter(grade=EXCELLENT).count() == 1


def test_an_entry_of_another_appraisal_is_refused(branch: Any, other_school: Any) -> None:
    round = _round(branch, full=3)
    foreign = _round(BranchFactory(school=other_school), full=1)
    grades = _grades(round, 0)
    grades[foreign.entries.get()] = QUALIFIED

    with pytest.raises(DomainError) as error:
        services.decide_grades(round=round, grades=grades, decided_on=DECIDED_ON)

    assert error.value.messages == [f"{foreign.entries.get()} is not part of this appraisal."]
    assert AppraisalEntry.objects.exclude(grade="").count() == 0


# --- selectors ------------------------------------------------------------------------------


def test_grade_counts_count_the_closed_appraisals_of_the_year_in_the_given_schools(
    branch: Any, other_school: Any, school: Any
) -> None:
    round = _round(branch, full=3, probationary=1)
    entries = _by_name(round)
    services.decide_grades(
        round=round,
        grades={
            entries["正式00"]: EXCELLENT,
            entries["正式01"]: QUALIFIED,
            entries["正式02"]: UNQUALIFIED,
        },
        follow_ups={entries["正式02"]: "组织处置"},
        decided_on=DECIDED_ON,
    )
    other_branch = BranchFactory(school=other_school)
    other = _round(other_branch, full=2)
    services.decide_grades(round=other, grades=_grades(other, 0), decided_on=DECIDED_ON)
    services.open_appraisal(branch=branch, year=2025)

    one_school = selectors.grade_counts(schools=[school], year=2024)
    both = selectors.grade_counts(schools=[school, other_school], year=2024)
    next_year = selectors.grade_counts(schools=[school, other_school], year=2025)

    assert one_school == {EXCELLENT: 1, QUALIFIED: 1, BASICALLY: 0, UNQUALIFIED: 1}
    assert both == {EXCELLENT: 1, QUALIFIED: 3, BASICALLY: 0, UNQUALIFIED: 1}
    assert next_year == {EXCELLENT: 0, QUALIFIED: 0, BASICALLY: 0, UNQUALIFIED: 0}


def test_grade_counts_leave_out_an_appraisal_not_yet_closed(branch: Any, school: Any) -> None:
    _round(branch, full=3)

    assert sum(selectors.grade_counts(schools=[school], year=2024).values()) == 0


def test_appraisals_lists_the_schools_rounds_with_counts(
    branch: Any, school: Any, other_school: Any
) -> None:
    round = _round(branch, full=3, probationary=1)
    services.decide_grades(round=round, grades=_grades(round, 1), decided_on=DECIDED_ON)
    services.open_appraisal(branch=BranchFactory(school=other_school), year=2024)

    rows = [(r.year, r.entry_count, r.graded_count) for r in selectors.appraisals(school)]

    assert rows == [(2024, 4, 3)]


def _list_queries(school: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = [(r.branch.name, r.entry_count) for r in selectors.appraisals(school)]
    assert rows
    return len(captured)


def test_appraisals_query_count_does_not_grow_with_rows(branch: Any, school: Any) -> None:
    MemberFactory(school=school)
    services.open_appraisal(branch=branch, year=2022)
    one = _list_queries(school)
    services.open_appraisal(branch=branch, year=2023)
    services.open_appraisal(branch=branch, year=2024)

    assert _list_queries(school) == one
