"""Follow-ups: opened only for someone flagged, recorded, closed once with an outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from qingshan.accounts.enums import Role
from qingshan.core.errors import DomainError
from qingshan.evaluations.enums import FollowUpKind, FollowUpStatus
from qingshan.evaluations.models import FollowUp
from qingshan.evaluations.selectors.followups import follow_ups, open_follow_ups
from qingshan.evaluations.services.followups import (
    add_follow_up_record,
    close_follow_up,
    open_follow_up,
)
from qingshan.evaluations.tests.conftest import Rated

MakeRated = Callable[..., Rated]
TODAY = timezone.localdate


@pytest.fixture
def secretary(school: Any, user_with_role: Callable[..., Any]) -> Any:
    return user_with_role(Role.SECRETARY, school)


@pytest.fixture
def closed(school: Any, make_rated: MakeRated) -> Rated:
    """Teacher 0 below the bar (2.0), teacher 1 above it (4.0), teacher 2 with too few raters."""
    rated = make_rated(school, teachers=3, students=5, threshold="3.00")
    rated.rate_many(0, [2, 2, 2, 2, 2])
    rated.rate_many(1, [4, 4, 4, 4, 4])
    rated.rate_many(2, [1, 1])
    return rated.close()


def _open(rated: Rated, owner: Any, teacher: int = 0, **changes: Any) -> FollowUp:
    values: dict[str, Any] = {
        "kind": FollowUpKind.SHADOWING,
        "deadline": TODAY() + dt.timedelta(days=30),
        "plan": "跟班听课两周",
    }
    return open_follow_up(target=rated.target(teacher), owner=owner, **values | changes)


def test_a_follow_up_opens_for_a_flagged_teacher(closed: Rated, secretary: Any) -> None:
    follow_up = _open(closed, secretary)

    assert (follow_up.status, follow_up.target.staff) == (FollowUpStatus.OPEN, closed.teachers[0])
    assert (follow_up.owner, follow_up.plan) == (secretary, "跟班听课两周")


@pytest.mark.parametrize(
    ("teacher", "message"),
    [(1, "is not below the bar"), (2, "too few responses")],
)
def test_a_follow_up_is_refused_for_someone_not_flagged(
    closed: Rated, secretary: Any, teacher: int, message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        _open(closed, secretary, teacher=teacher)

    assert FollowUp.objects.count() == 0


def test_a_follow_up_waits_for_the_campaign_to_close(
    school: Any, make_rated: MakeRated, secretary: Any
) -> None:
    rated = make_rated(school, threshold="3.00")
    rated.rate_many(0, [1, 1, 1, 1, 1])

    with pytest.raises(DomainError, match="once the campaign is closed"):
        _open(rated, secretary)


def test_a_deadline_before_the_campaign_closed_is_refused(closed: Rated, secretary: Any) -> None:
    with pytest.raises(DomainError, match="deadline cannot be before"):
        _open(closed, secretary, deadline=TODAY() - dt.timedelta(days=1))


def test_the_owner_must_hold_a_role_at_the_school(
    closed: Rated, other_school: Any, user_with_role: Callable[..., Any]
) -> None:
    stranger = user_with_role(Role.SECRETARY, other_school)

    with pytest.raises(DomainError, match="role at this school"):
        _open(closed, stranger)


def test_a_second_open_follow_up_of_the_same_kind_is_refused(closed: Rated, secretary: Any) -> None:
    _open(closed, secretary)

    with pytest.raises(DomainError, match="already has an open follow-up"):
        _open(closed, secretary)
    other_kind = _open(closed, secretary, kind=FollowUpKind.WRITTEN_REVIEW)

    assert other_kind.kind == FollowUpKind.WRITTEN_REVIEW


def test_records_are_added_and_an_attachment_is_checked(closed: Rated, secretary: Any) -> None:
    follow_up = _open(closed, secretary)
    pdf = SimpleUploadedFile("听课记录.pdf", b"%PDF-1.4 notes", content_type="application/pdf")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")

    record = add_follow_up_record(
        follow_up=follow_up, date=TODAY(), note=" 听课4节 ", attachment=pdf
    )
    with pytest.raises(DomainError, match="does not match its name"):
        add_follow_up_record(follow_up=follow_up, date=TODAY(), note="听课", attachment=fake)

    assert (record.note, str(record.attachment.name).endswith(".pdf")) == ("听课4节", True)
    assert follow_up.records.count() == 1


@pytest.mark.parametrize(
    ("days", "note", "message"),
    [(1, "听课", "between the campaign's closing day"), (0, "  ", "Say what was done")],
)
def test_a_record_needs_a_note_and_a_date_not_in_the_future(
    closed: Rated, secretary: Any, days: int, note: str, message: str
) -> None:
    follow_up = _open(closed, secretary)

    with pytest.raises(DomainError, match=message):
        add_follow_up_record(follow_up=follow_up, date=TODAY() + dt.timedelta(days=days), note=note)


def test_closing_without_a_record_is_refused(closed: Rated, secretary: Any) -> None:
    follow_up = _open(closed, secretary)

    with pytest.raises(DomainError, match="at least once before closing"):
        close_follow_up(follow_up=follow_up, outcome="有改进", closed_on=TODAY())

    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.OPEN


def test_closing_needs_an_outcome(closed: Rated, secretary: Any) -> None:
    follow_up = _open(closed, secretary)
    add_follow_up_record(follow_up=follow_up, date=TODAY(), note="听课4节")

    with pytest.raises(DomainError, match="what came of"):
        close_follow_up(follow_up=follow_up, outcome=" ", closed_on=TODAY())


def test_a_follow_up_closes_once_and_then_takes_no_records(closed: Rated, secretary: Any) -> None:
    follow_up = _open(closed, secretary)
    add_follow_up_record(follow_up=follow_up, date=TODAY(), note="听课4节")

    close_follow_up(follow_up=follow_up, outcome="教学方法有改进", closed_on=TODAY())
    with pytest.raises(DomainError, match="closed already"):
        close_follow_up(follow_up=follow_up, outcome="再次", closed_on=TODAY())
    with pytest.raises(DomainError, match="closed already"):
        add_follow_up_record(follow_up=follow_up, date=TODAY(), note="再听课")

    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.outcome, follow_up.closed_on) == (
        FollowUpStatus.CLOSED,
        "教学方法有改进",
        TODAY(),
    )


def test_the_selectors_list_the_schools_follow_ups_open_first_in_one_query(
    closed: Rated,
    secretary: Any,
    other_school: Any,
    make_rated: MakeRated,
    user_with_role: Callable[..., Any],
) -> None:
    done = _open(closed, secretary, kind=FollowUpKind.WRITTEN_REVIEW)
    add_follow_up_record(follow_up=done, date=TODAY(), note="书面反思")
    close_follow_up(follow_up=done, outcome="已反思", closed_on=TODAY())
    late = _open(closed, secretary, deadline=TODAY() + dt.timedelta(days=60))
    soon = _open(
        closed, secretary, kind=FollowUpKind.IMPROVEMENT_PLAN, deadline=TODAY() + dt.timedelta(10)
    )
    foreign = make_rated(other_school, threshold="3.00")
    foreign.rate_many(0, [1, 1, 1, 1, 1])
    _open(foreign.close(), user_with_role(Role.SECRETARY, other_school))

    with CaptureQueriesContext(connection) as queries:
        rows = [
            (row.pk, row.target.label, row.target.campaign.name, row.owner)
            for row in follow_ups(closed.campaign.school)
        ]

    assert [row[0] for row in rows] == [soon.pk, late.pk, done.pk]
    assert len(queries.captured_queries) == 1
    assert list(open_follow_ups(closed.campaign.school)) == [soon, late]
